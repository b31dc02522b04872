// Composition root of the gpt-api process: its config, then the shared runtime (logger, Redis,
// core, stores, the simulator when no CoinGlass key is set, signals and graceful stop).
import { runProcess } from "@teleglas/runtime";
import { loadApiConfig } from "./config.js";
import { REDACT } from "./log.js";
import { startGptApi } from "./service.js";

await runProcess({
  name: "gpt-api",
  loadConfig: (env) => loadApiConfig(env).config,
  redact: REDACT,
  // Unhandled rejections are logged and the API keeps serving: requests are independent (Fastify
  // answers a failing handler with a 500 itself), so a stray rejection belongs to one request or
  // one background refresh, and a restart would cut every other request and open SSE stream.
  onRejection: "log",
  start: ({ config, logger, core, stores, redis, registry }) => {
    if (config.requireAuth && config.apiKeys.length === 0) {
      logger.warn("GPT_API_KEYS is empty: every protected route will answer 401");
    }
    return startGptApi({ config, logger, core, stores, redis, registry });
  },
});
