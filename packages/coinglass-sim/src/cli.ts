#!/usr/bin/env node
/**
 * `coinglass-sim --port 8787 --seed 42 --plan standard --keys demo,other` — starts the simulator,
 * prints one line with the REST base URL and the WebSocket URL, runs until SIGINT/SIGTERM.
 */
import { parseArgs } from "node:util";
import { createSimulator, PLANS, type Plan } from "./index.js";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "8787" },
    host: { type: "string", default: "127.0.0.1" },
    seed: { type: "string", default: "42" },
    plan: { type: "string", default: "professional" },
    keys: { type: "string" },
    "rate-window-ms": { type: "string" },
    "no-background": { type: "boolean", default: false },
    "no-rate-limit": { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});

if (values.help) {
  console.log(
    "usage: coinglass-sim [--port 8787] [--host 127.0.0.1] [--seed 42] [--plan hobbyist|startup|standard|professional]\n" +
      "                     [--keys a,b] [--rate-window-ms 60000] [--no-background] [--no-rate-limit]",
  );
  process.exit(0);
}
const plan = values.plan as Plan;
if (!PLANS.includes(plan)) {
  console.error(`unknown plan ${values.plan}; one of ${PLANS.join(", ")}`);
  process.exit(2);
}

const sim = await createSimulator({
  port: Number(values.port),
  host: values.host,
  seed: Number(values.seed),
  plan,
  keys: values.keys ? values.keys.split(",").filter(Boolean) : undefined,
  rateWindowMs: values["rate-window-ms"] ? Number(values["rate-window-ms"]) : undefined,
  background: !values["no-background"],
  rateLimit: !values["no-rate-limit"],
}).catch((error: unknown) => {
  if ((error as { code?: unknown }).code !== "EADDRINUSE") throw error;
  console.error(
    `port ${values.port} is already in use on ${values.host}: pass --port with a free one (0 = any)`,
  );
  process.exit(2);
});
console.log(`coinglass-sim rest=${sim.restUrl} ws=${sim.wsUrl} plan=${plan} seed=${values.seed}`);

const stop = () => {
  void sim.close().then(() => process.exit(0));
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
