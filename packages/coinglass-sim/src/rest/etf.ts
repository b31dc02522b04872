/** Spot-ETF flows and net assets (coinglass-api-more.md §1): every plan, daily rows. */
import type { EtfModel } from "../model/etf.js";
import type { RouteTable } from "./context.js";

/** US families whose documented flow example has no `msg` (§0.1). */
const NO_MSG = new Set(["ethereum", "solana", "xrp"]);

export function registerEtf(table: RouteTable, etf: EtfModel): void {
  for (const seg of ["bitcoin", "ethereum", "solana", "xrp"]) {
    table.set(`/api/etf/${seg}/flow-history`, {
      minPlan: "hobbyist",
      cache: true,
      noMsg: NO_MSG.has(seg),
      handler: (ctx) => etf.days(seg, ctx.now),
    });
  }
  table.set("/api/hk-etf/bitcoin/flow-history", {
    minPlan: "hobbyist",
    cache: true,
    handler: (ctx) => etf.days("hk-bitcoin", ctx.now),
  });
  for (const seg of ["bitcoin", "ethereum"]) {
    table.set(`/api/etf/${seg}/net-assets/history`, {
      minPlan: "hobbyist",
      cache: true,
      handler: (ctx) => etf.netAssets(seg, ctx.now),
    });
  }
}
