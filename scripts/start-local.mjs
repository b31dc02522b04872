#!/usr/bin/env node
// `npm start`: the one-process local stack (composition root). It hands the environment to
// @teleglas/infra's startLocalStack (built JavaScript), which starts the simulator, the GPT API,
// the alert worker and the bot, and stops them cleanly on Ctrl-C / SIGTERM — forcing the exit if
// a part hangs, so Ctrl-C never takes more than a few seconds.
import { startLocalStack } from "@teleglas/infra/local-stack";

const STOP_DEADLINE_MS = 4_000;

// The one-process stack holds all three apps: a stray rejection in one is printed, and the rest
// keep running (the apps' own main.ts make the per-app choice; see docs/deployment.md).
process.on("unhandledRejection", (reason) => {
  console.error("Unhandled promise rejection (still running):", reason);
});

let stack;
try {
  stack = await startLocalStack({ env: process.env, input: process.stdin, output: process.stdout });
} catch (error) {
  console.error(`Local stack failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

let stopping = false;
async function shutdown(signal) {
  if (stopping) process.exit(130); // a second Ctrl-C means "now"
  stopping = true;
  process.stdout.write(`\n${signal}: stopping…\n`);
  const force = setTimeout(() => {
    console.error(`Parts still running after ${STOP_DEADLINE_MS} ms; exiting anyway.`);
    process.exit(1);
  }, STOP_DEADLINE_MS);
  force.unref();
  await stack.stop();
  process.stdout.write("Stopped.\n");
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
