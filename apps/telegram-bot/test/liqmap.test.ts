/**
 * `/liqmap` against the simulator and the fake Bot API: on Professional a heatmap photo captioned
 * with the service's clusters; on a lower plan one line naming the plan needed.
 */

import { decodePng, inkStats } from "@teleglas/charts/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { price, usd } from "../src/format/numbers.js";
import { ALLOWED, type Harness, startHarness } from "./harness.js";

let pro: Harness;
let low: Harness;
beforeAll(async () => {
  [pro, low] = await Promise.all([
    startHarness({ plan: "professional", perChatPerSecond: 5 }),
    startHarness({ plan: "standard", perChatPerSecond: 5 }),
  ]);
});
afterAll(async () => {
  await Promise.all([pro?.close(), low?.close()]);
});

describe("/liqmap (professional plan)", () => {
  it("sends the heatmap PNG captioned with the service's nearest clusters above and below", async () => {
    const [photo, ...rest] = await pro.ask(ALLOWED[0]!, "/liqmap btc");
    expect(rest).toEqual([]);
    expect(photo?.method).toBe("sendPhoto");
    const r = await pro.core.market.getLiquidationMap("BTC", { range: "24h" });
    const caption = photo!.text;
    expect(caption).toContain("BTC</b> — liquidation map, 24h, all exchanges");
    expect(caption).toContain(`Price <b>${price(r.data.priceUsd)}</b>`);
    const [above] = r.data.clusters.above;
    const [below] = r.data.clusters.below;
    expect(caption).toContain(`${price(above!.priceUsd)} (+`);
    expect(caption).toContain(`<b>${usd(above!.liquidationUsd)}</b>`);
    expect(caption).toContain(`${price(below!.priceUsd)} (-`);
    expect(caption).toContain(`${usd(r.data.totals.aboveUsd)} above`);
    expect(caption).toContain(`long ${price(r.data.maxPain?.long.priceUsd)}`);
    expect(caption.length).toBeLessThanOrEqual(1024);
    // The picture: 1000 px wide, taller than wide, mostly the heatmap's colours, not a blank frame.
    const png = decodePng(photo!.photo!);
    expect(png.width).toBe(1000);
    expect(png.height).toBeGreaterThan(700);
    const ink = inkStats(png.rgba);
    expect(ink.colorShare).toBeGreaterThan(0.3);
    expect(ink.colors).toBeGreaterThan(30);
  });

  it("takes a window, in Indonesian too; refuses an unknown window with the usage", async () => {
    const u = ALLOWED[1]!;
    await pro.ask(u, "/lang id");
    const [photo] = await pro.ask(u, "/liqmap eth 7d");
    expect(photo?.method).toBe("sendPhoto");
    expect(photo?.text).toContain("ETH</b> — peta likuidasi, 7h, semua bursa");
    expect(photo?.text).toContain("Di atas harga");
    const [usage] = await pro.ask(u, "/liqmap eth 2d");
    expect(usage?.text).toContain("Cara pakai: <code>/liqmap SIMBOL [12h|24h|3d|7d|30d]</code>");
  });
});

describe("/liqmap below Professional", () => {
  it("says in one line which plan it needs, and /help lists it as locked", async () => {
    const replies = await low.ask(ALLOWED[2]!, "/liqmap BTC");
    expect(replies).toHaveLength(1);
    expect(replies[0]?.method).toBe("sendMessage");
    expect(replies[0]?.text).toBe(
      "🔒 This needs the CoinGlass professional plan or above; this bot uses standard.",
    );
    const help = (await low.ask(ALLOWED[2]!, "/help")).map((m) => m.text).join("\n");
    expect(help).toContain("🔒 Needs a higher plan: /liqmap (professional+)");
  });
});
