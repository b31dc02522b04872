#!/usr/bin/env node
import { loadLocalStackEnv } from "@teleglas/infra/local-config";
// `npm start`: the one-process local stack (composition root). It reads the environment, starts
// everything through @teleglas/infra's startLocalStack on the built JavaScript, and stops it
// cleanly on Ctrl-C / SIGTERM — forcing the exit if a part hangs, so Ctrl-C never takes more
// than a few seconds.
import { startLocalStack } from "@teleglas/infra/local-stack";

const STOP_DEADLINE_MS = 4_000;

let env;
try {
  env = loadLocalStackEnv(process.env);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}

let stack;
try {
  stack = await startLocalStack({ env, input: process.stdin, output: process.stdout });
} catch (error) {
  console.error(`Local stack failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

let stopping = false;
async function shutdown(signal) {
  if (stopping) {
    // A second Ctrl-C means "now".
    process.exit(130);
  }
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
