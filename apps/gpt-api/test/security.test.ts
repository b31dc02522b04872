import { createAnswerCache, type MarketResult } from "@teleglas/market-data-core";
import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { LIVE_META, prepareBody, renderBody } from "../src/http/envelope.js";
import { snakeKey, snakePath, toSnake } from "../src/http/snake-case.js";
import { createBearerAuth } from "../src/security/auth.js";
import { createIpAllowlist } from "../src/security/ip-allowlist.js";
import { createBatchedRateStore } from "../src/security/rate-store.js";
import { testRedis } from "./redis.js";

describe("bearer auth", () => {
  const auth = createBearerAuth(["key-one-0123456789", "key-two-0123456789"]);
  it("accepts any configured key and names it by an id that is not the key", () => {
    const a = auth.check("Bearer key-two-0123456789");
    expect(a.ok).toBe(true);
    if (a.ok) expect(a.keyId).not.toContain("key-two");
    expect(auth.check("bearer key-one-0123456789").ok).toBe(true);
  });
  it("rejects a missing header, another scheme, a prefix of a key and a wrong key", () => {
    expect(auth.check(undefined)).toEqual({ ok: false, reason: "missing" });
    expect(auth.check("Basic a2V5")).toEqual({ ok: false, reason: "missing" });
    expect(auth.check("Bearer key-one-012345678")).toEqual({ ok: false, reason: "invalid" });
    expect(auth.check("Bearer key-one-0123456789x")).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("IP allowlist", () => {
  const allow = createIpAllowlist(["10.0.0.0/8", "192.168.1.7", "2001:db8::/32", "::1"]);
  it("matches IPv4 CIDRs, single addresses, IPv6 CIDRs and IPv4-mapped IPv6", () => {
    expect(allow.allows("10.20.30.40")).toBe(true);
    expect(allow.allows("192.168.1.7")).toBe(true);
    expect(allow.allows("::ffff:10.1.2.3")).toBe(true);
    expect(allow.allows("2001:db8:1::5")).toBe(true);
    expect(allow.allows("::1")).toBe(true);
  });
  it("refuses everything else", () => {
    expect(allow.allows("11.0.0.1")).toBe(false);
    expect(allow.allows("192.168.1.8")).toBe(false);
    expect(allow.allows("2001:db9::1")).toBe(false);
    expect(allow.allows("not-an-ip")).toBe(false);
  });
  it("an empty list allows any address; a malformed entry throws at start", () => {
    expect(createIpAllowlist([]).allows("8.8.8.8")).toBe(true);
    expect(() => createIpAllowlist(["10.0.0.0/33"])).toThrow(/not an IP/);
    expect(() => createIpAllowlist(["example.com"])).toThrow(/not an IP/);
  });
});

describe("snake_case fields", () => {
  it("converts camelCase with units and digits, leaves window keys alone", () => {
    expect(snakeKey("high24hUsd")).toBe("high_24h_usd");
    expect(snakeKey("byExchange24h")).toBe("by_exchange_24h");
    expect(snakeKey("oiWeightedRatePct")).toBe("oi_weighted_rate_pct");
    expect(snakeKey("24h")).toBe("24h");
    expect(snakePath("price.high24hUsd")).toBe("price.high_24h_usd");
    expect(toSnake({ changePct: { "5m": 1 }, byExchange: [{ openInterestUsd: null }] })).toEqual({
      change_pct: { "5m": 1 },
      by_exchange: [{ open_interest_usd: null }],
    });
  });
});

describe("batched rate store", () => {
  const incr = (
    store: ReturnType<typeof createBatchedRateStore>,
    key: string,
    window = 60_000,
    max?: number,
  ) =>
    new Promise<{ current: number; ttl: number }>((resolve, reject) =>
      store.incr(key, (err, res) => (err ? reject(err) : resolve(res)), window, max),
    );

  it("counts per key in process and shares the count across replicas through Redis", async () => {
    const { redis, prefix, cleanup } = await testRedis();
    try {
      const a = createBatchedRateStore({ redis, prefix, syncMs: 10 });
      const b = createBatchedRateStore({ redis, prefix, syncMs: 10 });
      for (let i = 0; i < 5; i++) await incr(a, "k1");
      expect((await incr(a, "k1")).current).toBe(6);
      expect((await incr(a, "other")).current).toBe(1);
      await a.flush();
      // Replica b learns a's six requests at its first flush.
      expect((await incr(b, "k1")).current).toBe(1);
      await b.flush();
      expect((await incr(b, "k1")).current).toBe(8);
      const stored = await redis.keys(`${prefix}k1:*`);
      expect(stored).toHaveLength(1);
      expect(await redis.pttl(stored[0] as string)).toBeGreaterThan(0);
      await a.close();
      await b.close();
    } finally {
      await cleanup();
    }
  });

  it("lets a replica admit at most 1 % of a limit that Redis has not confirmed", async () => {
    const { redis, prefix, cleanup } = await testRedis();
    try {
      const a = createBatchedRateStore({ redis, prefix, syncMs: 60_000 });
      const b = createBatchedRateStore({ redis, prefix, syncMs: 60_000 });
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) => incr(i % 2 === 0 ? a : b, "k", 864_000_000, 20)),
      );
      expect(results.filter((r) => r.current <= 20)).toHaveLength(21);
      await a.close();
      await b.close();
    } finally {
      await cleanup();
    }
  });

  it("decides alone, without hanging, when Redis does not answer", async () => {
    const down = new Redis({
      port: 1,
      lazyConnect: true,
      retryStrategy: () => null,
      enableOfflineQueue: false,
    });
    down.on("error", () => undefined);
    const errors: unknown[] = [];
    const store = createBatchedRateStore({
      redis: down,
      prefix: "unused:",
      syncMs: 10,
      onError: (e) => errors.push(e),
    });
    const started = Date.now();
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await incr(store, "k", 60_000, 10));
    expect(results.map((r) => r.current)).toEqual([1, 2, 3, 4, 5]);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(errors.length).toBeGreaterThan(0);
    // While Redis stays down, it retries every few seconds, not at every sync interval (10 ms).
    const before = errors.length;
    await new Promise((r) => setTimeout(r, 300));
    expect(errors.length - before).toBeLessThanOrEqual(1);
    await store.close();
    down.disconnect();
  });

  it("starts a new count in the next window and reports the time left", async () => {
    let now = 1_000_020;
    const store = createBatchedRateStore({ prefix: "unused:", syncMs: 10, now: () => now });
    const first = await incr(store, "k", 50);
    expect(first.ttl).toBeLessThanOrEqual(50);
    expect((await incr(store, "k", 50)).current).toBe(2);
    now += 60;
    expect((await incr(store, "k", 50)).current).toBe(1);
  });
});

