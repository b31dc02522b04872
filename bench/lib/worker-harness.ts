import { type ChildProcess, fork, spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { setPriority } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { WhalePositionOptions } from "@teleglas/coinglass-sim";

export interface SimChild {
  wsUrl: string;
  restUrl: string;
  replay(opts: {
    count: number;
    batchSize?: number;
    channel?: string;
  }): Promise<{ sent: number; ms: number }>;
  /** A Hyperliquid whale position for the REST whale-alert endpoint. */
  injectWhale(whale: WhalePositionOptions): Promise<void>;
  close(): Promise<void>;
}

/** Forks bench/lib/worker-sim.ts (under tsx) and waits for its URLs. */
export async function forkSimulator(): Promise<SimChild> {
  const here = dirname(fileURLToPath(import.meta.url));
  const child: ChildProcess = fork(join(here, "worker-sim.ts"), [], {
    execArgv: ["--import", "tsx"],
    stdio: "inherit",
  });
  // The simulator is the load generator, not the system under test: on a 2-core machine it would
  // otherwise take CPU time from the worker's main thread and inflate the latency being measured.
  const ready = await new Promise<{ wsUrl: string; restUrl: string }>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`simulator exited with ${code}`)));
    child.on("message", (m: { type: string; wsUrl: string; restUrl: string }) => {
      if (m.type === "ready") {
        if (child.pid !== undefined) lowerPriority(child.pid);
        resolve(m);
      }
    });
  });
  let next = 0;
  /** Sends a request and resolves with the child's answer of the given type. */
  const ask = <T>(request: Record<string, unknown>, answer: string) => {
    const id = ++next;
    return new Promise<T>((resolve) => {
      const on = (m: T & { type: string; id: number }) => {
        if (m.type !== answer || m.id !== id) return;
        child.off("message", on);
        resolve(m);
      };
      child.on("message", on);
      child.send({ ...request, id });
    });
  };
  return {
    ...ready,
    replay: (opts) => ask<{ sent: number; ms: number }>({ type: "replay", opts }, "replayed"),
    injectWhale: async (whale) => {
      await ask({ type: "whale", whale }, "whaled");
    },
    close: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.send({ type: "close" });
      }),
  };
}

/**
 * Linux scheduling attributes are per thread: every thread of the process (V8's GC helpers too),
 * once started, goes to SCHED_IDLE where `chrt` allows it, else to nice 10. Nice alone was not
 * enough: a scheduler trace showed the worker's main thread, woken for an alert, queued 3.5 ms
 * behind a nice-10 simulator thread while the other vCPU sat idle. A SCHED_IDLE thread yields to
 * any normal one at wakeup and still gets every cycle nothing else wants.
 */
function lowerPriority(pid: number) {
  let tids: string[] = [String(pid)];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {}
  for (const tid of tids) {
    setPriority(Number(tid), 10);
    spawnSync("chrt", ["--idle", "--pid", "0", tid], { stdio: "ignore" });
  }
}

export interface BareLoop {
  /** Floods `count` events over `channels` (replayed at once) and resolves with the bare events/s. */
  run(sim: SimChild, channels: string[], count: number, batchSize: number): Promise<number>;
  close(): Promise<void>;
}

/**
 * The ceiling: a bare `ws` client that only JSON.parses each frame and counts its events
 * (bench/lib/bare-loop.ts, in a process of its own), fed the same way as the worker.
 */
export async function forkBareLoop(): Promise<BareLoop> {
  const here = dirname(fileURLToPath(import.meta.url));
  const child = fork(join(here, "bare-loop.ts"), [], { execArgv: ["--import", "tsx"], stdio: "inherit" });
  const next = (type: string) =>
    new Promise<{ rate: number }>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`bare loop exited with ${code}`));
      child.once("exit", onExit);
      const on = (m: { type: string; rate: number }) => {
        if (m.type !== type) return;
        child.off("message", on);
        child.off("exit", onExit);
        resolve(m);
      };
      child.on("message", on);
    });
  await next("ready");
  return {
    async run(sim, channels, count, batchSize) {
      const subscribed = next("subscribed");
      const done = next("done");
      child.send({ type: "run", wsUrl: sim.wsUrl, channels, count });
      await subscribed;
      const each = Math.floor(count / channels.length);
      for (const channel of channels) void sim.replay({ count: each, batchSize, channel });
      return (await done).rate;
    },
    close: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.send({ type: "close" });
      }),
  };
}

/** The p-th percentile (0..100) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}
