import { execFile } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { createStores } from "@teleglas/market-data-core";
import { consumeAlerts } from "@teleglas/telegram-bot/delivery";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { infraDir } from "./helpers/paths.js";
import { connectRedis, dropPrefix, REDIS_URL, uniquePrefix } from "./helpers/redis.js";

const script = join(infraDir, "docker", "healthcheck.mjs");
/** Runs the check as Docker would; async, so the HTTP server in this process can answer it. */
const run = (args: string[], env: Record<string, string> = {}) =>
  new Promise<{ status: number; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [script, ...args],
      { env: { ...process.env, ...env }, timeout: 10_000 },
      (error, _out, stderr) => {
        resolve({ status: error ? Number(error.code ?? 1) : 0, stderr });
      },
    );
  });

let server: Server;
let base = "";
let status = 200;
beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(status);
    res.end("{}");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));

describe("infra/docker/healthcheck.mjs (the images' HEALTHCHECK)", () => {
  it("is healthy when /health answers 2xx and unhealthy on 503 or no answer", async () => {
    status = 200;
    expect((await run([`${base}/health`])).status).toBe(0);
    status = 503;
    expect((await run([`${base}/health`])).status).toBe(1);
    expect((await run(["http://127.0.0.1:9/health"])).status).toBe(1);
  });

  it("finds the bot healthy only while its alert dispatcher reads the stream in Redis", async () => {
    const redis = await connectRedis();
    const prefix = uniquePrefix("healthcheck");
    const env = { REDIS_URL, REDIS_PREFIX: prefix };
    try {
      const none = await run(["--bot"], env);
      expect(none.status).toBe(1);
      expect(none.stderr).toContain("unhealthy");
      const stores = createStores({ redis, prefix });
      const consumer = consumeAlerts(stores.alerts, "telegram-bot", "health-test", async () => undefined, {
        blockMs: 200,
      });
      // The group and the consumer exist once the first read has been made.
      for (let i = 0; i < 50 && (await run(["--bot"], env)).status !== 0; i++)
        await new Promise((r) => setTimeout(r, 100));
      expect((await run(["--bot"], env)).status).toBe(0);
      await consumer.stop();
      await stores.close();
    } finally {
      await dropPrefix(redis, prefix);
      redis.disconnect();
    }
  });
});
