import { type CommonEnv, ConfigError } from "@teleglas/market-data-core";

/** Where an app reaches CoinGlass: the configured API, or a simulator running in this process. */
export interface Upstream {
  apiKey: string;
  baseUrl: string;
  /** The configured WebSocket URL, or the simulator's. */
  wsUrl: string;
  plan: CommonEnv["COINGLASS_PLAN"];
  /** The embedded simulator's URLs; null with a real COINGLASS_API_KEY. */
  simulator: { restUrl: string; wsUrl: string } | null;
  close(): Promise<void>;
}

/**
 * The real CoinGlass when COINGLASS_API_KEY is set. Otherwise the simulator, imported only then:
 * production images do not ship it (it is a development dependency), so a missing key there is
 * a configuration error naming the variable rather than a module-not-found trace.
 */
export async function openUpstream(env: CommonEnv): Promise<Upstream> {
  if (env.COINGLASS_API_KEY) {
    return {
      apiKey: env.COINGLASS_API_KEY,
      baseUrl: env.COINGLASS_BASE_URL,
      wsUrl: env.COINGLASS_WS_URL,
      plan: env.COINGLASS_PLAN,
      simulator: null,
      close: async () => undefined,
    };
  }
  let sim: typeof import("@teleglas/coinglass-sim");
  try {
    sim = await import("@teleglas/coinglass-sim");
  } catch {
    throw new ConfigError(
      "COINGLASS_API_KEY",
      "is not set, and this installation has no built-in simulator (production images leave it out): set it to your CoinGlass key",
    );
  }
  return sim.startUpstream(env);
}
