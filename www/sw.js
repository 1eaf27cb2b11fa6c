// ecr-explain service worker: caches one build for offline use. tools/postbuild.mjs fills in
// the build's id and its files, so every build has a new sw.js and browsers pick it up.
const CACHE = "ecr-explain-__BUILD__";
const FILES = ["__FILES__"];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("ecr-explain-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(self.registration.scope)) return;
  if (request.mode === "navigate") {
    // Pages: the network first, so a new build shows at once; the cached copy when offline.
    event.respondWith(
      fetch(request).catch(() =>
        caches.match(request, { ignoreSearch: true }).then((hit) => hit || caches.match("./")),
      ),
    );
    return;
  }
  // Hashed assets never change: the cache first.
  event.respondWith(caches.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request)));
});
