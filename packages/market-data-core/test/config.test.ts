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
