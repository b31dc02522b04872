// Composition root of the telegram-bot process: its config, then the shared runtime (logger, Redis,
// core, stores, the simulator when no CoinGlass key is set, signals and graceful stop).
import { runProcess } from "@teleglas/runtime";
import { loadConfig } from "./config.js";
import { startTelegramBot } from "./service.js";

await runProcess({
  name: "telegram bot",
  loadConfig,
  requiresRedis:
    "REDIS_URL is not set. Run as its own process, the bot shares subscriptions, alerts and the delivery " +
    "queue with the alert worker through Redis, so it needs REDIS_URL (e.g. redis://127.0.0.1:6379). " +
    "Without Redis, use the one-process local stack (npm start), which shares in-memory stores.",
  /** The bot token rides in every Bot API URL and the CoinGlass key in headers: never log either. */
  redact: ["token", "*.token", "apiKey", "*.apiKey", "headers['cg-api-key']", "*.headers['cg-api-key']"],
  // Without a token the console chat owns stdout; logs go to stderr then.
  logToStderr: (config) => !config.token,
  // Unhandled rejections are logged and the bot keeps serving: each update is handled on its own
  // (a failure costs one reply), and alerts wait in the durable queue either way, so a restart
  // would only pause every other chat. An uncaught exception still stops it cleanly (exit 1).
  onRejection: "log",
  start: ({ config, logger, core, stores, redis, registry }) =>
    startTelegramBot({
      config,
      logger,
      core,
      stores,
      redis,
      registry,
      ...(config.token ? {} : { console: { input: process.stdin, output: process.stdout } }),
    }),
});
