import { commonEnvSchema, parseEnv } from "@teleglas/market-data-core";
import { z } from "zod";

const port = z.coerce.number().int().min(0).max(65_535);

/**
 * Variables of the one-process local stack on top of the shared ones. The simulator's own
 * options are read here because only the local stack embeds it next to all three apps.
 */
export const localStackEnvSchema = commonEnvSchema.extend({
  /** Port of the embedded CoinGlass simulator (REST and WebSocket share it); 0 = any free port. */
  SIM_PORT: port.default(8787),
  /** Seed of the simulator's market model: the same seed replays the same market. */
  SIM_SEED: z.coerce.number().int().default(42),
});
export type LocalStackEnv = z.infer<typeof localStackEnvSchema>;

/** Parses the local stack's variables; throws a ConfigError naming the first bad variable. */
export function loadLocalStackEnv(env: Record<string, string | undefined>): LocalStackEnv {
  return parseEnv(localStackEnvSchema, env);
}