describe("answer cache", () => {
  const meta = (at: number) => ({ ...LIVE_META, staleReason: null, asOf: at });
  /** One turn of the event loop: a background refresh that was started has settled. */
  const settled = () => new Promise((r) => setImmediate(r));

  it("serves an expired answer while one refresh runs, then the refreshed one", async () => {
    let now = 1_000_000;
    const answers = createAnswerCache({ now: () => now });
    const policy = { ttlMs: 20, swrMs: 10_000 };
    let loads = 0;
    const build = async () => ({ data: { n: ++loads }, meta: meta(now) });
    await answers.get("k", policy, build);
    now += 30;
    const held = await answers.get("k", policy, build);
    expect(held.data).toEqual({ n: 1 });
    await answers.get("k", policy, build);
    await settled();
    expect(loads).toBe(2);
    expect((await answers.get("k", policy, build)).data).toEqual({ n: 2 });
  });

  it("marks the held answer stale when the refresh fails", async () => {
    let now = 1_000_000;
    const answers = createAnswerCache({ now: () => now });
    const policy = { ttlMs: 10, swrMs: 10_000 };
    await answers.get("k", policy, async () => ({ symbol: "BTC", data: { n: 1 }, meta: meta(now) }));
    now += 20;
    const failing = async (): Promise<MarketResult<{ n: number }>> => {
      throw new Error("upstream down");
    };
    await answers.get("k", policy, failing);
    await settled();
    const held = await answers.get("k", policy, failing);
    const body = prepareBody("BTC", held.data, { ...held.meta, missing: [] }, now);
    expect(JSON.parse(renderBody(body, now, false)).meta).toMatchObject({ stale: true, cached: true });
  });
});

describe("number precision", () => {
  it("cuts float noise but keeps integers and small prices", () => {
    expect(toSnake({ a: 6349888.312500001, b: 97250, c: 0.000012345678912, d: null })).toEqual({
      a: 6349888.313,
      b: 97250,
      c: 0.00001234567891,
      d: null,
    });
  });
});
