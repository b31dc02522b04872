import { loadWorkerConfig, startAlertWorker } from "@teleglas/alert-worker/service";
import pino from "pino";
import type { Harness } from "../../../apps/telegram-bot/test/harness.js";

/**
 * Tests that cross two apps live here, not in either app: the bot's own harness (simulator,
 * fake Telegram, Redis, the bot) with the alert worker beside it on the same peers.
 */
export { ALLOWED, type Harness, startHarness } from "../../../apps/telegram-bot/test/harness.js";

/** The alert worker on the harness's simulator, Redis and stores (its env on top of the defaults). */
export function startWorker(h: Harness, env: Record<string, string>) {
  const { config } = loadWorkerConfig({ WORKER_PORT: "0", ...env });
  return startAlertWorker({
    config: { ...config, keyPrefix: h.prefix },
    logger: pino({ level: "silent" }),
    core: h.core,
    stores: h.stores,
    wsUrl: h.sim.wsUrl,
    apiKey: "test-key",
  });
}
