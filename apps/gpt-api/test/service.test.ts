import { Redis } from "ioredis";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiConfig } from "../src/config.js";
import { startGptApi } from "../src/service.js";
import { type Json, KEY, type Peers, startApi, startPeers } from "./harness.js";

let peers: Peers;
beforeAll(async () => {
  peers = await startPeers();
});
afterAll(async () => {
  await peers?.close();
});

describe("startGptApi", () => {
  it("listens on 127.0.0.1 and stops gracefully, ending open alert streams", async () => {
    const api = await startGptApi({
      config: apiConfig({ port: 0, apiKeys: [KEY] }),
      logger: pino({ level: "silent" }),
      core: peers.core,
      stores: peers.stores,
      redis: peers.redis,
      keyPrefix: peers.prefix,
    });
    expect(api.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${api.url}/health`)).status).toBe(200);
    const stream = await fetch(`${api.url}/gpt/alerts/stream`, {
      headers: { authorization: `Bearer ${KEY}` },
    });
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    await api.stop();
    // The stream was ended by the server, so reading reaches its end instead of hanging.
    let done = false;
    while (!done) done = (await reader.read()).done;
    await expect(fetch(`${api.url}/health`)).rejects.toThrow();
  });
});

describe("/ready", () => {
  it("answers 503 UPSTREAM_UNAVAILABLE when Redis does not answer", async () => {
    const deadRedis = new Redis("redis://127.0.0.1:1", {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      retryStrategy: () => null,
    });
    deadRedis.on("error", () => undefined);
    const api = await startApi(peers, {}, { redis: deadRedis });
    try {
      const res = await fetch(`${api.url}/ready`);
      const body = (await res.json()) as Json;
      expect(res.status).toBe(503);
      expect(body.error.code).toBe("UPSTREAM_UNAVAILABLE");
      expect(body.error.message).toMatch(/^Redis is not reachable: .+\.$/);
    } finally {
      await api.close();
      deadRedis.disconnect();
    }
  });
});
