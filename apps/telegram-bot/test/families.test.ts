import { renderEtfChart } from "@teleglas/charts";
import { decodePng, inkStats } from "@teleglas/charts/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flow } from "../src/format/etf.js";
import { num, pct, price, qty, usd } from "../src/format/numbers.js";
import { ALLOWED, type Harness, startHarness } from "./harness.js";

let h: Harness;
let nextUser = 30;
const user = () => ALLOWED[nextUser++]!;

beforeAll(async () => {
  // ETF flows are on every CoinGlass plan: the lowest must show them.
  h = await startHarness({ plan: "hobbyist", perChatPerSecond: 5 });
});
afterAll(async () => {
  await h?.close();
});

describe("/etf (hobbyist plan, simulator + fake Bot API)", () => {
  it("shows the latest day, its funds and net assets as the service has them, then a bar chart", async () => {
    const replies = await h.ask(user(), "/etf", { min: 2 });
    const [text, photo] = replies;
    const r = await h.core.market.getEtf("BTC", { days: 20 });
    const latest = r.data.latest!;
    expect(text?.text).toContain("BTC</b> — spot ETFs, daily net flows (US)");
    expect(text?.text).toContain(
      `${new Date(latest.time).toISOString().slice(0, 10)}: <b>${flow(latest.totalUsd)}</b>`,
    );
    const top = [...latest.funds].sort((a, b) => Math.abs(b.flowUsd ?? 0) - Math.abs(a.flowUsd ?? 0))[0]!;
    expect(text?.text).toContain(`${top.ticker} ${flow(top.flowUsd)}`);
    expect(text?.text).toContain(`20-day sum: <b>${flow(r.data.periodTotalUsd)}</b>`);
    expect(text?.text).toMatch(/Net assets <b>\$[\d.]+[BT]<\/b>/);
    expect(text?.text).toContain("🇭🇰 Hong Kong");
    expect(photo?.method).toBe("sendPhoto");
    expect(photo?.text).toContain("BTC spot-ETF net flows, last 20 trading days");
    expect(decodePng(photo!.photo!).width).toBe(1000);
  });

  it("an injected flow day shows at once for an asset not asked before; SOL says n/a for net assets", async () => {
    h.sim.control.injectEtfFlow({ asset: "SOL", flows: { BSOL: 7_300_000, GSOL: -1_200_000 } });
    const [text] = await h.ask(user(), "/etf sol", { min: 2 });
    expect(text?.text).toContain(": <b>+$6.1M</b> 🟢");
    expect(text?.text).toContain("BSOL +$7.3M · GSOL -$1.2M");
    expect(text?.text).toContain("Net assets n/a");
    expect(text?.text).not.toContain("Hong Kong");
  });

  it("answers a wrong asset with the usage, in Indonesian too", async () => {
    const u = user();
    const [usage] = await h.ask(u, "/etf doge");
    expect(usage?.text).toContain("Usage: <code>/etf [btc|eth|sol|xrp]</code>");
    await h.ask(u, "/lang id");
    const [id] = await h.ask(u, "/etf doge");
    expect(id?.text).toContain("Cara pakai: <code>/etf");
  });
});

describe("/options (hobbyist plan)", () => {
  it("lists max pain per expiry against the price and the venues, as the service has them", async () => {
    const [reply] = await h.ask(user(), "/options eth");
    const text = reply?.text ?? "";
    const r = await h.core.market.getOptions("ETH");
    expect(text).toContain("ETH</b> — options, max pain (Deribit)");
    expect(text).toContain(`Price <b>${price(r.data.priceUsd)}</b>`);
    const e = r.data.expiries[0]!;
    expect(text).toContain(
      `${e.date} · max pain <b>${price(e.maxPainUsd)}</b> (${pct(e.maxPainDistancePct)}) · P/C ${num(e.putCallRatio)}`,
    );
    expect(text).toContain(`Put/call open interest: <b>${num(r.data.putCallOiRatio)}</b>`);
    expect(text).toContain(`Deribit ${usd(r.data.byExchange[0]?.openInterestUsd)}`);
    const [usage] = await h.ask(user(), "/options doge");
    expect(usage?.text).toContain("CoinGlass has options data for BTC and ETH");
  });
});

describe("/sentiment indicators (hobbyist plan)", () => {
  it("adds the Coinbase premium, Bitfinex margin and basis as the service has them, on 4h bars", async () => {
    const [reply] = await h.ask(user(), "/sentiment");
    const text = reply?.text ?? "";
    const r = await h.core.market.getIndicators("BTC");
    expect(text).toContain("Indicators (4h bars)");
    const p = r.data.coinbasePremium!;
    expect(text).toContain(`Coinbase premium BTC: ${p.premiumUsd > 0 ? "+" : ""}${usd(p.premiumUsd)}`);
    expect(text).toContain(`Bitfinex margin BTC: longs ${qty(r.data.bitfinexMargin?.longQuantity)}`);
    expect(text).toContain(`Basis BTC (Binance BTCUSDT): ${r.data.basis?.basisPct.toFixed(4)}%`);
    expect(text).toContain("Fear and greed");
  });
});

describe("/onchain (hobbyist plan)", () => {
  it("shows the service's exchange balances and where coins moved", async () => {
    const [reply] = await h.ask(user(), "/onchain btc");
    const text = reply?.text ?? "";
    const r = await h.core.market.getOnchain("BTC");
    expect(text).toContain("BTC</b> — exchange balances on chain");
    const top = r.data.exchanges[0]!;
    expect(text).toContain(`${top.exchange} ${Math.round(top.balance).toLocaleString("en-US")} · 1d `);
    expect(text).toContain(`(${pct(top.change["1d"].pct)})`);
    const [usage] = await h.ask(user(), "/onchain");
    expect(usage?.text).toContain("Usage: <code>/onchain SYMBOL</code>");
  });
});

describe("plans on hobbyist", () => {
  it("/arb explains in one line which plan it needs; /help says what the plan includes", async () => {
    const u = user();
    const [arb] = await h.ask(u, "/arb");
    expect(arb?.text).toBe("🔒 This needs the CoinGlass startup plan or above; this bot uses hobbyist.");
    const [help] = await h.ask(u, "/help");
    expect(help?.text).toContain(
      "CoinGlass plan: <b>hobbyist</b> — includes /etf, /options, /onchain, /sentiment",
    );
    expect(help?.text).toContain(
      "Needs a higher plan: /calendar (startup+), /transfers (startup+), /arb (startup+)",
    );
  });
});

describe("ETF bar chart PNG", () => {
  it("renders 1000 px wide, with bars in several colours, for 90 days and for 1", async () => {
    for (const days of [90, 1]) {
      const r = await h.core.market.getEtf("ETH", { days });
      const png = decodePng(await renderEtfChart(r.data));
      expect(png.width).toBe(1000);
      expect(png.height).toBeGreaterThan(400);
      expect(png.height).toBeLessThan(700);
      const ink = inkStats(png.rgba);
      expect(ink.inkShare, `${days} days`).toBeGreaterThan(0.03);
      expect(ink.colors, `${days} days`).toBeGreaterThan(6);
      expect(ink.colorShare, `${days} days: bars drawn`).toBeGreaterThan(0.005);
    }
  });
});
