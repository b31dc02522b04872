import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import { decodePng, inkStats } from "@teleglas/charts/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderGate } from "../src/mcp/chart.js";
import { type Json, KEY, type Peers, sampleAlert, startApi, startPeers } from "./harness.js";
import { connectMcp, MAX_ARGS, schemaErrors } from "./mcp-client.js";

let peers: Peers;
let api: Awaited<ReturnType<typeof startApi>>;
let client: Client;
let tools: Tool[];

beforeAll(async () => {
  peers = await startPeers();
  api = await startApi(peers);
  for (let i = 0; i < 120; i++)
    await peers.stores.alerts.publish(sampleAlert(i, { detail: { note: "x".repeat(200) } }));
  ({ client } = await connectMcp(api.url, { key: KEY }));
  ({ tools } = await client.listTools());
});
afterAll(async () => {
  await client?.close();
  await api?.close();
  await peers?.close();
});

describe("MCP protocol revisions", () => {
  for (const version of ["2025-11-25", "2025-06-18", "2025-03-26"]) {
    it(`initializes a ${version} client and serves it`, async () => {
      const { client: c, transport } = await connectMcp(api.url, { key: KEY, version });
      try {
        expect(transport.protocolVersion).toBe(version);
        expect(c.getServerVersion()?.name).toBe("teleglas");
        expect(c.getInstructions()).toContain("getMarketSnapshot");
        const answer = await c.callTool({ name: "listSymbols", arguments: {} });
        expect((answer.structuredContent as Json).data.symbols).toContain("BTC");
      } finally {
        await c.close();
      }
    });
  }
});

describe("MCP tools/list", () => {
  it("lists every tool with an output schema, a title and read-only annotations", () => {
    expect(tools.map((t) => t.name).sort()).toEqual(Object.keys(MAX_ARGS).sort());
    for (const t of tools) {
      expect(t.outputSchema?.type, t.name).toBe("object");
      expect(t.title, t.name).toBeTruthy();
      expect(t.description?.length, t.name).toBeGreaterThan(40);
      expect(t.annotations, t.name).toMatchObject({ title: t.title, readOnlyHint: true });
    }
    // The whole listing, schemas included, stays a modest part of a model's context.
    expect(JSON.stringify({ tools }).length).toBeLessThan(100_000);
    const local = tools.filter((t) => t.annotations?.openWorldHint === false).map((t) => t.name);
    expect(local.sort()).toEqual(["getApiInfo", "getRecentAlerts"]);
  });

  it("documents each list's maximum in its parameters", () => {
    const limit = (name: string) =>
      (tools.find((t) => t.name === name)?.inputSchema.properties as Json)?.limit;
    expect(limit("getWhaleActivity")).toMatchObject({ maximum: 100, default: 20 });
    expect(limit("getRecentAlerts")).toMatchObject({ maximum: 100 });
    expect(limit("getFundingArbitrage")).toMatchObject({ maximum: 50 });
    expect(limit("getPriceChart")).toMatchObject({ minimum: 24, maximum: 168 });
  });
});

