import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rate, usd } from "../src/format/numbers.js";
import { ALLOWED, type Harness, startHarness } from "./harness.js";

let h: Harness;
const user = () => ALLOWED[0] as number;

beforeAll(async () => {
  h = await startHarness({ plan: "standard", perChatPerSecond: 5 });
});
afterAll(() => h?.close());

describe("bare market commands", () => {
  it("bare /funding, /oi and /rsi list the largest coins by open interest, as /help says", async () => {
    const u = user();
    const top = (await h.core.market.getOverview(10)).data.coins;
    expect(top).toHaveLength(10);
    const [funding] = await h.ask(u, "/funding");
    const [oi] = await h.ask(u, "/oi");
    const [rsi] = await h.ask(u, "/rsi");
    for (const reply of [funding, oi, rsi]) {
      expect(reply?.text).toContain("top 10 coins by open interest");
      expect(reply?.text).not.toContain("Usage");
      // Largest open interest first, in CoinGlass's order.
      const listed = [...(reply?.text ?? "").matchAll(/^<b>([A-Z0-9]+)<\/b> /gm)].map((m) => m[1]);
      expect(listed).toEqual(top.map((c) => c.symbol));
    }
    const btc = top.find((c) => c.symbol === "BTC");
    expect(funding?.text).toContain(
      `<b>BTC</b> ${rate(btc?.funding.meanPer8hPct)} · ${rate(btc?.funding.lowest?.per8hPct)} (`,
    );
    expect(oi?.text).toContain(`<b>BTC</b> ${usd(btc?.openInterestUsd)} (24h `);
    expect(rsi?.text).toMatch(/<b>BTC<\/b> 1h [\d.]+ · 4h [\d.]+ · 24h [\d.]+/);
    const [help] = await h.ask(u, "/help");
    expect(help?.text).toContain("without a symbol: the 10 largest coins by open interest");
  });
});
