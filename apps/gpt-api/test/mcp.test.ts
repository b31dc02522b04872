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
    const body = result.structuredContent as Json;
    const content = result.content as Array<{ type: string; text: string }>;
    expect(JSON.parse(content[1]?.text ?? "{}")).toEqual(body);
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

/** One raw JSON-RPC POST to /mcp. */
async function rpc(url: string, body: unknown, key = KEY) {
  const res = await fetch(`${url}/mcp`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${key}`,
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Json };
}
const call = (id: number, name: string, args: unknown) => ({
  jsonrpc: "2.0",
  id,
  method: "tools/call",
  params: { name, arguments: args },
});
const toolError = (answer: Json) => JSON.parse(answer.result.content[0].text).error;

describe("MCP arguments", () => {
  it("answers null, missing and malformed arguments in plain words", async () => {
    const cases: Array<[unknown, string, string]> = [
      [null, "symbol", "symbol is required, e.g. BTC."],
      [{}, "symbol", "symbol is required, e.g. BTC."],
      ["BTC", "arguments", 'arguments must be an object of parameters, e.g. {"symbol":"BTC"}.'],
      [{ symbol: "BTC", range: "2d" }, "range", "range must be one of 1h, 4h, 12h, 24h, e.g. 24h."],
    ];
    for (const [args, param, message] of cases) {
      const { status, body } = await rpc(api.url, call(1, "getLiquidations", args));
      expect(status).toBe(200);
      expect(body.result.isError, JSON.stringify(args)).toBe(true);
      expect(toolError(body)).toMatchObject({ code: "INVALID_PARAM", param, message });
    }
    const whale = await rpc(api.url, call(2, "getWhaleActivity", { min_usd: -1 }));
    expect(toolError(whale.body).message).toBe("min_usd must be a number ≥ 0, e.g. 1000000.");
  });

  it("names MCP tools, not HTTP routes, in its hints", async () => {
    const { body } = await rpc(api.url, call(1, "getMarketSnapshot", { symbol: "BTX" }));
    const error = toolError(body);
    expect(error.code).toBe("UNKNOWN_SYMBOL");
    expect(error.hint).toContain("listSymbols tool");
    expect(error.hint).not.toContain("GET /");
  });

  it("names the getApiInfo tool when the CoinGlass plan lacks the data", async () => {
    const low = await startPeers({ plan: "hobbyist" });
    const lowApi = await startApi(low);
    try {
      const { body } = await rpc(lowApi.url, call(1, "getWhaleActivity", { symbol: "BTC" }));
      const error = toolError(body);
      expect(error.code).toBe("PLAN_REQUIRED");
      expect(error.hint).toContain("getApiInfo tool");
      expect(error.hint).not.toContain("GET /");
    } finally {
      await lowApi.close();
      await low.close();
    }
  });
});

describe("MCP batches and the per-key limit", () => {
  it("counts every tool call of a batch and refuses a batch larger than what the key has left", async () => {
    const key = `batch-key-${Math.random().toString(36).slice(2)}-0123456789`;
    const limited = await startApi(peers, {
      rateLimitPerMinute: 5,
      apiKeys: [key],
      rateWindowMs: 864_000_000,
    });
    try {
      peers.sim.control.resetCounters();
      const symbols = ["ADA", "AVAX", "LINK", "DOT", "LTC"];
      const batch = Array.from({ length: 100 }, (_, i) =>
        call(i, "getOrderbook", { symbol: symbols[i % symbols.length], exchange: "OKX", range: "0.25" }),
      );
      const refused = await rpc(limited.url, batch, key);
      expect(refused.status).toBe(429);
      expect(refused.body.error.code).toBe("RATE_LIMITED");
      expect(refused.body.error.message).toContain("100 tool calls");
      const orderbookCalls = Object.entries(peers.sim.control.counters().byEndpoint)
        .filter(([path]) => path.includes("orderbook"))
        .reduce((sum, [, n]) => sum + (n as number), 0);
      expect(orderbookCalls).toBe(0);
      // The refused batch used the key's window up: even a single call is refused now.
      const single = await rpc(limited.url, call(1, "listSymbols", {}), key);
      expect(single.status).toBe(429);
    } finally {
      await limited.close();
    }
  });

  it("runs a batch that fits and counts each of its calls", async () => {
    const key = `batch-fit-${Math.random().toString(36).slice(2)}-0123456789`;
    const limited = await startApi(peers, {
      rateLimitPerMinute: 5,
      apiKeys: [key],
      rateWindowMs: 864_000_000,
    });
    try {
      const batch = [1, 2, 3].map((i) => call(i, "listSymbols", {}));
      const res = await rpc(limited.url, batch, key);
      expect(res.status).toBe(200);
      expect(res.headers.get("x-ratelimit-remaining")).toBe("2");
      const answers = res.body as Json[];
      expect(answers).toHaveLength(3);
      for (const a of answers) expect(a.result.isError).toBeFalsy();
      // 3 used: a batch of 3 more does not fit in the 2 left.
      expect((await rpc(limited.url, batch, key)).status).toBe(429);
    } finally {
      await limited.close();
    }
  });
});
