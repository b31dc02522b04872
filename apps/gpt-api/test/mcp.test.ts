import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Json, KEY, type Peers, startApi, startPeers } from "./harness.js";

let peers: Peers;
let api: Awaited<ReturnType<typeof startApi>>;
let client: Client;

beforeAll(async () => {
  peers = await startPeers();
  api = await startApi(peers);
  client = new Client({ name: "test", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL(`${api.url}/mcp`), {
    requestInit: { headers: { authorization: `Bearer ${KEY}` } },
  });
  await client.connect(transport);
});
afterAll(async () => {
  await client?.close();
  await api?.close();
  await peers?.close();
});

describe("MCP endpoint", () => {
  it("lists the read-only operations as tools", async () => {
    const { tools } = await client.listTools();
    const names = tools.map((t) => t.name);
    expect(names).toEqual(
      expect.arrayContaining(["getMarketSnapshot", "getLiquidations", "getWhaleActivity", "listSymbols"]),
    );
    for (const tool of tools) expect(tool.annotations?.readOnlyHint, tool.name).toBe(true);
    const liq = tools.find((t) => t.name === "getLiquidations");
    expect(Object.keys(liq?.inputSchema.properties ?? {})).toEqual(["symbol", "range"]);
  });

  it("answers a tool call with the same data as the HTTP route", async () => {
    const http = (await (await api.get("/gpt/liq?symbol=BTC&range=4h")).json()) as Json;
    const result = await client.callTool({
      name: "getLiquidations",
      arguments: { symbol: "BTC", range: "4h" },
    });
    expect(result.isError).toBeFalsy();
    const content = result.content as Array<{ type: string; text: string }>;
    const body = JSON.parse(content[0]?.text ?? "{}");
    expect(body.success).toBe(true);
    expect(body.symbol).toBe("BTC");
    expect(body.data).toEqual(http.data);
    const metrics = await (await api.get("/metrics")).text();
    expect(metrics).toContain('teleglas_api_mcp_tool_calls_total{tool="getLiquidations",outcome="ok"} 1');
  });

  it("opens no GET stream on the stateless server (405 in the envelope)", async () => {
    const res = await fetch(`${api.url}/mcp`, {
      headers: { authorization: `Bearer ${KEY}`, accept: "text/event-stream" },
    });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("METHOD_NOT_ALLOWED");
  });

  it("reports an unknown symbol as a tool error in the envelope", async () => {
    const result = await client.callTool({ name: "getMarketSnapshot", arguments: { symbol: "BTX" } });
    expect(result.isError).toBe(true);
    const content = result.content as Array<{ type: string; text: string }>;
    expect(JSON.parse(content[0]?.text ?? "{}").error.code).toBe("UNKNOWN_SYMBOL");
  });
});
