import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { PassThrough } from "node:stream";
import { createSimulator, type Simulator } from "@teleglas/coinglass-sim";
import { createFakeTelegram } from "@teleglas/fake-telegram";
import { createMarketDataCore, createStores } from "@teleglas/market-data-core";
import { waitFor } from "@teleglas/market-data-core/testing";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { pruneCharts } from "../src/console-chat.js";
import { startTelegramBot } from "../src/service.js";
import { cleanup, connectRedis, freePort, makeAlert, REDIS_URL, uniquePrefix } from "./helpers.js";

let sim: Simulator;
beforeAll(async () => {
  sim = await createSimulator({ background: false });
});
afterAll(async () => {
  await sim.close();
});

describe("modes", () => {
  it("console chat (no token, no Redis): commands, alerts through the in-memory delivery, charts", async () => {
    const core = createMarketDataCore({ apiKey: "k", baseUrl: sim.restUrl, plan: "standard" });
    const stores = createStores();
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = "";
    output.on("data", (d: Buffer) => {
      printed += d.toString();
    });
    const chartDir = mkdtempSync(join(tmpdir(), "teleglas-console-charts-"));
    const bot = await startTelegramBot({
      config: loadConfig({ WORKER_HEALTH_URL: "http://127.0.0.1:9/health" }),
      logger: pino({ level: "silent" }),
      core,
      stores,
      console: { input, output, chartDir },
    });
    try {
      expect(printed).toContain("› "); // a prompt before the first line
      input.write("/help\n");
      await waitFor(
        () => printed.includes("Console chat: buttons are numbered"),
        "the console note in /help",
      );
      input.write("/raw BTC\n");
      await waitFor(() => printed.includes("BTC — raw snapshot"), "the /raw reply");
      expect(printed).toMatch(/Price \$[\d,.]+/);
      expect(printed).not.toContain("<b>");
      input.write("/subscribe\n");
      await waitFor(() => printed.includes("Subscribed"), "the /subscribe reply");
      // Buttons are numbered; typing the number presses it (whale trades toggle off here).
      const whales = /(\d+)\) ✅ Whales/.exec(printed)?.[1];
      expect(whales).toBeDefined();
      input.write(`${whales}\n`);
      await waitFor(() => printed.includes(`${whales}) ▫️ Whales`), "the whales button pressed by its number");
      await stores.alerts.publish(makeAlert({ symbol: "DOGE" }));
      await waitFor(() => printed.includes("Liquidation storm — DOGE"), "the alert printed");
      // /status counts the console's own consumer group, which has just delivered everything.
      input.write("/status\n");
      await waitFor(() => printed.includes("alerts pending"), "the /status reply");
      expect(printed).toContain("Alert queue: 0 alerts pending");
      input.write("/chart ETH 4h\n");
      await waitFor(() => /saved to (\S+\.png)/.test(printed), "the chart file");
      const file = /saved to (\S+\.png)/.exec(printed)![1]!;
      expect(dirname(file)).toBe(chartDir);
      expect(existsSync(file)).toBe(true);
    } finally {
      rmSync(chartDir, { recursive: true, force: true });
      await bot.stop();
      await stores.close();
      await core.close();
    }
  });

  it("console charts: one folder, pruned to the newest 20 PNGs", async () => {
    const dir = mkdtempSync(join(tmpdir(), "teleglas-prune-"));
    try {
      for (let i = 0; i < 25; i++) {
        const file = join(dir, `chart-${i}.png`);
        writeFileSync(file, "png");
        utimesSync(file, 1_000 + i, 1_000 + i);
      }
      writeFileSync(join(dir, "notes.txt"), "not a chart");
      await pruneCharts(dir);
      const left = readdirSync(dir).sort();
      expect(left).toHaveLength(21);
      expect(left).toContain("notes.txt");
      expect(left).not.toContain("chart-4.png");
      expect(left).toContain("chart-5.png");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("webhook mode: registers the URL with its secret, answers updates, rejects a wrong secret", async () => {
    const redis = await connectRedis();
    const prefix = uniquePrefix("webhook");
    const tg = await createFakeTelegram();
    const core = createMarketDataCore({
      apiKey: "k",
      baseUrl: sim.restUrl,
      plan: "standard",
      redis,
      keyPrefix: prefix,
    });
    const stores = createStores({ redis, prefix });
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/tg-hook`;
    const bot = await startTelegramBot({
      config: loadConfig({
        TELEGRAM_BOT_TOKEN: "42:webhook-test",
        TELEGRAM_API_ROOT: tg.apiRoot,
        TELEGRAM_WEBHOOK_URL: url,
        TELEGRAM_WEBHOOK_SECRET: "hook-secret-0123456789",
        TELEGRAM_WEBHOOK_PORT: String(port),
        REDIS_URL,
      }),
      logger: pino({ level: "silent" }),
      core,
      stores,
      redis,
      prefix,
    });
    try {
      expect(tg.webhook()).toEqual({ url, secret_token: "hook-secret-0123456789" });
      tg.injectMessage({ userId: 77, text: "/help" });
      const reply = await tg.waitForMessage((m) => m.chat_id === 77);
      expect(reply.text).toContain("/raw SYMBOL");
      const forged = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "wrong" },
        body: JSON.stringify({
          update_id: 999,
          message: {
            message_id: 1,
            date: 0,
            chat: { id: 78, type: "private" },
            from: { id: 78, is_bot: false, first_name: "X" },
            text: "/help",
          },
        }),
      });
      expect(forged.status).toBe(401);
      expect(tg.messages(78)).toHaveLength(0);
    } finally {
      await bot.stop();
      await stores.close();
      await core.close();
      await tg.close();
      await cleanup(redis, prefix);
      redis.disconnect();
    }
  });
});