describe("MCP tools/call at the largest settings", () => {
  it("answers every tool with structured content valid against its output schema, under 100 KB", async () => {
    const sizes: Record<string, number> = {};
    for (const t of tools) {
      // The SDK client validates structuredContent against outputSchema itself (and throws).
      const result = await client.callTool({ name: t.name, arguments: MAX_ARGS[t.name] });
      expect(result.isError, `${t.name}: ${JSON.stringify(result.content).slice(0, 300)}`).toBeFalsy();
      expect(schemaErrors(t.outputSchema as object, result.structuredContent), t.name).toBeUndefined();
      const [summary, json] = result.content as Array<{ type: string; text: string }>;
      expect(summary?.type).toBe("text");
      expect(summary?.text.length, t.name).toBeLessThan(1500);
      // The JSON again as text for hosts that show only text, unless it is long (then a note).
      if (json?.text.startsWith("{")) expect(JSON.parse(json.text), t.name).toEqual(result.structuredContent);
      else expect(json?.text, t.name).toContain("is in structuredContent only");
      sizes[t.name] = JSON.stringify(result).length;
    }
    for (const [name, bytes] of Object.entries(sizes)) expect(bytes, name).toBeLessThan(100_000);
  });

  it("draws the bot's chart as a PNG image with its figures", async () => {
    const result = await client.callTool({ name: "getPriceChart", arguments: { symbol: "eth" } });
    const image = (result.content as Array<{ type: string; data?: string; mimeType?: string }>).find(
      (c) => c.type === "image",
    );
    expect(image?.mimeType).toBe("image/png");
    const png = decodePng(Buffer.from(image?.data ?? "", "base64"));
    expect(png.width).toBe(800);
    expect(inkStats(png.rgba).colorShare).toBeGreaterThan(0.01);
    const data = (result.structuredContent as Json).data;
    expect(data).toMatchObject({ symbol: "ETH", interval: "4h", candles: 96 });
    expect(data.high).toBeGreaterThanOrEqual(data.low);
    const summary = (result.content as Array<{ text?: string }>)[0]?.text ?? "";
    expect(summary).toContain("Price chart with liquidations (PNG) — ETH");
  });

  it("summarises an answer in text with its headline figures as given", async () => {
    const result = await client.callTool({ name: "getLiquidations", arguments: { symbol: "BTC" } });
    const data = (result.structuredContent as Json).data;
    const summary = (result.content as Array<{ text: string }>)[0]?.text ?? "";
    expect(summary).toContain("Liquidations of one coin over a window — BTC.");
    expect(summary).toContain(`total_usd ${data.total_usd}`);
    expect(summary).toContain(`by_exchange: ${data.by_exchange.length} entries`);
    expect(summary).toMatch(/As of \d{4}-\d\d-\d\dT/);
  });
});

describe("MCP resources", () => {
  it("lists and reads the symbol list and the tools guide", async () => {
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri)).toEqual(["teleglas://symbols", "teleglas://docs/tools"]);
    const symbols = await client.readResource({ uri: "teleglas://symbols" });
    const body = JSON.parse((symbols.contents[0] as { text: string }).text);
    expect(body.data.symbols).toContain("BTC");
    expect(body.data.count).toBe(body.data.symbols.length);
    const guide = await client.readResource({ uri: "teleglas://docs/tools" });
    const text = (guide.contents[0] as { text: string }).text;
    for (const t of tools) expect(text).toContain(`## ${t.name} — `);
    expect(text).toContain("`limit` (optional): Maximum alerts and positions listed, 1..100");
  });

  it("answers an unknown resource with MCP's not-found error in plain words", async () => {
    await expect(client.readResource({ uri: "teleglas://nope" })).rejects.toMatchObject({
      code: -32002,
      message: expect.stringContaining("No resource teleglas://nope"),
    });
  });
});

describe("getPriceChart refusals", () => {
  const refusal = async (args: Json) => {
    const result = await client.callTool({ name: "getPriceChart", arguments: args });
    expect(result.isError).toBe(true);
    return JSON.parse((result.content as Array<{ text: string }>)[0]?.text ?? "{}").error;
  };

  it("answers bad arguments in plain words", async () => {
    expect(await refusal({ symbol: "BTC", interval: "2d" })).toMatchObject({
      code: "INVALID_PARAM",
      message: "interval must be one of 5m, 15m, 30m, 1h, 4h, 12h, 1d, e.g. 4h.",
    });
    expect((await refusal({ symbol: "BTC", limit: 500 })).message).toBe(
      "limit must be a whole number from 24 to 168, e.g. 96.",
    );
    expect(await refusal({ symbol: "BTX" })).toMatchObject({ code: "UNKNOWN_SYMBOL" });
  });

  it("draws two charts at once, queues eight and refuses the rest instead of piling up", async () => {
    const gate = renderGate(2, 8);
    const release: Array<() => void> = [];
    const started: number[] = [];
    const work = (n: number) => () =>
      new Promise<number>((resolve) => {
        started.push(n);
        release.push(() => resolve(n));
      });
    const runs = Array.from({ length: 10 }, (_, n) => gate(work(n)));
    await expect(gate(work(10))).rejects.toMatchObject({
      code: "RATE_LIMITED",
      message: "Too many charts are being drawn right now.",
    });
    expect(started).toEqual([0, 1]);
    // Each finished render lets the next waiting one start, in order.
    for (let n = 0; n < 10; n++) {
      release.shift()?.();
      expect(await runs[n]).toBe(n);
    }
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
