import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { num, pct, price, rate, usd } from "../src/format/numbers.js";
import { ADMIN_ID, ALLOWED, type Harness, REFUSED_ID, startHarness } from "./harness.js";

let h: Harness;
let nextUser = 0;
const user = () => ALLOWED[nextUser++]!;

beforeAll(async () => {
  // Telegram tolerates short bursts of replies in a private chat; the strict 1/s is tested with delivery.
  h = await startHarness({ plan: "startup", perChatPerSecond: 5 });
});
afterAll(async () => {
  await h?.close();
});

/** A coin's current price in the simulator's model (what its REST endpoints serve). */
const simPrice = async (symbol: string) => h.sim.control.price(symbol);
const dollars = (n: number) => `$${n.toLocaleString("en-US", { maximumFractionDigits: 2 })}`;

describe("commands end to end (simulator + fake Bot API + Redis)", () => {
  it("/start greets the user by name with a menu, and the command list is registered", async () => {
    const u = user();
    const [reply] = await h.ask(u, "/start");
    expect(reply?.text).toContain(`Hi <b>Ana${u}</b>`);
    expect(JSON.stringify(reply?.reply_markup)).toContain("run:raw:BTC");
    expect(h.tg.commands()).toContainEqual(expect.objectContaining({ command: "raw" }));
  });

  it("/raw BTC shows the simulator's price and every section, n/a where the plan has no data", async () => {
    const [reply] = await h.ask(user(), "/raw BTC");
    const text = reply?.text ?? "";
    expect(reply?.parse_mode).toBe("HTML");
    expect(text).toContain(`Price</b> ${dollars(await simPrice("BTC"))}`);
    for (const section of [
      "Open interest",
      "Volume 24h",
      "Funding",
      "Liquidations",
      "Long/short",
      "Taker flow",
      "RSI",
      "Depth ±1%",
    ]) {
      expect(text).toContain(section);
    }
    // Whatever the plan leaves out shows as n/a, never as 0: compare with the core's own
    // (cached, so identical) result, window by window.
    const raw = await h.core.market.getRaw("BTC");
    const rsiLine = text.split("\n").find((l) => l.includes("RSI</b>")) ?? "";
    for (const w of ["15m", "1h", "4h", "12h", "24h", "1w"] as const) {
      const v = raw.data.rsi[w];
      expect(rsiLine).toContain(v === null ? `${w} n/a` : `${w} ${num(v, 1)}`);
    }
    const changeLine = text.split("\n").find((l) => l.startsWith("5m ")) ?? "";
    for (const w of ["5m", "15m", "1h", "4h", "24h"] as const) {
      const v = raw.data.price.changePct[w];
      expect(changeLine).toContain(v === null ? `${w} n/a` : `${w} ${pct(v)}`);
    }
    if (raw.meta.missing.length > 0) expect(text).toContain("n/a");
  });

  it("asks for the missing argument and suggests symbols for an unknown one, with buttons that work", async () => {
    const u = user();
    const [usage] = await h.ask(u, "/raw");
    expect(usage?.text).toContain("Usage: <code>/raw SYMBOL</code>");
    const [unknown] = await h.ask(u, "/raw BTX");
    expect(unknown?.text).toMatch(/Unknown symbol BTX — did you mean .*BTC/);
    const replies = h.tg.messages(u).length;
    await h.press(u, unknown!.message_id, "run:raw:BTC");
    await h.tg.waitUntil(() => h.tg.messages(u).length > replies, { what: "the /raw reply from the button" });
    expect(h.tg.messages(u).at(-1)?.text).toContain("BTC</b> — raw snapshot");
  });

  it("/liq ETH 4h totals liquidations by side and exchange; a bad range gets usage", async () => {
    const u = user();
    const [reply] = await h.ask(u, "/liq ETH 4h");
    expect(reply?.text).toContain("ETH</b> — liquidations 4h");
    expect(reply?.text).toMatch(/Total: <b>\$[\d.]+[KMB]<\/b>/);
    const [bad] = await h.ask(u, "/liq ETH 7h");
    expect(bad?.text).toContain("Usage: <code>/liq SYMBOL [1h|4h|12h|24h]</code>");
  });

  it("/whale lists the largest Hyperliquid positions with real values (not $0)", async () => {
    const [reply] = await h.ask(user(), "/whale");
    const text = reply?.text ?? "";
    expect(text).toContain("Hyperliquid whales");
    const unit = { K: 1e3, M: 1e6, B: 1e9 } as Record<string, number>;
    const values = [...text.matchAll(/(?:LONG|SHORT) \S+ <b>\$([\d.]+)([KMB])<\/b>/g)].map(
      ([, v, u]) => Number(v) * (unit[u ?? ""] ?? 0),
    );
    expect(values.length).toBeGreaterThanOrEqual(3);
    for (const v of values) expect(v).toBeGreaterThan(0);
    // Largest first: the original sorted by a key that did not exist and showed ~$0.
    expect([...values].sort((a, b) => b - a)).toEqual(values);
    // The summary covers every position CoinGlass returned, not the 20 fetched for the list.
    const all = (await h.core.market.getWhale({ limit: 100 })).data.totals;
    expect(all?.count).toBeGreaterThan(20);
    expect(text).toContain(`${usd(all?.shortUsd)} · all ${all?.count} positions ≥ $1M`);
    expect(text).toContain(`Largest positions</b> (5 of ${all?.count})`);
    const [btc] = await h.ask(user(), "/whale BTC");
    const forBtc = (await h.core.market.getWhale({ symbol: "BTC", limit: 1 })).data.totals;
    expect(btc?.text).toContain(`all ${forBtc?.count} positions ≥ $1M`);
  });

  it("/orderbook, /ob and /raw_orderbook show depth, imbalance and walls", async () => {
    const u = user();
    for (const cmd of ["/orderbook BTC", "/ob BTC", "/raw_orderbook BTC"]) {
      const [reply] = await h.ask(u, cmd);
      expect(reply?.text).toContain("BTC</b> — order book ±1%");
      expect(reply?.text).toMatch(
        /All exchanges: bids \$[\d.]+[KMB] · asks \$[\d.]+[KMB] · imbalance [+-]?[\d.]+%/,
      );
      expect(reply?.text).toContain("Walls");
    }
    // This plan has no large-limit-order endpoint: the walls are unknown (n/a), not "none".
    const book = await h.core.market.getOrderbook("BTC");
    expect(book.meta.missing).toContain("walls");
    const [reply] = await h.ask(u, "/ob BTC");
    expect(reply?.text).toContain("🟢 bids: n/a\n🔴 asks: n/a");
  });

  it("/funding, /oi and /sentiment answer with figures or n/a; /rsi explains the plan", async () => {
    const u = user();
    const [funding] = await h.ask(u, "/funding BTC");
    // Every exchange on the per-8-hour basis; one not settling every 8 h keeps its raw rate beside it.
    const f = (await h.core.market.getFunding("BTC")).data;
    const hl = f.stablecoinMargin.find((x) => x.exchange === "Hyperliquid");
    expect(funding?.text).toContain(`Hyperliquid ${rate(hl?.per8hPct)} · APR `);
    expect(funding?.text).toContain(`(${rate(hl?.ratePct)}/1h)`);
    expect(funding?.text).toMatch(/MEXC -?\d\.\d{4}% · APR -?[\d.]+% \(-?\d\.\d{4}%\/4h\)/);
    expect(funding?.text).toContain(`⬇️ ${f.lowest?.exchange} ${rate(f.lowest?.per8hPct)}`);
    expect(funding?.text).toContain(`Per 8 h, OI-weighted: <b>${rate(f.average.per8hPct)}</b>`);
    const [oi] = await h.ask(u, "/oi BTC");
    expect(oi?.text).toMatch(/Total: <b>\$[\d.]+B<\/b>/);
    const [sentiment] = await h.ask(u, "/sentiment");
    expect(sentiment?.text).toContain("Market sentiment");
    expect(sentiment?.text).toMatch(/Fear and greed: <b>\d+<\/b>/);
    const mood = await h.core.market.getSentiment();
    const btc = mood.data.btc;
    expect(sentiment?.text).toContain(`BTC ${price(btc.priceUsd)} (24h ${pct(btc.change24hPct)}`);
    expect(sentiment?.text).not.toContain("$0 ");
    const [rsi] = await h.ask(u, "/rsi BTC");
    expect(rsi?.text).toMatch(/BTC<\/b> — RSI|plan/);
  });

  it("answers in Indonesian throughout after /lang id: 24j, not 24h", async () => {
    const u = user();
    await h.ask(u, "/lang id");
    const texts: string[] = [];
    for (const cmd of ["/raw BTC", "/oi BTC", "/sentiment", "/liq BTC 4h", "/funding BTC", "/settings"]) {
      const replies = await h.ask(u, cmd);
      texts.push(replies.map((r) => `${r.text ?? ""}${JSON.stringify(r.reply_markup ?? "")}`).join("\n"));
    }
    const all = texts.join("\n");
    expect(all).toContain("Volume 24j");
    expect(all).toMatch(/1j [+-]?[\d.]+% · 4j/);
    expect(all).toContain("likuidasi 4j");
    expect(all).toContain("🔇 24j");
    // No English window (`24h`, `4h`) left in an answer, and no English section name.
    expect(all.match(/\b\d+h\b/g) ?? []).toEqual([]);
    expect(all).not.toContain("Taker flow");
  });

  it("answers bad input in plain words with an example, and takes several coins at once", async () => {
    const u = user();
    const cases: Array<[string, string]> = [
      ["/settings min", "Minimum must be a number of USD, e.g. <code>/settings min 250000</code>"],
      ["/settings min 0x10", "Minimum must be a number of USD"],
      ["/settings mute 0x10", "Mute takes hours, e.g. <code>/settings mute 8</code>."],
      ["/raw $$$", "Unknown symbol $$$. Use a coin ticker, e.g. <code>BTC</code>"],
      ["/chart BTC 7m", "Usage: <code>/chart SYMBOL [5m|15m|30m|1h|4h|12h|1d]</code>, e.g."],
    ];
    for (const [ask, answer] of cases) {
      const [reply] = await h.ask(u, ask);
      expect(reply?.text, ask).toContain(answer);
    }
    const [sub] = await h.ask(u, "/subscribe btc eth");
    expect(sub?.text).toMatch(/Coins: BTC, ETH/);
    expect((await h.stores.subscriptions.get(u))?.symbols).toEqual(["BTC", "ETH"]);
  });

  it("bare /funding on a plan without coins-markets says why and how to ask for one coin", async () => {
    const [reply] = await h.ask(user(), "/funding");
    expect(reply?.text).toContain("needs the CoinGlass Standard plan");
    expect(reply?.text).toContain("<code>/funding BTC</code>");
  });

  it("/chart BTC 1h sends a PNG", async () => {
    const [photo] = await h.ask(user(), "/chart BTC 1h");
    expect(photo?.text).toContain("BTC · 1h");
    expect(photo?.method).toBe("sendPhoto");
    expect(photo?.photo?.subarray(1, 4).toString()).toBe("PNG");
    expect(photo?.photo?.length).toBeGreaterThan(10_000);
  });

  it("/status shows real quota, cache, worker, queue and uptime figures", async () => {
    const [reply] = await h.ask(user(), "/status");
    const text = reply?.text ?? "";
    expect(text).toMatch(/CoinGlass \(startup\): \d+\/80 requests in the last minute/);
    expect(text).toMatch(/Cache hit rate: [\d.]+%/);
    expect(text).toContain("Alert worker: n/a");
    expect(text).toMatch(/Alert queue: \d+ alerts pending · \d+ messages queued/);
    expect(text).toMatch(/Uptime: \d+ s/);
  });

  it("points unknown commands and plain text to /help", async () => {
    const u = user();
    const [unknown] = await h.ask(u, "/foo");
    expect(unknown?.text).toBe("I don't know /foo. Try /help.");
    const [text] = await h.ask(u, "hello");
    expect(text?.text).toContain("/help");
  });

  it("refuses a user who is not allowed, on commands and on buttons", async () => {
    const [reply] = await h.ask(REFUSED_ID, "/raw BTC");
    expect(reply?.text).toContain("This bot is private");
    const menu = await h.ask(ALLOWED[59]!, "/start");
    await h.press(REFUSED_ID, menu[0]!.message_id, "run:raw:BTC");
    expect(h.tg.callbackAnswers().at(-1)).toMatchObject({
      text: "🚫 This bot is private.",
      show_alert: true,
    });
  });

  it("answers a flood politely", async () => {
    const u = user();
    for (let i = 0; i < 10; i++) h.tg.injectMessage({ userId: u, text: "/help" });
    await h.tg.waitForMessage((m) => m.chat_id === u && m.text.includes("too many requests"));
  });

  it("switches a chat to Indonesian and keeps settings", async () => {
    const u = user();
    const [lang] = await h.ask(u, "/lang id");
    expect(lang?.text).toContain("Bahasa Indonesia");
    const [help] = await h.ask(u, "/help");
    expect(help?.text).toContain("<b>Pasar</b>");
    const [quiet] = await h.ask(u, "/settings quiet 22:00 07:00 hold Asia/Jakarta");
    expect(quiet?.text).toContain("22:00–07:00 Asia/Jakarta (ditahan)");
    const [bad] = await h.ask(u, "/settings tz Mars/Base");
    expect(bad?.text).toContain("Zona waktu tidak dikenal");
    const sub = await h.stores.subscriptions.get(u);
    expect(sub).toMatchObject({
      language: "id",
      active: false,
      quietHours: { mode: "hold", timeZone: "Asia/Jakarta" },
    });
  });

  it("lets an admin switch an alert kind off for everyone, and nobody else", async () => {
    const [refused] = await h.ask(user(), "/admin off whale_trade");
    expect(refused?.text).toContain("Admins only");
    expect(await h.stores.flags.kindEnabled("whale_trade")).toBe(true);
    const [admin] = await h.ask(ADMIN_ID, "/admin off whale_trade");
    expect(admin?.text).toContain("⚪️ Whale trade");
    expect(await h.stores.flags.kindEnabled("whale_trade")).toBe(false);
    await h.ask(ADMIN_ID, "/admin on whale_trade");
    expect(await h.stores.flags.kindEnabled("whale_trade")).toBe(true);
  });

  it("/settings buttons set the minimum, mute and language in place", async () => {
    const u = user();
    const [menu] = await h.ask(u, "/settings min 500k");
    expect(menu?.text).toContain("Minimum size: $500K");
    await h.press(u, menu!.message_id, "set:mute:8");
    const text = () => h.tg.messages(u).find((m) => m.message_id === menu!.message_id)?.text ?? "";
    await h.tg.waitUntil(() => text().includes("muted until"), { what: "the menu edited" });
    const sub = await h.stores.subscriptions.get(u);
    expect(sub?.mutedUntil).toBeGreaterThan(Date.now() + 7 * 3_600_000);
    expect(sub?.minUsd).toBe(500_000);
    expect(sub?.active).toBe(false); // settings alone never subscribe a chat
  });

  it("says CoinGlass is unavailable when every upstream call fails and nothing is cached", async () => {
    h.sim.control.setFaults({ rate5xx: 1 });
    try {
      const [reply] = await h.ask(user(), "/funding DOGE");
      expect(reply?.text).toMatch(/CoinGlass is not answering|CoinGlass is busy|n\/a/);
      expect(reply?.text).not.toMatch(/: 0\.0000%/);
    } finally {
      h.sim.control.setFaults({ rate5xx: 0 });
    }
  });
});
