import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { APPS, infraDir } from "./helpers/paths.js";

const unit = (app: string) => join(infraDir, "systemd", `teleglas-${app}.service`);
const analyze = spawnSync("systemd-analyze", ["--version"]);
const hasAnalyze = !analyze.error && analyze.status === 0;
const temp = mkdtempSync(join(tmpdir(), "teleglas-systemd-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** `systemd-analyze verify` on a unit: clean means exit 0 and no complaint about the file. */
function verify(path: string): { ok: boolean; output: string } {
  const run = spawnSync("systemd-analyze", ["verify", path], { encoding: "utf8", cwd: temp });
  const output = `${run.stdout}${run.stderr}`.trim();
  return { ok: run.status === 0 && !output.includes(path.split("/").pop()!), output };
}

describe("infra/systemd", () => {
  it.each(APPS)("teleglas-%s.service starts the built app with Redis, limits and hardening", (app) => {
    const text = readFileSync(unit(app), "utf8");
    expect(text).toContain(`ExecStart=/usr/bin/node --enable-source-maps apps/${app}/dist/main.js`);
    expect(text).toMatch(/^User=teleglas$/m);
    expect(text).toMatch(/^Restart=on-failure$/m);
    expect(text).toMatch(/^MemoryMax=\d+M$/m);
    expect(text).toMatch(/^NoNewPrivileges=yes$/m);
    expect(text).toMatch(/^EnvironmentFile=-\/etc\/teleglas\/teleglas.env$/m);
    expect(text).toContain("REDIS_URL=");
  });

  // systemd-analyze exists only on systemd machines; the unit text checks above run everywhere.
  it.runIf(hasAnalyze && existsSync("/usr/bin/node")).each(APPS)(
    "teleglas-%s.service passes systemd-analyze verify",
    (app) => {
      const { ok, output } = verify(unit(app));
      expect(output).toBe("");
      expect(ok).toBe(true);
    },
  );

  it.runIf(hasAnalyze)(
    "systemd-analyze verify rejects a unit with a misplaced key (the check can fail)",
    () => {
      const broken = join(temp, "teleglas-broken.service");
      writeFileSync(
        broken,
        readFileSync(unit("gpt-api"), "utf8").replace("[Unit]", "[Unit]\nRestart=always"),
      );
      expect(verify(broken).ok).toBe(false);
    },
  );
});
