import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMarketCache } from "../src/cache/cache.js";
import { PlanError, TimeoutError } from "../src/models/errors.js";
import { useRedis, waitFor } from "./client-helpers.js";

const r = useRedis({ beforeAll, afterAll });

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

const backends = ["memory", "redis"] as const;

describe.each(backends)("market cache (%s)", (backend) => {
  function make(now?: () => number) {
    const keyPrefix = r.prefix("cache");
    return createMarketCache({
      ...(backend === "redis" ? { redis: r.redis, keyPrefix } : {}),
      ...(now ? { now } : {}),
    });
  }

  it("coalesces 1,000 concurrent identical loads into one", async () => {
    const cache = make();
    let loads = 0;
    const loader = async () => {
      loads++;
      await new Promise((r) => setTimeout(r, 30));
      return { price: 1 };
    };
    const results = await Promise.all(
      Array.from({ length: 1000 }, () => cache.get("k", { ttlMs: 5_000 }, loader)),
    );
    expect(loads).toBe(1);
    expect(results.every((r) => r.value.price === 1)).toBe(true);
    const again = await cache.get("k", { ttlMs: 5_000 }, loader);
    expect(again).toMatchObject({ cached: true, stale: false });
    expect(loads).toBe(1);
    expect(cache.stats().hits).toBeGreaterThanOrEqual(1000);
  });

  it("serves the old value while revalidating without calling it stale, then the refreshed value", async () => {
    const c = clock();
    const cache = make(c.now);
    let n = 0;
    const loader = async () => ++n;
    const policy = { ttlMs: 1_000, swrMs: 10_000 };
    const first = await cache.get("swr", policy, loader);
    expect(first).toMatchObject({ value: 1, stale: false, staleReason: null, asOf: 1_000_000 });
    c.advance(2_000);
    const old = await cache.get("swr", policy, loader);
    expect(old).toMatchObject({ value: 1, stale: false, cached: true, ageMs: 2_000, asOf: 1_000_000 });
    await waitFor(() => n === 2);
    const fresh = await cache.get("swr", policy, loader);
    expect(fresh).toMatchObject({ value: 2, stale: false, asOf: 1_002_000 });
  });

  it("marks a value stale, with the reason, only while its refresh fails, and fresh again after", async () => {
    const c = clock();
    const cache = make(c.now);
    let failWith: Error | null = null;
    let n = 0;
    const loader = async () => {
      n++;
      if (failWith) throw failWith;
      return n;
    };
    const policy = { ttlMs: 1_000, swrMs: 10_000, staleOnErrorMs: 60_000 };
    await cache.get("flaky", policy, loader);
    c.advance(2_000);
    failWith = new TimeoutError("/api/x", 10_000);
    expect(await cache.get("flaky", policy, loader)).toMatchObject({ value: 1, stale: false });
    let seen = await cache.get("flaky", policy, loader);
    const look = async () => {
      seen = await cache.get("flaky", policy, loader);
      return seen;
    };
    await waitFor(async () => (await look()).stale);
    expect(seen).toMatchObject({ value: 1, stale: true, staleReason: "timeout" });
    failWith = null;
    await waitFor(async () => (await look()).value !== 1);
    expect(seen).toMatchObject({ stale: false, staleReason: null });
  });

  it("answers by the caller's deadline: the old value marked stale (timeout), else a TimeoutError", async () => {
    const cache = make();
    const policy = { ttlMs: 1, staleOnErrorMs: 60_000 };
    await cache.get("slow", policy, async () => "old");
    await new Promise((r) => setTimeout(r, 5));
    const hang = () => new Promise<string>(() => {});
    const started = Date.now();
    const r = await cache.get("slow", policy, hang, { deadlineAt: Date.now() + 150 });
    expect(r).toMatchObject({ value: "old", stale: true, staleReason: "timeout" });
    expect(Date.now() - started).toBeLessThan(1_000);
    await expect(cache.get("cold", policy, hang, { deadlineAt: Date.now() + 100 })).rejects.toBeInstanceOf(
      TimeoutError,
    );
  });

  it("serves a bounded-age value marked stale when the upstream fails, and errors past that age", async () => {
    const c = clock();
    const cache = make(c.now);
    const policy = { ttlMs: 1_000, staleOnErrorMs: 60_000 };
    await cache.get("soe", policy, async () => "good");
    c.advance(30_000);
    const failing = async (): Promise<string> => {
      throw new Error("HTTP 503");
    };
    expect(await cache.get("soe", policy, failing)).toMatchObject({
      value: "good",
      stale: true,
      staleReason: "upstream_error",
      ageMs: 30_000,
    });
    c.advance(31_000);
    await expect(cache.get("soe", policy, failing)).rejects.toThrow("HTTP 503");
    expect(cache.stats().staleServed).toBe(1);
  });

  it("remembers a plan error so the endpoint is not called again for a while", async () => {
    const cache = make();
    let calls = 0;
    const loader = async (): Promise<number> => {
      calls++;
      throw new PlanError("/api/futures/coins-markets", "standard", "hobbyist");
    };
    const policy = { ttlMs: 1_000, negativeTtlMs: 60_000 };
    await expect(cache.get("plan", policy, loader)).rejects.toBeInstanceOf(PlanError);
    const second = await cache.get("plan", policy, loader).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(PlanError);
    expect((second as PlanError).requiredPlan).toBe("standard");
    expect(calls).toBe(1);
  });
});
