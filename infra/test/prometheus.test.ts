import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { infraDir } from "./helpers/paths.js";
import { promtool } from "./helpers/promtool.js";

interface RuleFile {
  groups: Array<{ rules: Array<{ alert: string }> }>;
}
interface TestFile {
  tests: Array<{ alert_rule_test?: Array<{ alertname: string; exp_alerts?: unknown[] }> }>;
}

// A copy, with the API key files the configs expect next to them (the operator creates them).
let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "teleglas-prometheus-"));
  cpSync(join(infraDir, "prometheus"), dir, { recursive: true });
  writeFileSync(join(dir, "teleglas-api-key"), "not-a-real-key");
  writeFileSync(join(dir, "api-key"), "not-a-real-key");
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("Prometheus configuration (promtool)", () => {
  it.each(["prometheus.yml", "prometheus.compose.yml"])("%s passes promtool check config", (file) => {
    const r = promtool(["check", "config", file], { cwd: dir });
    expect(r.output).toContain("SUCCESS");
    expect(r.status, r.output).toBe(0);
  });

  it("a config without its API key file is refused (the key is not committed)", () => {
    rmSync(join(dir, "api-key"));
    try {
      const r = promtool(["check", "config", "prometheus.compose.yml"], { cwd: dir });
      expect(r.status).not.toBe(0);
      expect(r.output).toContain("api-key");
    } finally {
      writeFileSync(join(dir, "api-key"), "not-a-real-key");
    }
  });

  it("rules.yml passes promtool check rules", () => {
    const r = promtool(["check", "rules", "rules.yml"], { cwd: dir });
    expect(r.output).toMatch(/SUCCESS: \d+ rules found/);
    expect(r.status, r.output).toBe(0);
  });

  it("each alert has a unit test where it fires and one where it stays quiet", () => {
    const rules = parse(readFileSync(join(dir, "rules.yml"), "utf8")) as RuleFile;
    const tests = parse(readFileSync(join(dir, "rules.test.yml"), "utf8")) as TestFile;
    const cases = tests.tests.flatMap((t) => t.alert_rule_test ?? []);
    const alerts = rules.groups.flatMap((g) => g.rules.map((r) => r.alert));
    expect(alerts.length).toBeGreaterThanOrEqual(10);
    for (const name of alerts) {
      const mine = cases.filter((c) => c.alertname === name);
      expect(
        mine.some((c) => (c.exp_alerts ?? []).length > 0),
        `${name} fires in a test`,
      ).toBe(true);
      expect(
        mine.some((c) => (c.exp_alerts ?? []).length === 0),
        `${name} stays quiet in a test`,
      ).toBe(true);
    }
  });

  it("every alert fires when it should and stays quiet when it should not (promtool test rules)", () => {
    const r = promtool(["test", "rules", "rules.test.yml"], { cwd: dir });
    expect(r.status, r.output).toBe(0);
  });
});
