import type { Readable, Writable } from "node:stream";
import { createSimulator } from "@teleglas/coinglass-sim";
import type { LocalStackEnv } from "./local-config.js";

/** Everything the local stack needs from its caller; only the caller reads `process.env`. */
export interface LocalStackOptions {
  env: LocalStackEnv;
  /** The console chat's input (default: none — no console chat). */
  input?: Readable;
  /** Where the banner and console output go (default: process.stdout). */
  output?: Writable;
}

/** A running local stack. */
export interface LocalStack {
  /** The embedded simulator, or null when a real COINGLASS_API_KEY is configured. */
  simulator: { restUrl: string; wsUrl: string } | null;
  /** Stops every part, newest first; resolves when all sockets are closed. */
  stop(): Promise<void>;
}

/**
 * Starts the local stack in this process: the CoinGlass simulator unless a real key is set.
 * Parts are stopped in reverse order of start, so a failure half-way still releases what started.
 */
export async function startLocalStack(opts: LocalStackOptions): Promise<LocalStack> {
  const out = opts.output ?? process.stdout;
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const s of stops.splice(0).reverse()) await s().catch(() => undefined);
  };
  try {
    let simulator: LocalStack["simulator"] = null;
    if (!opts.env.COINGLASS_API_KEY) {
      const sim = await createSimulator({
        port: opts.env.SIM_PORT,
        seed: opts.env.SIM_SEED,
        plan: opts.env.COINGLASS_PLAN,
      });
      stops.push(() => sim.close());
      simulator = { restUrl: sim.restUrl, wsUrl: sim.wsUrl };
      out.write(`CoinGlass simulator  REST ${sim.restUrl}  WebSocket ${sim.wsUrl}\n`);
    } else {
      out.write(`CoinGlass: the real service at ${opts.env.COINGLASS_BASE_URL}\n`);
    }
    return { simulator, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
