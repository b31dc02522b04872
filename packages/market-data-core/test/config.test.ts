import { expect, test } from "vitest";
import { ConfigError, commonEnvSchema, parseEnv } from "../src/index.js";

test("a bad value names the variable and not its value", () => {
  const run = () => parseEnv(commonEnvSchema, { COINGLASS_PLAN: "gold", COINGLASS_API_KEY: "secret-key" });
  expect(run).toThrow(ConfigError);
  expect(run).toThrow(/COINGLASS_PLAN/);
  expect(run).not.toThrow(/secret-key/);
});

test("empty strings fall back to defaults", () => {
  const env = parseEnv(commonEnvSchema, { COINGLASS_PLAN: "", REDIS_URL: " " });
  expect(env.COINGLASS_PLAN).toBe("standard");
  expect(env.REDIS_URL).toBeUndefined();
});

test("the answer deadline and the quota's fallback share have safe defaults and bounds", () => {
  const env = parseEnv(commonEnvSchema, {});
  expect(env.REQUEST_DEADLINE_MS).toBe(8_000);
  expect(env.COINGLASS_QUOTA_FALLBACK_SHARE).toBeCloseTo(1 / 3);
  expect(parseEnv(commonEnvSchema, { REQUEST_DEADLINE_MS: "5000" }).REQUEST_DEADLINE_MS).toBe(5_000);
  expect(() => parseEnv(commonEnvSchema, { REQUEST_DEADLINE_MS: "90000" })).toThrow(/REQUEST_DEADLINE_MS/);
  expect(() => parseEnv(commonEnvSchema, { COINGLASS_QUOTA_FALLBACK_SHARE: "0" })).toThrow(
    /COINGLASS_QUOTA_FALLBACK_SHARE/,
  );
});
