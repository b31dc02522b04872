// Container health check without curl (the slim image has none): exits 0 when healthy.
//   node healthcheck.mjs http://127.0.0.1:8000/health   -> GET must answer 2xx within 4 s
//   node healthcheck.mjs --bot                          -> the bot's own health endpoint when it has one
// The URLs point at the apps' cheap /health, which makes no CoinGlass call.
const arg = process.argv[2] ?? "";
const url = arg === "--bot" ? `http://127.0.0.1:${process.env.BOT_HEALTH_PORT ?? "8090"}/health` : arg;
try {
  const res = await fetch(url, { signal: AbortSignal.timeout(4_000) });
  process.exit(res.ok ? 0 : 1);
} catch {
  process.exit(1);
}
