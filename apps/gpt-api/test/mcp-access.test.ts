import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { liveMeta } from "../src/http/envelope.js";
import { addressBucket } from "../src/mcp/access.js";
import { callTool, visibleTools } from "../src/mcp/call.js";
import { operationTool } from "../src/mcp/operation-tools.js";
import type { ToolContext } from "../src/mcp/tool.js";
import { keyPrincipal, publicPrincipal } from "../src/security/principal.js";
import { type Json, KEY, type Peers, startApi, startPeers } from "./harness.js";
import { connectMcp } from "./mcp-client.js";

let peers: Peers;
beforeAll(async () => {
  peers = await startPeers();
});
afterAll(async () => {
  await peers?.close();
});

const INIT = {
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "curl", version: "1" } },
};
/** One raw JSON-RPC POST to /mcp. */
async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/mcp`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      ...headers,
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Json };
}

describe("/mcp without MCP_PUBLIC", () => {
  it("answers 401 in the envelope to a request without a key, and to a wrong key", async () => {
    const api = await startApi(peers);
    try {
      const none = await post(api.url, INIT);
      expect(none.status).toBe(401);
      expect(none.body.error).toMatchObject({
        code: "UNAUTHORIZED",
        message: "A bearer API key is required.",
      });
      const wrong = await post(api.url, INIT, { authorization: "Bearer wrong-key-0123456789" });
      expect(wrong.status).toBe(401);
      await expect(connectMcp(api.url)).rejects.toThrow();
    } finally {
      await api.close();
    }
  });
});

describe("/mcp with MCP_PUBLIC=true", () => {
  let api: Awaited<ReturnType<typeof startApi>>;
  beforeAll(async () => {
    api = await startApi(peers, {
      mcpPublic: true,
      mcpPublicRateLimit: 5,
      rateLimitPerMinute: 50,
      rateWindowMs: 864_000_000,
      // The proxy on this machine names the client, so each test "address" has its own count.
      trustProxy: ["127.0.0.1"],
    });
  });
  afterAll(async () => {
    await api?.close();
  });
  const from = (ip: string) => ({ "x-forwarded-for": ip });

  it("serves the market-data tools with no login, limited per client address", async () => {
    // Requests 1-3: initialize, the event-stream probe (GET, 405), the initialized notification.
    const { client } = await connectMcp(api.url, { headers: from("203.0.113.7") });
    try {
      const { tools } = await client.listTools(); // 4
      const names = tools.map((t) => t.name);
      expect(names).toContain("getMarketSnapshot");
      // The person-scoped tools need a login: not even listed.
      expect(names.filter((n) => n.startsWith("getMy"))).toEqual([]);
      const answer = await client.callTool({ name: "getLiquidations", arguments: { symbol: "BTC" } }); // 5
      expect(answer.isError).toBeFalsy();
      expect((answer.structuredContent as Json).symbol).toBe("BTC");
      await expect(client.callTool({ name: "listSymbols", arguments: {} })).rejects.toThrow(/RATE_LIMITED/);
    } finally {
      await client.close();
    }
    const limited = await post(api.url, INIT, from("203.0.113.7"));
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe("RATE_LIMITED");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another address has its own allowance; a key keeps the key's limit.
    expect((await post(api.url, INIT, from("203.0.113.8"))).status).toBe(200);
    const keyed = await post(api.url, INIT, { ...from("203.0.113.7"), authorization: `Bearer ${KEY}` });
    expect(keyed.status).toBe(200);
    expect(keyed.headers.get("x-ratelimit-limit")).toBe("50");
  });

  it("refuses a wrong key rather than serving it as public", async () => {
    const wrong = await post(api.url, INIT, {
      ...from("203.0.113.9"),
      authorization: "Bearer nope-0123456789",
    });
    expect(wrong.status).toBe(401);
  });

  it("refuses a person-scoped tool to a public caller, naming the scope it needs", async () => {
    const call = { jsonrpc: "2.0", id: 3, method: "tools/call", params: { name: "getMySubscription" } };
    const { status, body } = await post(api.url, call, from("203.0.113.11"));
    expect(status).toBe(200);
    expect(body.result.isError).toBe(true);
    expect(JSON.parse(body.result.content[0].text).error).toMatchObject({
      code: "UNAUTHORIZED",
      message: "The tool getMySubscription needs a login with the alerts:read scope.",
    });
  });

  it("keeps /gpt/* behind a key", async () => {
    const res = await fetch(`${api.url}/gpt/liq?symbol=BTC`, { headers: from("203.0.113.10") });
    expect(res.status).toBe(401);
  });
});

describe("tools by scope", () => {
  const personal = operationTool({
    operationId: "getMyAlertRules",
    path: "/gpt/me/rules",
    summary: "My alert rules",
    description: "The alert rules of the person logged in, as set in the Telegram bot.",
    query: z.object({}),
    data: z.object({ subject: z.string() }),
    withSymbol: false,
    hold: false,
    gpt: false,
    scope: "alerts:read",
    run: async (_deps, _q, principal) => ({ data: { subject: principal?.subject ?? "" }, meta: liveMeta() }),
  });

  it("hides a personal tool from public and key callers and refuses to call it", async () => {
    expect(personal.listing.annotations?.openWorldHint).toBe(false);
    const tools = [personal];
    expect(visibleTools(tools, publicPrincipal("203.0.113.7"))).toEqual([]);
    expect(visibleTools(tools, keyPrincipal("k_1"))).toEqual([]);
    const user = {
      subject: "tg:42",
      scopes: ["market:read", "alerts:read"] as const,
      kind: "oauth" as const,
    };
    expect(visibleTools(tools, user)).toEqual(tools);
    const ctx = { principal: publicPrincipal("203.0.113.7") } as ToolContext;
    const refused = await callTool(new Map([[personal.name, personal]]), personal.name, {}, ctx, () => {});
    expect(refused.isError).toBe(true);
    const error = JSON.parse((refused.content[0] as { text: string }).text).error;
    expect(error).toMatchObject({ code: "UNAUTHORIZED" });
    expect(error.message).toBe("The tool getMyAlertRules needs a login with the alerts:read scope.");
  });
});

describe("public tier address buckets", () => {
  it("counts IPv4 as is and IPv6 by its /64", () => {
    expect(addressBucket("203.0.113.7")).toBe("203.0.113.7");
    expect(addressBucket("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(addressBucket("2001:db8:aa:bb:1:2:3:4")).toBe("2001:db8:aa:bb::/64");
    expect(addressBucket("2001:db8:aa:bb::9")).toBe("2001:db8:aa:bb::/64");
    expect(addressBucket("2001:0db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressBucket("::1")).toBe("0:0:0:0::/64");
  });
});
