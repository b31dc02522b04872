import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { runSmoke } from "../src/smoke/checks.js";
import { formatSmokeTable } from "../src/smoke/table.js";

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("smoke test (against broken deployments)", () => {
  it("fails every check of an API that answers 500 everywhere, and the table says so", async () => {
    const url = await serve((_req, res) => {
      res.writeHead(500, { "content-type": "application/json" });
      res.end('{"detail":"Failed to fetch raw data"}');
    });
    const report = await runSmoke({ url, key: "smoke-test-key-123" });
    expect(report.ok).toBe(false);
    expect(report.checks.find((c) => c.name === "public GET /health")?.ok).toBe(false);
    expect(report.checks.find((c) => c.name === "auth: right key -> 200")?.ok).toBe(false);
    const table = formatSmokeTable(report);
    expect(table).toMatch(/FAIL\s+public GET \/health\s+500/);
    expect(table).toMatch(/checks FAILED\./);
  });

  it("fails an API that lets requests through without a key", async () => {
    const url = await serve((req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({ success: true, timestamp: new Date().toISOString(), data: { path: req.url } }),
      );
    });
    const report = await runSmoke({ url, key: "smoke-test-key-123" });
    expect(report.checks.find((c) => c.name === "auth: no key -> 401")?.ok).toBe(false);
    expect(report.checks.find((c) => c.name === "auth: wrong key -> 401")?.ok).toBe(false);
    expect(report.ok).toBe(false);
  });

  it("reports an unreachable host as failed checks with the connection error, and never prints the key", async () => {
    // A port that just stopped listening: connection refused.
    const closed = await serve(() => undefined);
    await new Promise((r) => servers.pop()!.close(r));
    const report = await runSmoke({ url: closed, key: "secret-smoke-key-xyz", timeoutMs: 2000 });
    expect(report.ok).toBe(false);
    expect(report.checks[0]?.status).toBeNull();
    expect(report.checks[0]?.detail).toMatch(/ECONNREFUSED|connect/i);
    expect(formatSmokeTable(report, true)).not.toContain("secret-smoke-key-xyz");
  });
});
