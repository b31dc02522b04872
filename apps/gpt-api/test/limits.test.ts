import { createHash } from "node:crypto";
import { waitFor } from "@teleglas/market-data-core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERROR_EXAMPLES } from "../src/schemas/error-responses.js";
import { type Json, KEY, type Peers, startApi, startPeers } from "./harness.js";
import { testRedis } from "./redis.js";

let peers: Peers;
beforeAll(async () => {
  peers = await startPeers();
});
afterAll(async () => {
  await peers?.close();
});

describe("per-key rate limit", () => {
  it("sends X-RateLimit headers and answers 429 RATE_LIMITED with Retry-After past the limit", async () => {
    const api = await startApi(peers, { rateLimitPerMinute: 3 });
    try {
      const ok = await api.get("/gpt/sentiment");
      expect(ok.status).toBe(200);
      expect(ok.headers.get("x-ratelimit-limit")).toBe("3");
      expect(ok.headers.get("x-ratelimit-remaining")).toBe("2");
      expect(Number(ok.headers.get("x-ratelimit-reset"))).toBeGreaterThan(0);
      await api.get("/gpt/sentiment");
      await api.get("/gpt/sentiment");
      const limited = await api.get("/gpt/sentiment");
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
      const body = (await limited.json()) as Json;
      expect(body).toMatchObject({ success: false, error: { code: "RATE_LIMITED" } });
    } finally {
      await api.close();
    }
  });

  it("counts each request once and shares the count between two replicas through Redis", async () => {
    // A key of its own, so counts of the other tests in this window do not mix in.
    const key2 = "second-key-0123456789abcdef";
    const id = `k_${createHash("sha256").update(key2).digest().subarray(0, 6).toString("hex")}`;
    const a = await startApi(peers, { rateLimitPerMinute: 4, apiKeys: [key2] });
    const b = await startApi(peers, { rateLimitPerMinute: 4, apiKeys: [key2] });
    const auth = { authorization: `Bearer ${key2}` };
    const remaining = async (api: typeof a) =>
      (await api.get("/gpt/sentiment", auth)).headers.get("x-ratelimit-remaining");
    const synced = (n: number) =>
      waitFor(async () => {
        const keys = await peers.redis.keys(`${peers.prefix}gpt:rl:${id}:*`);
        const values = keys.length === 0 ? [] : await peers.redis.mget(...keys);
        return values.reduce((sum, v) => sum + Number(v ?? 0), 0) === n;
      });
    try {
      expect((await a.get("/health", auth)).headers.get("x-ratelimit-limit")).toBeNull();
      expect(await remaining(a)).toBe("3");
      expect(await remaining(a)).toBe("2");
      await synced(2);
      // Replica b counts locally at once and learns a's two requests when it syncs with Redis.
      expect(await remaining(b)).toBe("3");
      await synced(3);
      // b reads the total from the reply to that same flush, a moment after Redis counted it.
      await new Promise((r) => setTimeout(r, 200));
      expect(await remaining(b)).toBe("0");
      expect((await b.get("/gpt/sentiment", auth)).status).toBe(429);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe("two replicas on one Redis", () => {
  it("admit at most the limit plus one per extra replica in a burst (100/min: at most 101)", async () => {
    // A window of ten days, so the burst cannot straddle a window boundary.
    const key = `burst-key-${Math.random().toString(36).slice(2)}-0123456789`;
    const cfg = { rateLimitPerMinute: 100, apiKeys: [key], rateSyncMs: 100, rateWindowMs: 864_000_000 };
    const own = await testRedis();
    const a = await startApi(peers, cfg);
    const b = await startApi(peers, cfg, { redis: own.redis });
    const headers = { authorization: `Bearer ${key}` };
    try {
      const answers = await Promise.all(
        Array.from({ length: 400 }, (_, i) => (i % 2 === 0 ? a : b).app.inject({ url: "/info", headers })),
      );
      const admitted = answers.filter((r) => r.statusCode === 200).length;
      const refused = answers.filter((r) => r.statusCode === 429).length;
      expect(admitted).toBeGreaterThanOrEqual(100);
      expect(admitted).toBeLessThanOrEqual(101);
      expect(admitted + refused).toBe(400);
    } finally {
      await a.close();
      await b.close();
      await own.cleanup();
    }
  });
});

describe("IP allowlist and proxies", () => {
  it("refuses an address outside the allowlist, even with a spoofed X-Forwarded-For", async () => {
    const api = await startApi(peers, { ipAllowlist: ["10.0.0.0/8", "2001:db8::/32"] });
    try {
      const res = await api.get("/gpt/sentiment", { "x-forwarded-for": "10.1.2.3" });
      expect(res.status).toBe(403);
      expect(((await res.json()) as Json).error.code).toBe("FORBIDDEN_IP");
      expect((await fetch(`${api.url}/health`, { headers: { "x-forwarded-for": "10.1.2.3" } })).status).toBe(
        403,
      );
    } finally {
      await api.close();
    }
  });

  it("refuses a CORS preflight from an address outside the allowlist", async () => {
    const api = await startApi(peers, { ipAllowlist: ["10.0.0.0/8"] });
    try {
      const res = await fetch(`${api.url}/gpt/sentiment`, {
        method: "OPTIONS",
        headers: { origin: "https://chatgpt.com", "access-control-request-method": "GET" },
      });
      expect(res.status).toBe(403);
      expect(((await res.json()) as Json).error.code).toBe("FORBIDDEN_IP");
    } finally {
      await api.close();
    }
  });

  it("believes X-Forwarded-For only from a trusted proxy", async () => {
    const api = await startApi(peers, { ipAllowlist: ["10.0.0.0/8"], trustProxy: ["127.0.0.1"] });
    try {
      expect((await api.get("/gpt/sentiment", { "x-forwarded-for": "10.1.2.3" })).status).toBe(200);
      expect((await api.get("/gpt/sentiment", { "x-forwarded-for": "192.0.2.1" })).status).toBe(403);
    } finally {
      await api.close();
    }
    const other = await startApi(peers, { ipAllowlist: ["10.0.0.0/8"], trustProxy: ["192.0.2.10"] });
    try {
      expect((await other.get("/gpt/sentiment", { "x-forwarded-for": "10.1.2.3" })).status).toBe(403);
    } finally {
      await other.close();
    }
  });

  it("lets an allowed socket address in", async () => {
    const api = await startApi(peers, { ipAllowlist: ["127.0.0.0/8", "::1"] });
    try {
      expect((await api.get("/gpt/sentiment")).status).toBe(200);
    } finally {
      await api.close();
    }
  });
});

describe("failures", () => {
  it("answers INTERNAL without details and logs them", async () => {
    const broken = {
      ...peers.stores.alerts,
      recent: async () => {
        throw new Error("disk on fire at /var/secret");
      },
    };
    const api = await startApi(peers, {}, { stores: { alerts: broken } });
    try {
      const res = await api.get("/gpt/alerts");
      const text = await res.text();
      expect(res.status).toBe(500);
      expect(JSON.parse(text).error.code).toBe("INTERNAL");
      expect(text).not.toContain("disk on fire");
      expect(api.logs()).toContain("disk on fire");
    } finally {
      await api.close();
    }
  });

  it("answers UPSTREAM_UNAVAILABLE when CoinGlass fails and nothing is cached", async () => {
    const api = await startApi(peers);
    try {
      peers.sim.control.setFaults({ rate5xx: 1 });
      const res = await api.get("/gpt/liq?symbol=DOGE&range=1h");
      expect(res.status).toBe(503);
      expect(((await res.json()) as Json).error.code).toBe("UPSTREAM_UNAVAILABLE");
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      peers.sim.control.setFaults({ rate5xx: 0 });
      await api.close();
    }
  });

  it("answers 401 on /mcp without a key", async () => {
    const api = await startApi(peers);
    try {
      const res = await fetch(`${api.url}/mcp`, {
        method: "POST",
        body: "{}",
        headers: { "content-type": "application/json" },
      });
      expect(res.status).toBe(401);
      expect(((await res.json()) as Json).error.code).toBe("UNAUTHORIZED");
      expect(KEY).toBeTruthy();
    } finally {
      await api.close();
    }
  });
});

describe("plan", () => {
  it("answers PLAN_REQUIRED when the CoinGlass plan lacks the data", async () => {
    const low = await startPeers({ plan: "hobbyist" });
    const api = await startApi(low);
    try {
      const res = await api.get("/gpt/whale?symbol=BTC");
      const body = (await res.json()) as Json;
      expect(res.status).toBe(403);
      expect(body.error.code).toBe("PLAN_REQUIRED");
      expect(body.error.message).toContain("startup");
      const example = ERROR_EXAMPLES["403"]?.examples.find((e) => e.error.code === "PLAN_REQUIRED");
      expect(body.error).toEqual({ ...example?.error, message: body.error.message });
    } finally {
      await api.close();
      await low.close();
    }
  });
});
