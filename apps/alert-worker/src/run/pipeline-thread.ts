// Worker-thread entry of the ingest pipeline: the stream and the detectors run here, so a flood of
// frames cannot delay the publisher's Redis round trips on the main thread.
//
// Alerts first: after handing a frame's detections over, this thread waits (at most
// HANDOVER_WAIT_MS) until the main thread reports them published. On a busy machine the publisher
// and Redis would otherwise wait milliseconds for a CPU this thread keeps busy with the frames
// behind; meanwhile those frames wait in the socket, and nothing is lost. Alerts are rare next to
// events (cooldowns), so ingest throughput hardly changes; the cap bounds what a slow Redis costs.
import { parentPort } from "node:worker_threads";
import type { LiquidationInput } from "../detect/types.js";
import type { WhalePositionInput } from "../detect/whale-position.js";
import { createPipeline, type Pipeline, type PipelineOptions } from "./pipeline.js";

const HANDOVER_WAIT_MS = 10;

export type ToThread =
  /** `published` holds one Int32: how many detection hand-overs the main thread has settled. */
  | { type: "init"; options: PipelineOptions; published: SharedArrayBuffer }
  | { type: "start" }
  | { type: "stop" }
  | { type: "backfill"; id: number; rows: LiquidationInput[] }
  | { type: "whales"; rows: WhalePositionInput[] };

/** Blocks until `count` hand-overs are settled or HANDOVER_WAIT_MS pass; false when time ran out. */
function waitPublished(published: Int32Array, count: number): boolean {
  const until = performance.now() + HANDOVER_WAIT_MS;
  for (let n = Atomics.load(published, 0); n < count; n = Atomics.load(published, 0)) {
    const left = until - performance.now();
    if (left <= 0 || Atomics.wait(published, 0, n, left) === "timed-out") return false;
  }
  return true;
}

const port = parentPort;
if (!port) throw new Error("pipeline-thread must run in a worker thread");
let pipeline: Pipeline | undefined;
let timer: NodeJS.Timeout | undefined;
let abandoned = 0;
const report = () =>
  pipeline &&
  port.postMessage({ type: "stats", stats: { ...pipeline.stats(), publishWaitsAbandoned: abandoned } });

port.on("message", async (m: ToThread) => {
  if (m.type === "init") {
    const published = new Int32Array(m.published);
    let handedOver = 0;
    pipeline = createPipeline(m.options, {
      detections(ds, frameAt) {
        port.postMessage({ type: "detections", ds, frameAt });
        if (!waitPublished(published, ++handedOver)) abandoned++;
        return undefined;
      },
      gap: (from, to) => port.postMessage({ type: "gap", from, to }),
      problem: (p) => port.postMessage({ type: "problem", p }),
    });
    timer = setInterval(report, 50);
  } else if (m.type === "start") {
    pipeline?.start();
  } else if (m.type === "stop") {
    await pipeline?.stop();
    report();
    port.postMessage({ type: "stopped" });
  } else if (m.type === "backfill") {
    const recovered = (await pipeline?.backfill(m.rows)) ?? 0;
    port.postMessage({ type: "backfilled", id: m.id, recovered });
  } else if (m.type === "whales") {
    pipeline?.whalePositions(m.rows);
  }
});
process.on("exit", () => clearInterval(timer));
