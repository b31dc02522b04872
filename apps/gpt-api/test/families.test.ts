/**
 * The CoinGlass families beyond the futures core (issue 17), on the lowest plan: each route and
 * its MCP tool give the same figures as the core service, and what the plan lacks is refused
 * with PLAN_REQUIRED naming the plan.
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Json, KEY, type Peers, startApi, startPeers } from "./harness.js";

let peers: Peers;
let api: Awaited<ReturnType<typeof startApi>>;
let client: Client;

beforeAll(async () => {
  peers = await startPeers({ plan: "hobbyist" });
  api = await startApi(peers);
  client = new Client({ name: "test", version: "1.0.0" });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(`${api.url}/mcp`), {
      requestInit: { headers: { authorization: `Bearer ${KEY}` } },
    }),
  );
});
afterAll(async () => {
  await client?.close();
  await api?.close();
  await peers?.close();
});

const json = async (res: Response) => (await res.json()) as Json;
async function tool(name: string, args: Record<string, unknown>): Promise<Json> {
  const result = await client.callTool({ name, arguments: args });
  // An answer is the envelope as structured content; an error is the error envelope as text.
  if (!result.isError) return { isError: false, ...(result.structuredContent as Json) };
  const content = result.content as Array<{ type: string; text: string }>;
  return { isError: true, ...JSON.parse(content[0]?.text ?? "{}") };
}

describe("/gpt/etf and getEtfFlows", () => {
  it("serve the service's flows, per fund and total, in snake_case (hobbyist plan)", async () => {
    const res = await api.get("/gpt/etf?asset=BTC&days=7");
    const body = await json(res);
    expect(res.status, JSON.stringify(body.error)).toBe(200);
    const core = await peers.core.market.getEtf("BTC", { days: 7 });
    expect(body.data.days).toHaveLength(7);
    expect(body.data.latest.total_usd).toBe(core.data.latest?.totalUsd);
    expect(body.data.latest.funds[0]).toEqual({
      ticker: core.data.latest?.funds[0]?.ticker,
      flow_usd: core.data.latest?.funds[0]?.flowUsd,
    });
    // The API cuts fractions to 10 significant digits (snake-case.ts).
    expect(body.data.net_assets.usd).toBe(Number(core.data.netAssets?.usd.toPrecision(10)));
    expect(body.data.hong_kong).toHaveLength(7);
    const mcp = await tool("getEtfFlows", { asset: "BTC", days: 7 });
    expect(mcp.isError).toBe(false);
    expect(mcp.data).toEqual(body.data);
  });

  it("names what CoinGlass does not publish: SOL has no net assets", async () => {
    const body = await json(await api.get("/gpt/etf?asset=SOL"));
    expect(body.data.net_assets).toBeNull();
    expect(body.meta.missing).toEqual(["net_assets"]);
    expect(body.data.days.length).toBeGreaterThan(0);
  });

  it("stays under the GPT Actions limit of 100,000 characters at 90 days of BTC", async () => {
    const text = await (await api.get("/gpt/etf?asset=BTC&days=90")).text();
    expect(text.length).toBeLessThan(100_000);
  });

  it("refuses a bad asset or day count in plain words", async () => {
    for (const [path, param] of [
      ["/gpt/etf?asset=DOGE", "asset"],
      ["/gpt/etf?days=365", "days"],
    ] as const) {
      const res = await api.get(path);
      const body = await json(res);
      expect(res.status).toBe(400);
      expect(body.error).toMatchObject({ code: "INVALID_PARAM", param });
      expect(body.error.message).not.toMatch(/zod|invalid_enum|too_big/i);
    }
  });
});

describe("/gpt/funding-arbitrage and getFundingArbitrage", () => {
  it("answer 403 PLAN_REQUIRED naming the startup plan on hobbyist, as route and as tool", async () => {
    const res = await api.get("/gpt/funding-arbitrage");
    const body = await json(res);
    expect(res.status).toBe(403);
    expect(body.error.code).toBe("PLAN_REQUIRED");
    expect(body.error.message).toContain("(hobbyist)");
    expect(body.error.message).toContain("CoinGlass startup plan or above");
    const mcp = await tool("getFundingArbitrage", {});
    expect(mcp.isError).toBe(true);
    // The same error; its hint names the MCP tool instead of the HTTP route.
    expect(mcp.error).toEqual({
      ...body.error,
      hint: body.error.hint.replace("GET /info", "The getApiInfo tool"),
    });
  });

  it("/gpt/calendar and /gpt/whale-transfers answer PLAN_REQUIRED naming startup on hobbyist", async () => {
    for (const path of ["/gpt/calendar", "/gpt/whale-transfers"]) {
      const res = await api.get(path);
      expect(res.status, path).toBe(403);
      expect((await json(res)).error.message).toContain("CoinGlass startup plan or above");
    }
  });

  it("/gpt/liquidation-map and getLiquidationMap answer PLAN_REQUIRED naming professional", async () => {
    const res = await api.get("/gpt/liquidation-map?symbol=BTC");
    const body = await json(res);
    expect(res.status).toBe(403);
    expect(body.error.code).toBe("PLAN_REQUIRED");
    expect(body.error.message).toContain("CoinGlass professional plan or above");
    const mcp = await tool("getLiquidationMap", { symbol: "BTC" });
    expect(mcp.isError).toBe(true);
    expect(mcp.error.code).toBe("PLAN_REQUIRED");
  });

  it("/info says which families the plan unlocks", async () => {
    const body = await json(await api.get("/info"));
    expect(body.data.features).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ command: "/etf", plan: "hobbyist", included: true }),
        expect.objectContaining({ route: "/gpt/funding-arbitrage", plan: "startup", included: false }),
      ]),
    );
  });

  describe("on the startup plan", () => {
    let startup: Peers;
    let api2: Awaited<ReturnType<typeof startApi>>;
    beforeAll(async () => {
      startup = await startPeers({ plan: "startup" });
      api2 = await startApi(startup);
    });
    afterAll(async () => {
      await api2?.close();
      await startup?.close();
    });

    it("/gpt/whale-transfers serves the service's transfers, an injected one as inflow", async () => {
      startup.sim.control.injectWhaleTransfer({ symbol: "ETH", usd: 42_000_000, to: "Coinbase" });
      const body = await json(await api2.get("/gpt/whale-transfers?symbol=eth&limit=100"));
      expect(body.success, JSON.stringify(body.error)).toBe(true);
      const core = await startup.core.market.getWhaleTransfers({ symbol: "ETH", limit: 100 });
      expect(body.data.transfers.map((x: Json) => x.hash)).toEqual(core.data.transfers.map((x) => x.hash));
      expect(body.data.transfers.find((x: Json) => x.usd === 42_000_000)).toMatchObject({
        to: "Coinbase",
        direction: "to_exchange",
      });
    });

    it("/gpt/calendar serves the service's events; the tool gives the same", async () => {
      const res = await api2.get("/gpt/calendar?days=7&importance=3");
      const body = await json(res);
      expect(res.status, JSON.stringify(body.error)).toBe(200);
      const core = await startup.core.market.getCalendar({ days: 7, minImportance: 3 });
      expect(body.data.events.map((e: Json) => e.name)).toEqual(core.data.events.map((e) => e.name));
      expect(body.data.events.every((e: Json) => e.importance === 3)).toBe(true);
    });

    it("serve the service's pairs with legs per 8 h and APR", async () => {
      const res = await api2.get("/gpt/funding-arbitrage?limit=3");
      const body = await json(res);
      expect(res.status, JSON.stringify(body.error)).toBe(200);
      const core = await startup.core.market.getFundingArbitrage({ limit: 3 });
      expect(body.data.pairs.map((p: Json) => p.symbol)).toEqual(core.data.pairs.map((p) => p.symbol));
      const [first] = body.data.pairs;
      const c = core.data.pairs[0]!;
      expect(first.long).toMatchObject({ exchange: c.long.exchange, interval_hours: c.long.intervalHours });
      expect(first.spread_per_8h_pct).toBeCloseTo(c.spreadPer8hPct as number, 8);
      expect(first.spread_apr_pct).toBeCloseTo(c.spreadAprPct as number, 6);
      expect(first.accumulated_7d.short_pct).toBeCloseTo(c.accumulated7d.shortPct as number, 8);
    });
  });
});

describe("/gpt/options and getOptions", () => {
  it("serve the service's max pain per expiry and venues (hobbyist plan), tool equal to route", async () => {
    const res = await api.get("/gpt/options?symbol=ETH&exchange=OKX");
    const body = await json(res);
    expect(res.status, JSON.stringify(body.error)).toBe(200);
    expect(body.symbol).toBe("ETH");
    const core = await peers.core.market.getOptions("ETH", { exchange: "OKX" });
    expect(body.data.expiries.map((e: Json) => e.max_pain_usd)).toEqual(
      core.data.expiries.map((e) => e.maxPainUsd),
    );
    expect(body.data.expiries[0].date).toBe(core.data.expiries[0]?.date);
    expect(body.data.by_exchange[0].exchange).toBe(core.data.byExchange[0]?.exchange);
    expect(body.data.price_usd).toBe(core.data.priceUsd);
    const mcp = await tool("getOptions", { symbol: "ETH", exchange: "OKX" });
    expect(mcp.data).toEqual(body.data);
  });

  it("refuses a coin without options in plain words", async () => {
    const body = await json(await api.get("/gpt/options?symbol=DOGE"));
    expect(body.error).toMatchObject({ code: "INVALID_PARAM", param: "symbol" });
  });
});

describe("/gpt/indicators and getMarketIndicators", () => {
  it("serve the service's premium, margin and basis on the plan's bar (hobbyist: 4h); tool equal", async () => {
    const res = await api.get("/gpt/indicators?symbol=BTC");
    const body = await json(res);
    expect(res.status, JSON.stringify(body.error)).toBe(200);
    const core = await peers.core.market.getIndicators("BTC");
    expect(body.data.interval).toBe("4h");
    expect(body.data.coinbase_premium.premium_usd).toBe(core.data.coinbasePremium?.premiumUsd);
    expect(body.data.bitfinex_margin.long_quantity).toBe(core.data.bitfinexMargin?.longQuantity);
    expect(body.data.basis.basis_pct).toBe(core.data.basis?.basisPct);
    const mcp = await tool("getMarketIndicators", { symbol: "BTC" });
    expect(mcp.data).toEqual(body.data);
  });

  it("names the Coinbase premium missing for ETH", async () => {
    const body = await json(await api.get("/gpt/indicators?symbol=ETH"));
    expect(body.data.coinbase_premium).toBeNull();
    expect(body.meta.missing).toEqual(["coinbase_premium"]);
  });
});

describe("/gpt/onchain and getExchangeBalances", () => {
  it("serve the service's balances (hobbyist plan); tool equal to route; what people type resolves", async () => {
    const res = await api.get("/gpt/onchain?symbol=eth");
    const body = await json(res);
    expect(res.status, JSON.stringify(body.error)).toBe(200);
    expect(body.symbol).toBe("ETH");
    const core = await peers.core.market.getOnchain("ETH");
    expect(body.data.exchanges.map((x: Json) => x.exchange)).toEqual(
      core.data.exchanges.map((x) => x.exchange),
    );
    expect(body.data.exchanges[0].change["1d"].quantity).toBe(
      Number(core.data.exchanges[0]?.change["1d"].quantity?.toPrecision(10)),
    );
    const mcp = await tool("getExchangeBalances", { symbol: "ETH" });
    expect(mcp.data).toEqual(body.data);
  });
});
