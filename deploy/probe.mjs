// Asks the bot's HTTP listener a probe and exits 0 when it answers 200, else 1:
// for the container HEALTHCHECK, the compose healthcheck and systemd's
// ExecStartPost. Plain node (the image has no curl).
//   node deploy/probe.mjs [/healthz | /readyz] [--wait SECONDS]
// --wait: keep asking once a second until it answers 200 or the time is up.
const args = process.argv.slice(2);
const path = args.find((arg) => arg.startsWith('/')) ?? '/healthz';
const waitIndex = args.indexOf('--wait');
const waitMs = waitIndex >= 0 ? Number(args[waitIndex + 1]) * 1000 : 0;
const host = !process.env.HOST || process.env.HOST === '0.0.0.0' || process.env.HOST === '::' ? '127.0.0.1' : process.env.HOST;
const url = `http://${host.includes(':') ? `[${host}]` : host}:${process.env.PORT || 3000}${path}`;
const deadline = Date.now() + waitMs;

for (;;) {
  const ok = await fetch(url, { signal: AbortSignal.timeout(3000) }).then(
    (res) => res.status === 200,
    () => false,
  );
  if (ok) process.exit(0);
  if (Date.now() >= deadline) {
    process.stderr.write(`${url}: not answering 200\n`);
    process.exit(1);
  }
  await new Promise((resolve) => setTimeout(resolve, 1000));
}
