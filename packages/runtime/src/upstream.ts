import { type CommonEnv, ConfigError } from "@teleglas/market-data-core";

/** Where an app reaches CoinGlass: the configured API, or a simulator running in this process. */
export interface Upstream {
  apiKey: string;
  baseUrl: string;
  /** The configured WebSocket URL ("" when none), or the simulator's. */
  wsUrl: string;
  plan: CommonEnv["COINGLASS_PLAN"];
  /** The embedded simulator's URLs; null with a real COINGLASS_API_KEY. */
  simulator: { restUrl: string; wsUrl: string } | null;
  /** Stops the embedded simulator; nothing to do for the real API. */
  close(): Promise<void>;
}

/** The CoinGlass variables of the environment (COINGLASS_WS_URL is absent for the bot). */
export type UpstreamEnv = Pick<CommonEnv, "COINGLASS_API_KEY" | "COINGLASS_BASE_URL" | "COINGLASS_PLAN"> & {
  COINGLASS_WS_URL?: string | undefined;
};

/**
 * The real CoinGlass when COINGLASS_API_KEY is set. Otherwise the simulator (on `sim.port`,
 * default any free one), imported only then: production images do not ship it (it is a
 * development dependency), so a missing key there is a configuration error naming the variable
 * rather than a module-not-found trace.
 */
export async function openUpstream(
  env: UpstreamEnv,
  sim: { port?: number; seed?: number } = {},
): Promise<Upstream> {
  const plan = env.COINGLASS_PLAN;
  if (env.COINGLASS_API_KEY) {
    const { COINGLASS_API_KEY: apiKey, COINGLASS_BASE_URL: baseUrl } = env;
    return {
      apiKey,
      baseUrl,
      wsUrl: env.COINGLASS_WS_URL ?? "",
      plan,
      simulator: null,
      close: async () => undefined,
    };
  }
  let simulator: typeof import("@teleglas/coinglass-sim");
  try {
    simulator = await import("@teleglas/coinglass-sim");
  } catch {
    throw new ConfigError(
      "COINGLASS_API_KEY",
      "is not set, and this installation has no built-in simulator (production images leave it out): set it to your CoinGlass key",
    );
  }
  const embedded = await simulator.startEmbedded({ plan, ...sim });
  const { apiKey, restUrl, wsUrl } = embedded;
  return { apiKey, baseUrl: restUrl, wsUrl, plan, simulator: { restUrl, wsUrl }, close: embedded.close };
}
