import { spawnSync } from "node:child_process";

/** Runs Debian's promtool (`apt-get install -y prometheus`; .ci/run installs it). */
export function promtool(args: string[], o: { cwd?: string; input?: string } = {}) {
  const r = spawnSync("promtool", args, { encoding: "utf8", cwd: o.cwd, input: o.input });
  if (r.error) {
    throw new Error(
      "promtool is not installed; install it with `apt-get install -y prometheus` (.ci/run does).",
    );
  }
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}
