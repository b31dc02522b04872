import { createServer, type Server } from "node:http";
import type { Socket } from "node:net";
import { Writable } from "node:stream";
import { createFakeTelegram, type FakeTelegram } from "@teleglas/fake-telegram";
import { ConfigError, createMarketDataCore, createStores } from "@teleglas/market-data-core";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { startTelegramBot } from "../src/service.js";
import { cleanup, connectRedis, freePort, makeAlert, REDIS_URL, uniquePrefix } from "./helpers.js";

const SECRET = "webhook-test-secret-0123456789";

/** A "CoinGlass" that accepts every request and never answers, until released. */
async function hangingServer(): Promise<{ url: string; requests(): number; release(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let requests = 0;
  const server: Server = createServer(() => {
    requests++;
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => requests,
    release: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}

function update(id: number, userId: number, text: string) {
  return {
    update_id: id,
    message: {
      message_id: id,
      date: Math.floor(Date.now() / 1000),
      chat: { id: userId, type: "private" },
      from: { id: userId, is_bot: false, first_name: "T" },
      text,
      entities: text.startsWith("/")
        ? [{ type: "bot_command", offset: 0, length: text.split(" ")[0]!.length }]
        : [],
    },
  };
}

describe("webhook mode with a CoinGlass that never answers", () => {
  let tg: FakeTelegram;
  let hang: Awaited<ReturnType<typeof hangingServer>>;
  let logs = "";
  let url = "";
  let stopAll: () => Promise<void>;
  let stores: ReturnType<typeof createStores>;

  beforeAll(async () => {
    const redis = await connectRedis();
    const prefix = uniquePrefix("webhook-hang");
    tg = await createFakeTelegram();
    hang = await hangingServer();
    const core = createMarketDataCore({
      apiKey: "k",
      baseUrl: hang.url,
      plan: "standard",
      redis,
      keyPrefix: prefix,
    });
    stores = createStores({ redis, prefix });
    const port = await freePort();
    url = `http://127.0.0.1:${port}/tg-hook`;
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        logs += chunk.toString();
        done();
      },
    });
    const bot = await startTelegramBot({
      config: loadConfig({
        TELEGRAM_BOT_TOKEN: "42:webhook-hang",
        TELEGRAM_API_ROOT: tg.apiRoot,
        TELEGRAM_WEBHOOK_URL: url,
        TELEGRAM_WEBHOOK_SECRET: SECRET,
        TELEGRAM_WEBHOOK_PORT: String(port),
        WORKER_HEALTH_URL: "http://127.0.0.1:9/health",
        REDIS_URL,
      }),
      logger: pino({ level: "info" }, sink),
      core,
      stores,
      redis,
      prefix,
    });
    stopAll = async () => {
      await hang.release();
      await bot.stop();
      await stores.close();
      await core.close();
      await tg.close();
      await cleanup(redis, prefix);
      redis.disconnect();
    };
  });
  afterAll(async () => {
    await stopAll?.();
  });

  const post = (body: string, secret: string | null = SECRET) =>
    fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(secret === null ? {} : { "x-telegram-bot-api-secret-token": secret }),
      },
      body,
      // Only a guard so a regression fails instead of hanging the suite.
      signal: AbortSignal.timeout(5000),
    });

  it("acknowledges a slow update at once; the next updates and alerts still flow", async () => {
    const res = await post(JSON.stringify(update(1, 77, "/raw BTC")));
    expect(res.status).toBe(200);
    // Telegram has its 200 while the update is still waiting on CoinGlass.
    await tg.waitUntil(() => hang.requests() > 0, { what: "the /raw update to reach CoinGlass" });
    expect(tg.messages(77)).toHaveLength(0);

    tg.injectMessage({ userId: 78, text: "/help" });
    expect((await tg.waitForMessage((m) => m.chat_id === 78)).text).toContain("/raw SYMBOL");

    await stores.subscriptions.upsert(79, {
      symbols: ["DOGE"],
      kinds: ["liquidation_storm"],
      minUsd: 0,
      active: true,
    });
    await stores.alerts.publish(makeAlert({ symbol: "DOGE" }));
    expect((await tg.waitForMessage((m) => m.chat_id === 79)).text).toContain("DOGE");
  });

  it("drops a malformed body sent with the right secret, with a log line, and keeps serving", async () => {
    for (const body of ['{"update_id":', "[]", '{"no_update_id":1}']) {
      const res = await post(body);
      expect(res.status).toBe(200);
    }
    expect(logs.match(/malformed webhook body/g)).toHaveLength(3);
    tg.injectMessage({ userId: 80, text: "/help" });
    expect((await tg.waitForMessage((m) => m.chat_id === 80)).text).toContain("/raw SYMBOL");
  });

  it("never acts on an update without the secret", async () => {
    for (const secret of [null, "", "wrong", `${SECRET}x`]) {
      const res = await post(JSON.stringify(update(100, 81, "/help")), secret);
      expect(res.status).toBe(401);
    }
    // A later update from the same user is answered: the forged ones were not queued anywhere.
    tg.injectMessage({ userId: 81, text: "/start" });
    await tg.waitForMessage((m) => m.chat_id === 81);
    expect(tg.messages(81)).toHaveLength(1);
    expect(logs).toContain("webhook calls refused");
  });

  it("answers the slow update once CoinGlass fails instead of hanging", async () => {
    await hang.release();
    const reply = await tg.waitForMessage((m) => m.chat_id === 77, { timeoutMs: 30_000 });
    expect(reply.text).not.toMatch(/BTC — raw snapshot/);
  }, 40_000);
});

describe("webhook configuration", () => {
  it("refuses a webhook URL without a secret, naming the variable", () => {
    const load = () =>
      loadConfig({ TELEGRAM_BOT_TOKEN: "1:a", TELEGRAM_WEBHOOK_URL: "https://x.example/hook" });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/TELEGRAM_WEBHOOK_SECRET is required when TELEGRAM_WEBHOOK_URL is set/);
  });

  it("refuses a guessable secret", () => {
    const load = () =>
      loadConfig({
        TELEGRAM_BOT_TOKEN: "1:a",
        TELEGRAM_WEBHOOK_URL: "https://x.example/hook",
        TELEGRAM_WEBHOOK_SECRET: "short",
      });
    expect(load).toThrow(/TELEGRAM_WEBHOOK_SECRET is invalid: 16-256 characters/);
  });

  it("names TELEGRAM_WEBHOOK_PORT when the port is taken", async () => {
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, "127.0.0.1", r));
    const port = (taken.address() as { port: number }).port;
    const tg = await createFakeTelegram();
    const core = createMarketDataCore({ apiKey: "k", baseUrl: "http://127.0.0.1:9", plan: "standard" });
    const stores = createStores();
    try {
      const start = startTelegramBot({
        config: loadConfig({
          TELEGRAM_BOT_TOKEN: "42:port-taken",
          TELEGRAM_API_ROOT: tg.apiRoot,
          TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}/hook`,
          TELEGRAM_WEBHOOK_SECRET: SECRET,
          TELEGRAM_WEBHOOK_PORT: String(port),
        }),
        logger: pino({ level: "silent" }),
        core,
        stores,
      });
      await expect(start).rejects.toThrow(
        `TELEGRAM_WEBHOOK_PORT = ${port}, but that port is already in use on 127.0.0.1`,
      );
    } finally {
      await new Promise<void>((r) => taken.close(() => r()));
      await stores.close();
      await core.close();
      await tg.close();
    }
  });
});
