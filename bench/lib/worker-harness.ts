import { type ChildProcess, fork } from "node:child_process";
import { readdirSync } from "node:fs";
import { setPriority } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { WebSocket } from "ws";

export interface SimChild {
  wsUrl: string;
  restUrl: string;
  replay(opts: {
    count: number;
    batchSize?: number;
    channel?: string;
  }): Promise<{ sent: number; ms: number }>;
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
  return {
    ...ready,
    replay(opts) {
      const id = ++next;
      return new Promise((resolve) => {
        const on = (m: { type: string; id: number; sent: number; ms: number }) => {
          if (m.type !== "replayed" || m.id !== id) return;
          child.off("message", on);
          resolve({ sent: m.sent, ms: m.ms });
        };
        child.on("message", on);
        child.send({ type: "replay", id, opts });
      });
    },
    close: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.send({ type: "close" });
      }),
  };
}

/** Linux nice values are per thread: every thread of the process (V8's GC helpers too), once started. */
function lowerPriority(pid: number) {
  let tids: string[] = [String(pid)];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {}
  for (const tid of tids) setPriority(Number(tid), 10);
}

/**
 * The ceiling: a bare `ws` client that only JSON.parses each frame and counts its events, fed the
 * same way as the worker (the given channels replayed at once, `count` events in all). Resolves
 * with events/s from the replay request to the last event received.
 */
export async function bareLoop(
  sim: SimChild,
  channels: string[],
  count: number,
  batchSize: number,
): Promise<number> {
  const ws = new WebSocket(`${sim.wsUrl}?cg-api-key=bench`);
  await new Promise((resolve, reject) => {
    ws.once("open", resolve);
    ws.once("error", reject);
  });
  ws.send(JSON.stringify({ method: "subscribe", channels }));
  await new Promise((r) => setTimeout(r, 200)); // the subscription lands before the replay starts
  let received = 0;
  let done: () => void = () => {};
  const finished = new Promise<void>((r) => {
    done = r;
  });
  ws.on("message", (data) => {
    const msg = JSON.parse(data.toString()) as { data?: unknown[] };
    received += msg.data?.length ?? 0;
    if (received >= count) done();
  });
  const start = performance.now();
  const each = Math.floor(count / channels.length);
  for (const channel of channels) void sim.replay({ count: each, batchSize, channel });
  await finished;
  const rate = (received * 1000) / (performance.now() - start);
  ws.close();
  return rate;
}

/** The p-th percentile (0..100) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}
