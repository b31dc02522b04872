// The simulator in a process of its own for the worker bench, so the measured process has a core
// to itself. Driven over IPC: {type:"replay", id, opts} -> {type:"replayed", id, sent, ms};
// {type:"whale", id, whale} -> {type:"whaled", id}.
import { createSimulator, type WhalePositionOptions } from "@teleglas/coinglass-sim";

const sim = await createSimulator({ background: false, rateLimit: false });
process.send?.({ type: "ready", wsUrl: sim.wsUrl, restUrl: sim.restUrl });
process.on(
  "message",
  async (m: {
    type: string;
    id?: number;
    opts?: { count: number; batchSize?: number; channel?: string };
    whale?: WhalePositionOptions;
  }) => {
    if (m.type === "replay" && m.opts) {
      const r = await sim.control.replay(m.opts);
      process.send?.({ type: "replayed", id: m.id, ...r });
    } else if (m.type === "whale" && m.whale) {
      sim.control.injectWhalePosition(m.whale);
      process.send?.({ type: "whaled", id: m.id });
    } else if (m.type === "close") {
      await sim.close();
      process.exit(0);
    }
  },
);
