// Composition root of the alert-worker process: its config and rules file, then the shared runtime
// (logger, Redis, core, stores, the simulator when no CoinGlass key is set, signals, graceful stop).
import { runProcess } from "@teleglas/runtime";
import { loadWorkerConfig } from "./config.js";
import { loadRules } from "./rules/load.js";
import { startAlertWorker } from "./service.js";

await runProcess({
  name: "alert worker",
  loadConfig: (env) => loadWorkerConfig(env).config,
  // Checked before anything is opened, so a bad file fails fast and alone in the output.
  check: async (config) => void (await loadRules(config.rulesFile)),
  requiresRedis:
    "REDIS_URL is not set. The alert worker hands its alerts to the Telegram bot through Redis; run as " +
    "a separate process it needs REDIS_URL (e.g. redis://127.0.0.1:6379). Without Redis, use the " +
    "one-process local stack (npm start), which shares in-memory stores.",
  /** The CoinGlass key rides in the WebSocket URL query and in request headers: never log either. */
  redact: ["apiKey", "*.apiKey", "headers['cg-api-key']", "*.headers['cg-api-key']"],
  // An unhandled rejection stops the worker cleanly (exit 1, and the process manager restarts it):
  // the worker is one long pipeline, and a rejection nobody awaited may mean a part of it (the
  // stream, a detector, the publisher) quietly stopped. A worker that looks alive but is blind is
  // worse than a restart: its lease passes to the standby (or back to it), and alert ids dedupe.
  onRejection: "stop",
  start: ({ config, logger, core, stores, registry, upstream, onFatal }) =>
    startAlertWorker({
      config,
      logger,
      core,
      stores,
      registry,
      wsUrl: upstream.wsUrl,
      apiKey: upstream.apiKey,
      onFatal,
    }),
});
