import { PassThrough } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalStack, startLocalStack } from "../src/local-stack.js";
import { runSmoke } from "../src/smoke/checks.js";
import { formatSmokeTable } from "../src/smoke/table.js";

// The real gpt-api, started from its service through the local stack, against the simulator.
let stack: LocalStack;
beforeAll(async () => {
  const env = { SIM_PORT: "0", PORT: "0", WORKER_PORT: "0", GPT_API_KEYS: "smoke-live-key-0123456789" };
  stack = await startLocalStack({ env, output: new PassThrough(), logger: pino({ level: "silent" }) });
});
afterAll(async () => {
  await stack?.stop();
});

describe("smoke test against the real gpt-api", () => {
  it("passes every check, covering each data route for BTC and ETH", async () => {
    const report = await runSmoke({ url: stack.apiUrl, key: "smoke-live-key-0123456789", slowMs: 10_000 });
    const table = formatSmokeTable(report);
    expect(
      report.checks.filter((c) => !c.ok),
      table,
    ).toEqual([]);
    const names = report.checks.map((c) => c.name);
    for (const route of ["/gpt/raw", "/gpt/liq", "/gpt/orderbook"]) {
      expect(names).toContain(`data GET ${route} BTC`);
      expect(names).toContain(`data GET ${route} ETH`);
    }
    expect(names).toContain("rate-limit headers");
    expect(table).toMatch(/All \d+ checks passed\./);
  });

  it("fails the auth checks when given a key the API does not accept", async () => {
    const report = await runSmoke({ url: stack.apiUrl, key: "not-the-configured-key", slowMs: 10_000 });
    expect(report.ok).toBe(false);
    expect(report.checks.find((c) => c.name === "auth: right key -> 200")?.status).toBe(401);
  });
});
