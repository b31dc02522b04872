import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createQuota, safeBudget } from "../src/quota/quota.js";
import { useRedis, waitFor } from "./client-helpers.js";

/** The largest number of admissions inside any window of `windowMs`. */
function maxInWindow(times: number[], windowMs: number): number {
  const t = [...times].sort((a, b) => a - b);
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < t.length; hi++) {
    while ((t[hi] as number) - (t[lo] as number) >= windowMs) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

const r = useRedis({ beforeAll, afterAll });

describe("upstream quota", () => {
  it("never admits more than the plan inside one sliding window (in-process)", async () => {
    const windowMs = 400;
    const quota = createQuota({ plan: "hobbyist", windowMs });
    const times: number[] = [];
    await Promise.all(
      Array.from({ length: 70 }, () =>
        quota.acquire("background").then((t) => {
          t.done();
          times.push(Date.now());
        }),
      ),
    );
    expect(times).toHaveLength(70);
    expect(maxInWindow(times, windowMs)).toBeLessThanOrEqual(30);
    await quota.close();
  });

  it("admits interactive callers before background callers queued earlier", async () => {
    const quota = createQuota({ plan: "hobbyist", windowMs: 500 });
    const order: string[] = [];
    const bg = Array.from({ length: 60 }, (_, i) =>
      quota.acquire("background").then((t) => {
        t.done();
        order.push(`b${i}`);
      }),
    );
    const it5 = Array.from({ length: 5 }, (_, i) =>
      quota.acquire("interactive").then((t) => {
        t.done();
        order.push(`i${i}`);
      }),
    );
    await Promise.all([...bg, ...it5]);
    const lastInteractive = Math.max(...[0, 1, 2, 3, 4].map((i) => order.indexOf(`i${i}`)));
    // Background fills at most its share of the first window; every interactive call goes next.
    expect(lastInteractive).toBeLessThan(order.indexOf("b59"));
    expect(lastInteractive).toBeLessThan(30);
    await quota.close();
  });

  it("is shared by two processes through Redis", async () => {
    const keyPrefix = r.prefix("quota");
    const windowMs = 500;
    const a = createQuota({ plan: "hobbyist", windowMs, redis: r.redis, keyPrefix });
    const b = createQuota({ plan: "hobbyist", windowMs, redis: r.redis, keyPrefix });
    const times: number[] = [];
    await Promise.all(
      Array.from({ length: 80 }, (_, i) =>
        (i % 2 ? a : b).acquire("interactive").then((t) => {
          t.done();
          times.push(Date.now());
        }),
      ),
    );
    expect(maxInWindow(times, windowMs)).toBeLessThanOrEqual(30);
    expect(a.stats().limitPerMinute).toBe(30);
    await a.close();
    await b.close();
  });

  it("counts what the upstream reports (API-KEY-USE-LIMIT) against the budget", async () => {
    const quota = createQuota({ plan: "hobbyist", windowMs: 60_000 });
    quota.sync(25, 30);
    const { safeLimit } = safeBudget(30, 60_000);
    let admitted = 0;
    const pending = Array.from({ length: 10 }, () => quota.acquire("interactive").then(() => admitted++));
    await waitFor(() => admitted === safeLimit - 25);
    expect(quota.stats().queuedInteractive).toBe(10 - (safeLimit - 25));
    await quota.close();
    await Promise.allSettled(pending);
  });
});
