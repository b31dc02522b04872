#!/usr/bin/env node
// The `coinglass-sim` command. A committed stub rather than dist/cli.js itself: npm links a
// workspace's bins at install, before `npm run build` has made dist/, and leaves a bin whose file
// is missing unlinked — so `npx coinglass-sim` did not work from a fresh clone.
import { existsSync } from "node:fs";

const cli = new URL("../dist/cli.js", import.meta.url);
if (!existsSync(cli)) {
  console.error("coinglass-sim is not built yet: run `npm run build` at the repository root first.");
  process.exit(1);
}
await import(cli.href);
