import type { Plan } from "./rest/context.js";

/** The CoinGlass variables of the apps' environment (design.md), as the shared env schema parses them. */
export interface UpstreamEnv {
  COINGLASS_API_KEY?: string | undefined;
  COINGLASS_BASE_URL: string;
  /** Absent for an app that does not stream (the bot). */
  COINGLASS_WS_URL?: string | undefined;
  COINGLASS_PLAN: Plan;
}

/** Where an app reaches CoinGlass: the configured API or a simulator running in this process. */
export interface Upstream {
  apiKey: string;
  baseUrl: string;
  /** The configured WebSocket URL ("" when none was given), or the simulator's. */
  wsUrl: string;
  /** The plan of the key (COINGLASS_PLAN; the embedded simulator runs with it too). */
  plan: Plan;
  /** The embedded simulator's URLs, or null when a real COINGLASS_API_KEY is configured. */
  simulator: { restUrl: string; wsUrl: string } | null;
  /** Stops the embedded simulator; nothing to do for the real API. */
  close(): Promise<void>;
}

/** The key the apps present to their embedded simulator (which accepts any key). */
export const EMBEDDED_API_KEY = "local-simulator";

/**
 * The real CoinGlass when COINGLASS_API_KEY is set; otherwise starts a simulator (on `port`,
 * default any free one) with the configured plan, so every app runs out of the box without a key.
 */
export async function startUpstream(
  env: UpstreamEnv,
  opts: { port?: number; seed?: number } = {},
): Promise<Upstream> {
  if (env.COINGLASS_API_KEY) {
    return {
      apiKey: env.COINGLASS_API_KEY,
      baseUrl: env.COINGLASS_BASE_URL,
      wsUrl: env.COINGLASS_WS_URL ?? "",
      plan: env.COINGLASS_PLAN,
      simulator: null,
      close: async () => undefined,
    };
  }
  // Imported on use: index.ts re-exports this module, and a static import back would be a cycle.
  const { createSimulator } = await import("./index.js");
  const sim = await createSimulator({ port: opts.port ?? 0, seed: opts.seed, plan: env.COINGLASS_PLAN });
  return {
    apiKey: EMBEDDED_API_KEY,
    baseUrl: sim.restUrl,
    wsUrl: sim.wsUrl,
    plan: env.COINGLASS_PLAN,
    simulator: { restUrl: sim.restUrl, wsUrl: sim.wsUrl },
    close: () => sim.close(),
  };
}
