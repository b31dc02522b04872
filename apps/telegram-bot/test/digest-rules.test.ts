import { createStores, type QuietHours } from "@teleglas/market-data-core";
import { describe, expect, it } from "vitest";
import { type DigestData, sharedRecent } from "../src/digest/build.js";
import { parseDigest } from "../src/digest/parse.js";
import { cronPattern, decide, latestRun, periodOf } from "../src/digest/period.js";
import { formatDigest } from "../src/format/digest.js";
import { createI18n, translatorFor } from "../src/i18n/index.js";

const jkt = (iso: string) => new Date(`${iso}+07:00`).getTime();
const HOUR = 3_600_000;

describe("digest schedule", () => {
  it("reads daily and every-N-hours as cron patterns in the chat's time zone", () => {
    expect(cronPattern({ type: "daily", at: "08:30" })).toBe("30 8 * * *");
    expect(cronPattern({ type: "every", hours: 4 })).toBe("0 */4 * * *");
    const daily = { type: "daily" as const, at: "08:00" };
    const p = periodOf(daily, "Asia/Jakarta", jkt("2026-12-04T08:00:00"));
    expect(p.from).toBe(jkt("2026-12-03T08:00:00"));
    expect(p.next).toBe(jkt("2026-12-05T08:00:00"));
    expect(latestRun(daily, "Asia/Jakarta", jkt("2026-12-04T08:00:00"))).toBe(p.start);
    expect(latestRun(daily, "Asia/Jakarta", jkt("2026-12-04T07:59:59"))).toBe(p.from);
    const every = periodOf({ type: "every", hours: 4 }, "Asia/Jakarta", jkt("2026-12-04T00:00:00"));
    expect(every.from).toBe(jkt("2026-12-03T20:00:00"));
    expect(every.next).toBe(jkt("2026-12-04T04:00:00"));
  });

  it("never sends in quiet hours: waits for their end, or skips, or leaves it to the next period", () => {
    const quiet: QuietHours = { start: "22:00", end: "07:00", timeZone: "Asia/Jakarta", mode: "silent" };
    const at6 = periodOf({ type: "daily", at: "06:00" }, "Asia/Jakarta", jkt("2026-12-04T06:00:00"));
    const now = at6.start + 1000;
    expect(decide(at6, quiet, "wait", null, now)).toEqual({
      type: "wait",
      until: jkt("2026-12-04T07:00:00"),
    });
    expect(decide(at6, quiet, "skip", null, now)).toEqual({ type: "skip", reason: "quiet" });
    expect(decide(at6, null, "wait", null, now)).toEqual({ type: "send" });
    expect(decide(at6, quiet, "wait", now + HOUR, now)).toEqual({ type: "skip", reason: "muted" });
    expect(decide(at6, null, "wait", null, at6.next)).toEqual({ type: "skip", reason: "late" });
    // Hourly at 01:00: quiet hours end after the next period is due, so that one carries the news.
    const hourly = periodOf({ type: "every", hours: 1 }, "Asia/Jakarta", jkt("2026-12-04T01:00:00"));
    expect(decide(hourly, quiet, "wait", null, hourly.start)).toEqual({ type: "skip", reason: "quiet" });
  });
});

describe("/digest one-line forms", () => {
  it("parses daily, every, off and quiet; anything else is an error with an example", () => {
    expect(parseDigest(["daily", "8:05"], null)).toEqual({
      type: "set",
      digest: { schedule: { type: "daily", at: "08:05" }, quiet: "wait" },
    });
    const skip = { schedule: { type: "daily" as const, at: "08:00" }, quiet: "skip" as const };
    expect(parseDigest(["every", "4h"], skip)).toEqual({
      type: "set",
      digest: { schedule: { type: "every", hours: 4 }, quiet: "skip" },
    });
    expect(parseDigest(["every", "12", "hours"], null)).toMatchObject({ type: "set" });
    expect(parseDigest(["OFF"], skip)).toEqual({ type: "off" });
    expect(parseDigest(["quiet", "wait"], skip)).toEqual({ type: "set", digest: { ...skip, quiet: "wait" } });
    expect(parseDigest(["quiet", "wait"], null)).toEqual({ type: "error", key: "digest-bad-quiet" });
    expect(parseDigest(["daily", "24:00"], null)).toEqual({ type: "error", key: "digest-bad-time" });
    expect(parseDigest(["daily"], null)).toEqual({ type: "error", key: "digest-bad-time" });
    expect(parseDigest(["every", "5h"], null)).toEqual({ type: "error", key: "digest-bad-hours" });
    expect(parseDigest(["every", "0x4"], null)).toEqual({ type: "error", key: "digest-bad-hours" });
    expect(parseDigest(["weekly"], null)).toEqual({ type: "error", key: "digest-bad" });
  });
});

describe("the recent-alerts log", () => {
  it("is read once for the digests due together, and again a few seconds later", async () => {
    const stores = createStores();
    let clock = 0;
    let reads = 0;
    const recent = stores.alerts.recent.bind(stores.alerts);
    stores.alerts.recent = (q) => {
      reads++;
      return recent(q);
    };
    const read = sharedRecent(stores, () => clock);
    await Promise.all([read(), read(), read()]);
    clock += 4_000;
    await read();
    expect(reads).toBe(1);
    clock += 2_000;
    await read();
    expect(reads).toBe(2);
    await stores.close();
  });
});

describe("formatDigest", () => {
  const i18n = createI18n();
  const start = jkt("2026-12-04T08:00:00");
  const data: DigestData = {
    period: { from: start - 24 * HOUR, start, next: start + 24 * HOUR },
    timeZone: "Asia/Jakarta",
    now: start + 5000,
    watchlist: {
      rows: [
        {
          symbol: "PEPE",
          priceUsd: null,
          change24hPct: null,
          fundingPer8hPct: null,
          openInterestChange24hPct: 0,
        },
      ],
      isDefault: false,
      more: 2,
    },
    liquidations: [],
    whales: [],
    fired: null,
    calendar: "omitted",
  };

  it("shows missing figures as n/a (never 0), a zero as 0, and leaves out what the plan lacks", () => {
    const text = formatDigest(data, translatorFor(i18n, "en"), "en");
    expect(text).toContain("<b>PEPE</b> n/a (n/a)\n   Funding /8h n/a · OI 24h 0%");
    expect(text).toContain("…and 2 more coins");
    expect(text).not.toContain("Default coins");
    expect(text).toContain("💥 <b>Biggest liquidations</b>\nNone in this period.");
    expect(text).not.toContain("high importance");
    expect(text).not.toContain("rules that fired");
    const down = formatDigest(
      { ...data, calendar: "unavailable", fired: [] },
      translatorFor(i18n, "id"),
      "id",
    );
    expect(down).toContain("🗓️ <b>24 jam ke depan · penting</b>\nn/a");
    expect(down).toContain("🔔 <b>Aturanmu yang terpicu</b>\nTidak ada pada periode ini.");
    expect(down).toMatch(/^📰 <b>Ringkasan<\/b> · 08:00 \(Asia\/Jakarta\)\n<i>Sejak \S+ 03 Des 08:00<\/i>/);
  });
});
