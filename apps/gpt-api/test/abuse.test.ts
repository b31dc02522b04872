import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiConfig } from "../src/config.js";
import { prepareBody } from "../src/http/envelope.js";
import { createResponseCache } from "../src/http/response-cache.js";
import { createOperationServer } from "../src/http/serve.js";
import type { Operation } from "../src/operation.js";
import { OPERATIONS } from "../src/operations.js";
import { type Json, type Peers, startApi, startPeers } from "./harness.js";

// What one client cannot take from all: memory through unique URLs, logs and answers through
// floods of requests without a valid key.

let peers: Peers;
beforeAll(async () => {
  peers = await startPeers();
});
afterAll(async () => {
  await peers?.close();
});

describe("memory bounds of the answer cache", () => {
  it("remembers URLs by bytes: long or endless unique query strings cannot grow the map", async () => {
    const deps = {
      config: apiConfig(),
      logger: pino({ level: "silent" }),
      core: peers.core,
      stores: peers.stores,
      version: "0.1.0",
    };
    const op = OPERATIONS.find((o) => o.operationId === "getMarketSentiment") as Operation;
    const server = createOperationServer(deps, createResponseCache({ ttlMs: 60_000 }), 64 * 1024);
    const junk = "x".repeat(12_000);
    for (let i = 0; i < 200; i++) await server.serve(op, {}, `/gpt/sentiment?junk=${junk}${i}`);
    expect(server.urlStats().count).toBe(0);
    for (let i = 0; i < 2000; i++) await server.serve(op, {}, `/gpt/sentiment?n=${i}&pad=${"y".repeat(100)}`);
    expect(server.urlStats().bytes).toBeLessThanOrEqual(64 * 1024);
    expect(server.urlStats().count).toBeGreaterThan(50);
    // The newest URL is still answered straight from the map.
    expect(server.fromUrl(`/gpt/sentiment?n=1999&pad=${"y".repeat(100)}`)).toBeDefined();
  });

  it("holds answers up to a byte budget, dropping the oldest first", async () => {
    const cache = createResponseCache({ ttlMs: 60_000, maxBytes: 10_000 });
    const meta = { cached: false, stale: false, ageMs: 0, missing: [] };
    for (let i = 0; i < 50; i++)
      await cache.load(`k${i}`, async () => prepareBody(undefined, "z".repeat(1000), meta, Date.now()));
    expect(cache.bytes()).toBeLessThanOrEqual(10_000);
    expect(cache.size()).toBeLessThan(10);
    expect(cache.peek("k49", Date.now())).toBeDefined();
    expect(cache.peek("k0", Date.now())).toBeUndefined();
  });
});

describe("requests without a valid key", () => {
  it("are limited per client address, while a valid key from that address still passes", async () => {
    const api = await startApi(peers, { authFailuresPerMinute: 5 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++)
        statuses.push(
          (await api.get("/gpt/sentiment", { authorization: "Bearer wrong-key-0123456789" })).status,
        );
      expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(new Set(statuses.slice(5))).toEqual(new Set([429]));
      const limited = await api.get("/gpt/sentiment", { authorization: "" });
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(((await limited.json()) as Json).error.code).toBe("RATE_LIMITED");
      expect((await api.get("/gpt/sentiment")).status).toBe(200);
    } finally {
      await api.close();
    }
  });

  it("are logged by sample: a flood writes a few lines and one summary, not a line each", async () => {
    const api = await startApi(peers, { authFailuresPerMinute: 50 });
    await Promise.all(
      Array.from({ length: 300 }, () => api.app.inject({ url: "/gpt/sentiment", headers: { "x-n": "1" } })),
    );
    await api.close();
    const lines = api
      .logs()
      .split("\n")
      // At info (what production logs); the harness also logs every request at debug.
      .filter((l) => l.includes('"level":30') && (l.includes('"msg":"request"') || l.includes("refused")));
    expect(lines.length).toBeLessThanOrEqual(3);
    const summary = JSON.parse(lines.find((l) => l.includes("more requests refused")) ?? "{}");
    expect(summary.byStatus).toEqual({ 401: 49, 429: 249 });
  });
});
