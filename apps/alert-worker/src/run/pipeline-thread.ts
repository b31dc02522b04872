// Worker-thread entry of the ingest pipeline: the stream and the detectors run here, so a flood of
// frames cannot delay the publisher's Redis round trips on the main thread.
import { parentPort } from "node:worker_threads";
import type { LiquidationInput } from "../detect/types.js";
import type { WhalePositionInput } from "../detect/whale-position.js";
import { createPipeline, type Pipeline, type PipelineOptions } from "./pipeline.js";

export type ToThread =
  | { type: "init"; options: PipelineOptions }
  | { type: "start" }
  | { type: "stop" }
  | { type: "backfill"; id: number; rows: LiquidationInput[] }
  | { type: "whales"; rows: WhalePositionInput[] };

const port = parentPort;
if (!port) throw new Error("pipeline-thread must run in a worker thread");
let pipeline: Pipeline | undefined;
let timer: NodeJS.Timeout | undefined;
const report = () => pipeline && port.postMessage({ type: "stats", stats: pipeline.stats() });

port.on("message", async (m: ToThread) => {
  if (m.type === "init") {
    pipeline = createPipeline(m.options, {
      detections: (ds, frameAt) => port.postMessage({ type: "detections", ds, frameAt }),
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
