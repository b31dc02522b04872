import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRules, RulesError } from "../../src/rules/load.js";
import { createTierLookup, DEFAULT_RULES } from "../../src/rules/schema.js";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "teleglas-rules-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
const file = async (name: string, text: string) => {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
};

describe("alert rules file", () => {
  it("uses the original thresholds when no file is given", async () => {
    const rules = await loadRules(undefined);
    expect(rules.liquidation_storm.tiers.majors).toEqual({
      min_usd: 2_000_000,
      min_count: 3,
      cooldown_s: 300,
    });
    expect(rules.whale_cluster.tiers.large_caps).toMatchObject({
      min_usd: 1_500_000,
      min_dominance: 0.65,
      min_count: 2,
    });
    expect(createTierLookup(rules)("doge")).toBe(1);
    expect(createTierLookup(rules)("PEPE")).toBe(2);
  });

  it("reads YAML and overrides only what it names", async () => {
    const path = await file(
      "rules.yaml",
      "tiers:\n  majors: [BTC, ETH]\nliquidation_storm:\n  window_s: 60\n  tiers:\n    majors: { min_usd: 5000000 }\n",
    );
    const rules = await loadRules(path);
    expect(rules.liquidation_storm.window_s).toBe(60);
    expect(rules.liquidation_storm.tiers.majors).toEqual({
      min_usd: 5_000_000,
      min_count: 3,
      cooldown_s: 300,
    });
    expect(createTierLookup(rules)("SOL")).toBe(2);
    expect(rules.whale_trade).toEqual(DEFAULT_RULES.whale_trade);
  });

  it("reads JSON", async () => {
    const path = await file("rules.json", JSON.stringify({ whale_trade: { others: { min_usd: 250000 } } }));
    expect((await loadRules(path)).whale_trade.others.min_usd).toBe(250_000);
  });

  it.each([
    [
      "bad-type.yaml",
      "whale_cluster:\n  tiers:\n    majors:\n      min_dominance: 1.5\n",
      "whale_cluster.tiers.majors.min_dominance",
    ],
    ["typo.json", '{"large_liquidation":{"major":{"min_usd":1}}}', "large_liquidation.major"],
    ["string.yaml", "radar:\n  cooldown_s: soon\n", "radar.cooldown_s"],
    ["broken.json", "{ not json", "(syntax)"],
  ])("%s stops start-up naming %s", async (name, text, field) => {
    const path = await file(name, text);
    const error = await loadRules(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RulesError);
    expect((error as RulesError).field).toBe(field);
    expect((error as Error).message).toContain(field);
  });

  it("names a missing file", async () => {
    await expect(loadRules(join(dir, "nope.yaml"))).rejects.toThrow(/nope\.yaml/);
  });
});
