import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { createProcessMetrics, startMetricsServer } from "@teleglas/metrics";
import { Api } from "grammy";
import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { createBullDelivery } from "../src/delivery/bullmq.js";
import { createBotMetrics } from "../src/metrics.js";
import { ALLOWED, type Harness, startHarness } from "./harness.js";
import { makeAlert } from "./helpers.js";

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

/** A free TCP port on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** The value of one sample line of the bot's /metrics (labels included in `series`), or null. */
async function sample(url: string, series: string): Promise<number | null> {
  const text = await (await fetch(url)).text();
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? null : Number(line.slice(series.length + 1));
}

describe("bot metrics (BOT_METRICS_PORT)", () => {
  it("are off unless BOT_METRICS_PORT is set", async () => {
    h = await startHarness();
    expect(h.metricsUrl()).toBeNull();
  });

  it("count commands, deliveries by outcome, and the alert latency from the event's own time", async () => {
    h = await startHarness({ env: { BOT_METRICS_PORT: "0" } });
    const url = h.metricsUrl()!;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect((await fetch(url.replace("/metrics", "/other"))).status).toBe(404);

    const [a, b] = [ALLOWED[10]!, ALLOWED[11]!];
    await h.ask(a, "/subscribe");
    await h.ask(b, "/subscribe");
    expect(await sample(url, 'teleglas_bot_command_duration_seconds_count{command="subscribe"}')).toBe(2);
    expect(await sample(url, 'teleglas_bot_updates_total{type="command"}')).toBe(2);

    h.tg.block(b);
    // The event happened 3 s before it was published: the latency counts from the event.
    await h.stores.alerts.publish(
      makeAlert({ kind: "whale_trade", symbol: "SOL", last_at: Date.now() - 3_000 }),
    );
    await h.tg.waitForMessage((m) => m.chat_id === a && m.text.includes("SOL"));
    await h.tg.waitUntil(() => h!.tg.stats().status403 >= 1, { what: "the 403" });
    const count = 'teleglas_alert_latency_seconds_count{kind="whale_trade"}';
    for (let i = 0; i < 50 && (await sample(url, count)) !== 1; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(await sample(url, count)).toBe(1);
    const seconds = await sample(url, 'teleglas_alert_latency_seconds_sum{kind="whale_trade"}');
    expect(seconds).toBeGreaterThanOrEqual(3);
    expect(seconds).toBeLessThan(10);
    expect(await sample(url, 'teleglas_alert_latency_seconds_bucket{le="2",kind="whale_trade"}')).toBe(0);
    expect(await sample(url, "teleglas_bot_delivery_sent_total")).toBe(1);
    expect(await sample(url, 'teleglas_bot_delivery_failed_total{reason="blocked"}')).toBe(1);
    expect(await sample(url, "teleglas_bot_delivery_queue_depth")).toBe(0);
    expect(await sample(url, "teleglas_bot_delivery_oldest_waiting_seconds")).toBe(0);
    // Every process has the upstream and process metrics too.
    expect(await sample(url, "teleglas_upstream_quota_limit")).toBeGreaterThan(0);
    expect(await sample(url, "process_resident_memory_bytes")).toBeGreaterThan(0);
  });
});

describe("bot metrics while Redis does not answer", () => {
  it("a scrape still answers within its deadline, leaving out only the queue gauges", async () => {
    // Redis of its own, frozen with SIGSTOP: commands hang instead of failing, the worst case.
    const port = await freePort();
    const server = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", ""], {
      stdio: "ignore",
    });
    const redis = new Redis(`redis://127.0.0.1:${port}`, { lazyConnect: true, retryStrategy: () => 200 });
    redis.on("error", () => {});
    for (let i = 0; i < 50 && redis.status !== "ready"; i++) {
      await redis.connect().catch(() => new Promise((r) => setTimeout(r, 100)));
    }
    const delivery = createBullDelivery({
      redis,
      prefix: "test:metrics:",
      api: new Api("123:test", { apiRoot: "http://127.0.0.1:9" }),
      ledger: { has: async () => false, markOnce: async () => true } as never,
      subscriptions: { deactivate: async () => {}, migrate: async () => {} } as never,
      ratePerSecond: 25,
    });
    const metrics = createBotMetrics(createProcessMetrics().registry);
    metrics.watch(delivery);
    const srv = await startMetricsServer({ host: "127.0.0.1", port: 0, registry: metrics.registry });
    try {
      expect(await sample(srv.url, "teleglas_bot_delivery_queue_depth")).toBe(0);
      server.kill("SIGSTOP");
      const started = performance.now();
      const text = await (await fetch(srv.url, { signal: AbortSignal.timeout(5_000) })).text();
      expect(performance.now() - started).toBeLessThan(2_500);
      expect(text).toContain("teleglas_bot_delivery_sent_total 0");
      expect(text).not.toMatch(/^teleglas_bot_delivery_queue_depth /m);
    } finally {
      server.kill("SIGCONT");
      server.kill("SIGTERM");
      await srv.close();
      await delivery.close();
      redis.disconnect();
    }
  });
});
