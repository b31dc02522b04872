import { PassThrough } from "node:stream";
import { createSimulator } from "@teleglas/coinglass-sim";
import { createFakeTelegram } from "@teleglas/fake-telegram";
import { waitFor } from "@teleglas/market-data-core/testing";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { type LocalStack, startLocalStack } from "../src/local-stack.js";
import { connectRedis, dropPrefix, uniquePrefix } from "./helpers/redis.js";

const running: LocalStack[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.stop();
});

/** A stack on free ports with its console captured. */
async function start(extra: Record<string, string> = {}, redisPrefix?: string) {
  const output = new PassThrough();
  const input = new PassThrough();
  let text = "";
  output.on("data", (chunk: Buffer) => {
    text += chunk.toString();
  });
  const env = { SIM_PORT: "0", PORT: "0", WORKER_PORT: "0", ...extra };
  const stack = await startLocalStack({
    env,
    output,
    input,
    logger: pino({ level: "silent" }),
    redisPrefix,
  });
  running.push(stack);
  return { stack, input, output: () => text };
}

const storm = (restUrl: string, symbol: string) =>
  fetch(`${restUrl}/__sim/storm`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ symbol, side: "long", totalUsd: 6_000_000, count: 24, overSeconds: 3 }),
  });

describe("local stack (npm start)", () => {
  it("prints the simulator, API docs and MCP URLs and serves /gpt/raw BTC with the printed key", async () => {
    const { stack, output } = await start();
    expect(output()).toContain(`API docs             ${stack.apiUrl}/docs/`);
    expect(output()).toContain(`MCP                  ${stack.apiUrl}/mcp`);
    expect(output()).toContain(`REST ${stack.simulator!.restUrl}`);
    const res = await fetch(`${stack.apiUrl}/gpt/raw?symbol=btc`, {
      headers: { authorization: `Bearer ${stack.apiKey}` },
    });
    const body = (await res.json()) as { success: boolean; symbol: string };
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ success: true, symbol: "BTC" });
    expect((await fetch(`${stack.workerUrl}/health`)).status).toBe(200);
  });

  it("answers /raw BTC typed into the console chat", async () => {
    const { input, output } = await start();
    expect(output()).toContain("Console chat");
    const mark = output().length;
    input.write("/raw BTC\n");
    const answer = await waitFor(() => {
      const after = output().slice(mark);
      return /BTC/.test(after) && /\$\d/.test(after) ? after : undefined;
    }, "the bot's /raw BTC answer");
    expect(answer).toMatch(/BTC/);
  });

  it("shows an alert in the console when the simulated market has a liquidation storm", async () => {
    const { stack, output } = await start();
    await waitFor(async () => {
      const h = (await (await fetch(`${stack.workerUrl}/health`)).json()) as Record<string, unknown>;
      return JSON.stringify(h).includes('"connected":true') ? true : undefined;
    }, "the worker's stream to connect");
    expect((await storm(stack.simulator!.restUrl, "ETH")).ok).toBe(true);
    const line = await waitFor(
      () =>
        output()
          .split("\n")
          .find((l) => l.startsWith("[alert") && l.includes("liquidation_storm ETH")),
      "an ETH storm alert line",
    );
    expect(line).toMatch(/liquidation_storm ETH long \$\d/);
  });

  it("stops everything within 5 s and releases its ports", async () => {
    const { stack } = await start();
    running.pop();
    const started = Date.now();
    await stack.stop();
    expect(Date.now() - started).toBeLessThan(5000);
    await expect(fetch(`${stack.apiUrl}/health`)).rejects.toThrow();
    await expect(fetch(`${stack.simulator!.restUrl}/api/futures/supported-coins`)).rejects.toThrow();
  });

  it("keeps alerts in Redis when REDIS_URL is set", async () => {
    const redis = await connectRedis();
    const prefix = uniquePrefix("local-stack");
    try {
      const { stack } = await start({ REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379" }, prefix);
      await waitFor(async () => {
        const h = await (await fetch(`${stack.workerUrl}/health`)).text();
        return h.includes('"connected":true') ? true : undefined;
      }, "the worker's stream to connect");
      await storm(stack.simulator!.restUrl, "SOL");
      const keys = await waitFor(async () => {
        const found = await redis.keys(`${prefix}alerts:*`);
        return found.length > 0 ? found : undefined;
      }, "alert keys under the test prefix");
      expect(keys.some((k) => k.endsWith("alerts:stream"))).toBe(true);
    } finally {
      for (const s of running.splice(0)) await s.stop();
      await dropPrefix(redis, prefix);
      redis.disconnect();
    }
  });

  it("uses the CoinGlass and Telegram it is given when COINGLASS_API_KEY and TELEGRAM_BOT_TOKEN are set", async () => {
    // Stand-ins for the real services, reached only through the variables a real deployment sets.
    const upstream = await createSimulator({ port: 0, keys: ["cg-real-key-for-test"] });
    const telegram = await createFakeTelegram({ token: "123456:real-token-for-test" });
    try {
      const { stack, output } = await start({
        COINGLASS_API_KEY: "cg-real-key-for-test",
        COINGLASS_BASE_URL: upstream.restUrl,
        COINGLASS_WS_URL: upstream.wsUrl,
        TELEGRAM_BOT_TOKEN: "123456:real-token-for-test",
        TELEGRAM_API_ROOT: telegram.apiRoot,
      });
      expect(stack.simulator).toBeNull();
      expect(output()).not.toContain("Console chat");
      telegram.injectMessage({ userId: 4242, text: "/raw BTC" });
      const reply = await telegram.waitForMessage((m) => m.chat_id === 4242, { timeoutMs: 30_000 });
      expect(reply.text).toMatch(/BTC/);
      expect(upstream.control.counters().total).toBeGreaterThan(0);
    } finally {
      for (const s of running.splice(0)) await s.stop();
      await telegram.close();
      await upstream.close();
    }
  });
});
