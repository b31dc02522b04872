import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rate, share, usd } from "../src/format/numbers.js";
import { ALLOWED, type Harness, startHarness } from "./harness.js";

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ plan: "startup", perChatPerSecond: 5 });
});
afterAll(async () => {
  await h?.close();
});

describe("/calendar (startup plan)", () => {
  it("shows today's and this week's important releases in the chat's time zone", async () => {
    const chat = ALLOWED[42]!;
    await h.stores.subscriptions.upsert(chat, {
      quietHours: { start: "23:00", end: "07:00", timeZone: "Asia/Jakarta", mode: "silent" },
    });
    const at = Date.now() + 2 * 3600_000;
    h.sim.control.injectCalendarEvent({ name: "FOMC Minutes", time: at, forecast: "n/a?", previous: "4.5%" });
    const [reply] = await h.ask(chat, "/calendar");
    const text = reply?.text ?? "";
    expect(text).toContain("Economic calendar — high importance</b> (Asia/Jakarta)");
    const local = new Intl.DateTimeFormat("en-GB", {
      timeZone: "Asia/Jakarta",
      hour: "2-digit",
      minute: "2-digit",
      hour12: false,
    }).format(at);
    expect(text).toContain(`${local} · United States · <b>FOMC Minutes</b>`);
    expect(text).toContain("previous 4.5%");
    const r = await h.core.market.getCalendar({ days: 7, minImportance: 3 });
    for (const e of r.data.events.slice(0, 5)) expect(text).toContain(e.name);
  });
});

describe("/transfers (startup plan)", () => {
  it("lists the service's transfers with one onto an exchange marked, and the sums", async () => {
    h.sim.control.injectWhaleTransfer({ symbol: "BTC", usd: 88_000_000, to: "Binance" });
    const [reply] = await h.ask(ALLOWED[43]!, "/transfers btc");
    const text = reply?.text ?? "";
    const r = await h.core.market.getWhaleTransfers({ symbol: "BTC" });
    expect(text).toContain("On-chain whale transfers ≥ $10M, last 24 h</b> — BTC");
    expect(text).toContain("🔴⤵️ BTC <b>$88M</b> · unknown wallet → Binance");
    expect(text).toContain(`Onto exchanges <b>${usd(r.data.toExchangesUsd)}</b>`);
  });
});

describe("/arb (startup plan, simulator + fake Bot API)", () => {
  it("lists the service's best pairs with the gap and each leg per 8 h", async () => {
    const [reply] = await h.ask(ALLOWED[40]!, "/arb");
    const text = reply?.text ?? "";
    const r = await h.core.market.getFundingArbitrage({ limit: 8 });
    expect(text).toContain("Funding arbitrage — best pairs, rates per 8 h");
    const first = r.data.pairs[0]!;
    expect(text).toContain(
      `1. <b>${first.symbol}</b> gap ${rate(first.spreadPer8hPct)} per 8 h · APR ${share(first.spreadAprPct, 1)}`,
    );
    expect(text).toContain(`🟢 long ${first.long.exchange} ${rate(first.long.per8hPct)}`);
    expect(text).toContain(`🔴 short ${first.short.exchange} ${rate(first.short.per8hPct)}`);
    expect(text).toContain(`7d paid: long ${rate(first.accumulated7d.longPct)}`);
    expect(text.match(/^\d+\. /gm)).toHaveLength(r.data.pairs.length);
    const [help] = await h.ask(ALLOWED[41]!, "/help");
    expect(help?.text).toContain(
      "includes /etf, /options, /onchain, /sentiment, /calendar, /transfers, /arb",
    );
    // Only the liquidation map needs more than Startup (Professional).
    expect(help?.text).toContain("Needs a higher plan: /liqmap");
  });
});
