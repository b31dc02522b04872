/**
 * `/gpt/liquidation-map` and the getLiquidationMap tool on the Professional plan: the same figures
 * as the core service, the heatmap given as figures (not its grid), plain words for a bad window.
 */
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { summarizeHeatmap } from "@teleglas/market-data-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Json, KEY, type Peers, startApi, startPeers } from "./harness.js";
import { connectMcp } from "./mcp-client.js";

let peers: Peers;
let api: Awaited<ReturnType<typeof startApi>>;
let client: Client;

beforeAll(async () => {
  peers = await startPeers({ plan: "professional" });
  api = await startApi(peers);
  ({ client } = await connectMcp(api.url, { key: KEY }));
});
afterAll(async () => {
  await client?.close();
  await api?.close();
  await peers?.close();
});

/** The API cuts fractions to 10 significant digits (snake-case.ts). */
const ten = (n: number | null | undefined) => (n == null ? n : Number(n.toPrecision(10)));

describe("/gpt/liquidation-map and getLiquidationMap (professional plan)", () => {
  it("serve the service's clusters, totals and max pain; the tool equals the route", async () => {
    const res = await api.get("/gpt/liquidation-map?symbol=btc&range=7d");
    const body = (await res.json()) as Json;
    expect(res.status, JSON.stringify(body.error)).toBe(200);
    const core = await peers.core.market.getLiquidationMap("BTC", { range: "7d" });
    expect(body.symbol).toBe("BTC");
    expect(body.data.range).toBe("7d");
    expect(body.data.map_range).toBe("7d");
    expect(body.data.price_usd).toBe(ten(core.data.priceUsd));
    const [above] = core.data.clusters.above;
    expect(body.data.clusters.above[0]).toEqual({
      price_usd: ten(above?.priceUsd),
      distance_pct: ten(above?.distancePct),
      liquidation_usd: ten(above?.liquidationUsd),
      from_usd: ten(above?.fromUsd),
      to_usd: ten(above?.toUsd),
    });
    expect(body.data.clusters.below).toHaveLength(core.data.clusters.below.length);
    expect(body.data.totals.below_usd).toBe(ten(core.data.totals.belowUsd));
    expect(body.data.max_pain.long.price_usd).toBe(ten(core.data.maxPain?.long.priceUsd));
    const summary = summarizeHeatmap(core.data.heatmap);
    expect(body.data.heatmap.cells).toBe(summary?.cells);
    expect(body.data.heatmap.peak.liquidation_usd).toBe(ten(summary?.peak?.liquidationUsd));
    expect(body.meta.missing).toEqual([]);
    const result = await client.callTool({
      name: "getLiquidationMap",
      arguments: { symbol: "BTC", range: "7d" },
    });
    expect(result.isError).toBeFalsy();
    expect((result.structuredContent as Json).data).toEqual(body.data);
  });

  it("stays well under the GPT Actions limit of 100,000 characters at 30 days", async () => {
    const text = await (await api.get("/gpt/liquidation-map?symbol=BTC&range=30d")).text();
    expect(text.length).toBeLessThan(10_000);
  });

  it("refuses an unknown window in plain words", async () => {
    const res = await api.get("/gpt/liquidation-map?symbol=BTC&range=2d");
    const body = (await res.json()) as Json;
    expect(res.status).toBe(400);
    expect(body.error).toMatchObject({ code: "INVALID_PARAM", param: "range" });
    expect(body.error.message).toContain("24h");
    expect(body.error.message).not.toMatch(/zod|invalid_enum|invalid_value/i);
  });
});
