// Container health check without curl (the slim image has none); exits 0 when healthy.
//   node healthcheck.mjs http://127.0.0.1:8000/health   GET must answer 2xx within 4 s. The apps'
//                                                       /health makes no CoinGlass call.
//   node healthcheck.mjs --bot                          the bot has no HTTP port when it long-polls:
//     its alert dispatcher must be alive, i.e. a consumer of the `telegram-bot` group on the alert
//     stream in Redis (preferably this container's, named after its host) read within 60 s.
const arg = process.argv[2] ?? "";
const fail = (why) => {
  console.error(`unhealthy: ${why}`);
  process.exit(1);
};
const timer = setTimeout(() => fail("no answer within 4 s"), 4_000);

if (arg === "--bot") {
  const { Redis } = await import("ioredis");
  const { hostname } = await import("node:os");
  const prefix = process.env.REDIS_PREFIX ?? "teleglas:";
  const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
  });
  try {
    await redis.connect();
    const rows = await redis.xinfo("CONSUMERS", `${prefix}alerts:stream`, "telegram-bot");
    const consumers = rows.map((row) => Object.fromEntries(chunk(row)));
    const mine = consumers.filter((c) => String(c.name).includes(hostname()));
    const fresh = (mine.length > 0 ? mine : consumers).some((c) => Number(c.idle) < 60_000);
    redis.disconnect();
    if (!fresh) fail("no live alert dispatcher in Redis");
    process.exit(0);
  } catch (error) {
    redis.disconnect();
    fail(error instanceof Error ? error.message : String(error));
  }
} else {
  try {
    const res = await fetch(arg, { signal: AbortSignal.timeout(3_500) });
    clearTimeout(timer);
    process.exit(res.ok ? 0 : 1);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}

function chunk(flat) {
  const pairs = [];
  for (let i = 0; i + 1 < flat.length; i += 2) pairs.push([flat[i], flat[i + 1]]);
  return pairs;
}
