import { createSimulator } from "@teleglas/coinglass-sim";
import { makeAlert, openTestRedis, TEST_REDIS_URL } from "@teleglas/market-data-core/testing";
import { describe, expect, it } from "vitest";
import { gracefulStop, openRuntime, openUpstream } from "../src/index.js";

describe("gracefulStop", () => {
  it("stops once, then exits 0, whatever the number of signals", async () => {
    const calls: string[] = [];
    const stop = gracefulStop({
      onStop: (signal) => calls.push(`stopping ${signal}`),
      stop: async () => {
        calls.push("stop");
      },
      exit: (code) => calls.push(`exit ${code}`),
    });
    await Promise.all([stop("SIGINT"), stop("SIGTERM")]);
    expect(calls).toEqual(["stopping SIGINT", "stop", "exit 0"]);
  });

  it("exits with the code it was given (1 for a fatal error), and 1 when the stop itself fails", async () => {
    const exits: number[] = [];
    await gracefulStop({ stop: async () => {}, exit: (c) => exits.push(c) })("uncaughtException", 1);
    await gracefulStop({
      stop: () => Promise.reject(new Error("close failed")),
      exit: (c) => exits.push(c),
    })("SIGTERM");
    expect(exits).toEqual([1, 1]);
  });

  it("exits 1 when stopping hangs past the limit", async () => {
    const exits: number[] = [];
    const stop = gracefulStop({
      stop: () => new Promise(() => {}),
      exit: (c) => exits.push(c),
      forceAfterMs: 20,
    });
    void stop("SIGTERM");
    await expect.poll(() => exits, { timeout: 5_000 }).toEqual([1]);
  });
});

describe("openRuntime", () => {
  const upstream = { apiKey: "k", baseUrl: "http://127.0.0.1:9", plan: "standard" as const };

  it("keeps the stores in memory without a Redis URL, and closes the upstream once", async () => {
    let upstreamCloses = 0;
    const rt = openRuntime({
      redisUrl: undefined,
      upstream: { ...upstream, close: async () => void upstreamCloses++ },
    });
    expect(rt.redis).toBeUndefined();
    const alert = makeAlert();
    await rt.stores.alerts.publish(alert);
    expect((await rt.stores.alerts.recent()).map((a) => a.id)).toEqual([alert.id]);
    await Promise.all([rt.close(), rt.close()]);
    expect(upstreamCloses).toBe(1);
  });

  it("keeps the stores in Redis under the given prefix and quits the connection on close", async () => {
    const t = await openTestRedis("runtime");
    try {
      const rt = openRuntime({ redisUrl: TEST_REDIS_URL, upstream, keyPrefix: t.prefix });
      const alert = makeAlert();
      await rt.stores.alerts.publish(alert);
      await rt.close();
      await expect.poll(() => rt.redis?.status).toBe("end");
      expect((await t.redis.keys(`${t.prefix}*`)).length).toBeGreaterThan(0);
      expect(await t.redis.keys(`teleglas:*${alert.id}*`)).toEqual([]);
    } finally {
      await t.cleanup();
    }
  });

  it("logs an impossible upstream value as one warning naming the endpoint and field", async () => {
    const sim = await createSimulator({ background: false });
    sim.control.corrupt({ path: "/api/futures/rsi/list", field: "rsi_1h", value: -20 });
    const warns: Array<{ obj: object; msg: string }> = [];
    const rt = openRuntime({
      redisUrl: undefined,
      upstream: { apiKey: "k", baseUrl: sim.restUrl, plan: "standard" },
      log: { info: () => {}, warn: (obj, msg) => warns.push({ obj, msg }) },
    });
    try {
      for (const coin of ["BTC", "ETH", "SOL"])
        expect((await rt.core.market.getRsi(coin)).data.rsi["1h"]).toBeNull();
      const said = warns.filter((w) => w.msg.includes("impossible value"));
      expect(said).toHaveLength(1);
      expect(said[0]?.obj).toMatchObject({
        endpoint: "/api/futures/rsi/list",
        field: "rsi_1h",
        value: "-20",
      });
    } finally {
      await rt.close();
      await sim.close();
    }
  });
});

describe("openUpstream", () => {
  const env = {
    COINGLASS_BASE_URL: "https://open-api-v4.coinglass.com",
    COINGLASS_WS_URL: "wss://open-ws.coinglass.com/ws-api",
    COINGLASS_PLAN: "standard" as const,
    REQUEST_DEADLINE_MS: 8_000,
    COINGLASS_QUOTA_FALLBACK_SHARE: 1 / 3,
    LOG_LEVEL: "info" as const,
  };

  it("uses the configured CoinGlass when a key is set, starting nothing", async () => {
    const up = await openUpstream({ ...env, COINGLASS_API_KEY: "key" });
    expect(up).toMatchObject({ apiKey: "key", baseUrl: env.COINGLASS_BASE_URL, simulator: null });
  });

  it("starts the simulator (imported on use) when no key is set, and it answers", async () => {
    const up = await openUpstream(env);
    try {
      expect(up.simulator?.restUrl).toBe(up.baseUrl);
      const res = await fetch(`${up.baseUrl}/api/futures/supported-coins`, {
        headers: { "CG-API-KEY": up.apiKey },
      });
      expect(((await res.json()) as { data: string[] }).data).toContain("BTC");
    } finally {
      await up.close();
    }
  });
});
