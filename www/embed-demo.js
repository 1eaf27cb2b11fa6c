// The demo page's own script (a file, not inline: the page's CSP allows no inline script).

// 1. The iframe: fit its height. Listen before anything else loads, so the frame's first
// height report is not missed.
const frame = document.getElementById("demo-frame");
addEventListener("message", (e) => {
  if (e.source === frame.contentWindow && e.data && e.data.type === "ecr-explain:height" && Number.isFinite(e.data.height)) {
    frame.style.height = Math.min(Math.max(e.data.height, 200), 4000) + "px";
  }
});

// Copy buttons for the snippets.
for (const pre of document.querySelectorAll("pre.snippet")) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "copy";
  button.textContent = "Copy";
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(pre.textContent);
      button.textContent = "Copied";
    } catch {
      getSelection().selectAllChildren(pre);
      button.textContent = "Selected: press Ctrl+C";
    }
    setTimeout(() => (button.textContent = "Copy"), 1500);
  });
  pre.before(button);
}

// ... and send it an error.
document.getElementById("send-to-frame").addEventListener("click", () => {
  frame.contentWindow.postMessage(
    { type: "ecr-explain:explain", text: "Error response from daemon: Get https://123456789012.dkr.ecr.us-east-1.amazonaws.com/v2/web/manifests/latest: no basic auth credentials" },
    "*",
  );
});

const { ready, explain, mount } = await import("./embed.js");

// 2. mount()
mount(document.getElementById("mount-target"), {
  error: "denied: Your authorization token has expired. Reauthenticate and try again",
  compact: true,
});

// 3. explain()
const run = async () => {
  await ready;
  const report = explain(document.getElementById("api-input").value);
  document.getElementById("api-output").textContent = JSON.stringify(
    {
      summary: report.summary,
      findings: report.findings.map((f) => ({ id: f.id, fields: f.fields, first_remedy: f.remedies[0] })),
      fields: report.fields,
    },
    null,
    2,
  );
};
document.getElementById("api-run").addEventListener("click", run);
run();
