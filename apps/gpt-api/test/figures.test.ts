import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Json, type Peers, startApi, startPeers } from "./harness.js";

// A fresh simulator and core whose CoinGlass answers are corrupted before anything is cached, so
// nothing good can be served in their place.
let peers: Peers;
let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  peers = await startPeers();
  peers.sim.control.corrupt({
    path: "/api/hyperliquid/whale-position",
    field: "position_value_usd",
    value: "",
  });
  peers.sim.control.corrupt({
    path: "/api/futures/rsi/list",
    field: "rsi_4h",
    value: 1e308,
    where: { symbol: "BTC" },
  });
  api = await startApi(peers);
});
afterAll(async () => {
  await api?.close();
  await peers?.close();
});

describe("figures CoinGlass gave unreadable or impossible", () => {
  it("/gpt/whale: when no position row is readable the totals are null and named, never 0", async () => {
    const body = (await (await api.get("/gpt/whale?limit=5")).json()) as Json;
    expect(body.data.totals).toBeNull();
    expect(body.data.positions).toEqual([]);
    expect(body.meta.missing).toEqual(expect.arrayContaining(["positions", "totals"]));
  });

  it("/gpt/raw: an RSI of 1e308 is null and named, the other windows stay", async () => {
    const body = (await (await api.get("/gpt/raw?symbol=BTC")).json()) as Json;
    expect(body.data.rsi["4h"]).toBeNull();
    expect(body.data.rsi["1h"]).toBeGreaterThan(0);
    expect(body.meta.missing).toContain("rsi.4h");
  });
});
