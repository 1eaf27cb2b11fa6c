// The 2 KB paste the explain() benchmarks time (bench_explain.mjs, profile_explain.mjs): a CI
// log with build lines around one AccessDenied, so the engine's per-byte and per-match costs
// both show.
let paste =
  "Run aws ecr get-login-password --region eu-west-2 | docker login --username AWS --password-stdin 111122223333.dkr.ecr.eu-west-2.amazonaws.com\nLogin Succeeded\n";
while (paste.length < 1700) paste += "#12 0.532 compiling module ... done\n";
paste +=
  "denied: User: arn:aws:sts::111122223333:assumed-role/ci/GitHubActions is not authorized to perform: ecr:InitiateLayerUpload on resource: arn:aws:ecr:eu-west-2:111122223333:repository/team/app because no identity-based policy allows the ecr:InitiateLayerUpload action\n";

export const PASTE_2KB = paste;

/** The value at quantile `q` (0..1) of `xs`. */
export const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
