#!/usr/bin/env node
// Runs benchmark suites: `npm run bench` (all) or `npm run bench -- <suite>`.
// Each suite is bench/suites/<name>.ts, run with tsx against the built packages, and prints as
// its last line one JSON object {"suite": "<name>", "metrics": {...}}.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const all = readdirSync(join(here, "suites"))
  .filter((f) => f.endsWith(".ts"))
  .map((f) => f.slice(0, -3))
  .sort();
const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const unknown = wanted.filter((s) => !all.includes(s));
if (unknown.length > 0) {
  console.error(`Unknown bench suite: ${unknown.join(", ")}. Suites: ${all.join(", ")}`);
  process.exit(2);
}
let failed = 0;
for (const suite of wanted.length > 0 ? wanted : all) {
  console.error(`== bench ${suite}`);
  const tsx = join(here, "..", "node_modules", ".bin", "tsx");
  const run = spawnSync(tsx, [join(here, "suites", `${suite}.ts`)], { stdio: "inherit", env: process.env });
  if (run.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
