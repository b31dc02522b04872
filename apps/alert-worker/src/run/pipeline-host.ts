import { Worker } from "node:worker_threads";
import type { StreamProblem } from "@teleglas/market-data-core";
import type { Detection } from "../detect/types.js";
import type { Pipeline, PipelineOptions, PipelineSink, PipelineStats } from "./pipeline.js";
import type { ToThread } from "./pipeline-thread.js";

type FromThread =
  | { type: "detections"; ds: Detection[]; frameAt: number }
  | { type: "gap"; from: number; to: number }
  | { type: "problem"; p: StreamProblem }
  | { type: "stats"; stats: PipelineStats }
  | { type: "backfilled"; id: number; recovered: number }
  | { type: "stopped" };

/** Starts the thread: built JS directly; from TypeScript sources (tests, tsx) through tsx's loader. */
function spawn(): Worker {
  const fromSource = import.meta.url.endsWith(".ts");
  const entry = new URL(fromSource ? "./pipeline-thread.ts" : "./pipeline-thread.js", import.meta.url);
  if (!fromSource) return new Worker(entry);
  const boot = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { eval: true, execArgv: ["--conditions=@teleglas/source"] });
}

/**
 * The same pipeline in a worker thread. Stats arrive every 50 ms, so `stats()` may lag by that
 * much; detections and gaps arrive as they happen.
 */
export function createThreadedPipeline(
  o: PipelineOptions,
  sink: PipelineSink,
  onError: (e: unknown) => void,
): Pipeline {
  const worker = spawn();
  let stats: PipelineStats = {
    connected: false,
    reconnects: 0,
    lastMessageAt: null,
    liquidations: 0,
    trades: 0,
    malformedFrames: 0,
    malformedItems: 0,
    duplicates: 0,
    publishWaitsAbandoned: 0,
    dropped: { stale: 0, future: 0, late: 0 },
    oversizeFrames: 0,
  };
  const backfills = new Map<number, (n: number) => void>();
  let stopped: (() => void) | undefined;
  let nextId = 0;
  const send = (m: ToThread) => worker.postMessage(m);
  // Counts settled hand-overs for the thread, which waits on it (see pipeline-thread.ts).
  const sab = new SharedArrayBuffer(4);
  const published = new Int32Array(sab);
  const settled = () => {
    Atomics.add(published, 0, 1);
    Atomics.notify(published, 0);
  };

  worker.on("message", (m: FromThread) => {
    if (m.type === "detections") {
      const done = sink.detections(m.ds, m.frameAt);
      if (done) done.then(settled, settled);
      else settled();
    } else if (m.type === "gap") sink.gap(m.from, m.to);
    else if (m.type === "problem") sink.problem(m.p);
    else if (m.type === "stats") stats = m.stats;
    else if (m.type === "backfilled") {
      backfills.get(m.id)?.(m.recovered);
      backfills.delete(m.id);
    } else if (m.type === "stopped") stopped?.();
  });
  worker.on("error", onError);
  send({ type: "init", options: o, published: sab });

  return {
    start: () => send({ type: "start" }),
    async stop() {
      await new Promise<void>((resolve) => {
        stopped = resolve;
        send({ type: "stop" });
      });
    },
    backfill: (rows) =>
      new Promise((resolve) => {
        const id = ++nextId;
        backfills.set(id, resolve);
        send({ type: "backfill", id, rows });
      }),
    whalePositions: (rows) => send({ type: "whales", rows }),
    stats: () => stats,
    async close() {
      await worker.terminate();
    },
  };
}
