import { readFileSync } from "node:fs";
import { buildApp } from "./app.js";
import type { ApiDeps } from "./deps.js";

export { apiConfig, oauthIssuer } from "./config.js";

import { listen } from "./server.js";

/** This package's version (package.json sits one level above both src/ and dist/). */
export const VERSION: string = JSON.parse(
  readFileSync(new URL("../package.json", import.meta.url), "utf8"),
).version;

/** The app's deps without what the service adds (its version) or buildApp sets (OAuth). */
export type GptApiDeps = Omit<ApiDeps, "version" | "oauth"> & {
  /** Redis key prefix of the API's own keys (rate limits), default `teleglas:`. */
  keyPrefix?: string;
};

/**
 * Start the GPT API on `config.host:config.port` with ready-made deps (the one-process local stack
 * shares them with the bot and the worker). stop() closes the server gracefully; it does not close
 * the deps it was given.
 */
export async function startGptApi(deps: GptApiDeps): Promise<{ url: string; stop(): Promise<void> }> {
  const app = await buildApp({ ...deps, version: VERSION }, { keyPrefix: deps.keyPrefix });
  const server = await listen(app, { host: deps.config.host, port: deps.config.port });
  deps.logger.info({ url: server.url }, "gpt-api listening");
  return server;
}
