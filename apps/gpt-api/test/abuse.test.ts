import { createAnswerCache } from "@teleglas/market-data-core";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiConfig } from "../src/config.js";
import { liveMeta } from "../src/http/envelope.js";
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
  it("keeps nothing per URL: long or endless unique query strings share the one held answer", async () => {
    const deps = {
      config: apiConfig(),
      logger: pino({ level: "silent" }),
      core: peers.core,
      stores: peers.stores,
      version: "0.1.0",
    };
    const op = OPERATIONS.find((o) => o.operationId === "getMarketSentiment") as Operation;
    const server = createOperationServer(deps);
    const junk = "x".repeat(12_000);
    const first = JSON.parse(await server.serve(op, { junk: `${junk}0` }));
    for (let i = 1; i < 200; i++) {
      const again = JSON.parse(await server.serve(op, { junk: `${junk}${i}`, n: i }));
      expect(again.meta.cached).toBe(true);
      expect(again.data).toEqual(first.data);
    }
  });

  it("holds answers up to a bound, dropping the oldest first", async () => {
    const answers = createAnswerCache({ maxEntries: 10 });
    let builds = 0;
    const build = async () => {
      builds++;
      return { data: "z".repeat(1000), meta: liveMeta() };
    };
    for (let i = 0; i < 50; i++) await answers.get(`k${i}`, { ttlMs: 60_000 }, build);
    expect(builds).toBe(50);
    await answers.get("k49", { ttlMs: 60_000 }, build);
    expect(builds).toBe(50);
    await answers.get("k0", { ttlMs: 60_000 }, build);
    expect(builds).toBe(51);
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
