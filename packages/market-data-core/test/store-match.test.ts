import { describe, expect, test } from "vitest";
import { type ChatSubscription, defaultSubscription, matchesAlert, quietWindow } from "../src/index.js";
import { makeAlert } from "./store-helpers.js";

const at = (iso: string) => Date.parse(iso);
const jakartaNight = { start: "22:00", end: "07:00", timeZone: "Asia/Jakarta" } as const; // UTC+7

function sub(patch: Partial<ChatSubscription> = {}): ChatSubscription {
  return { ...defaultSubscription(42, 0), ...patch };
}

describe("matchesAlert", () => {
  const now = at("2026-03-10T12:00:00Z");
  const alert = makeAlert({ symbol: "BTC", kind: "whale_trade", usd: 500_000 });

  test.each([
    ["all symbols, every kind", {}, true, "match"],
    ["symbol in the list", { symbols: ["ETH", "BTC"] }, true, "match"],
    ["symbol not in the list", { symbols: ["ETH"] }, false, "symbol"],
    ["kind switched off", { kinds: ["large_liquidation" as const] }, false, "kind"],
    ["min USD exactly at the alert size", { minUsd: 500_000 }, true, "match"],
    ["min USD one cent above", { minUsd: 500_000.01 }, false, "below_min_usd"],
    ["muted until later", { mutedUntil: now + 1 }, false, "muted"],
    ["mute expired exactly now", { mutedUntil: now }, true, "match"],
    ["mute expired long ago", { mutedUntil: now - 60_000 }, true, "match"],
    ["inactive chat", { active: false }, false, "inactive"],
  ] as const)("%s", (_name, patch, deliver, reason) => {
    const m = matchesAlert(sub(patch as Partial<ChatSubscription>), alert, now);
    expect(m).toMatchObject({ deliver, reason, silent: false });
  });

  test.each([
    ["a chat that never subscribed", { active: false }, true, "match"],
    [
      "a chat that unsubscribed from market alerts",
      { active: false, deactivatedReason: "unsubscribed" },
      true,
      "match",
    ],
    [
      "a chat that blocked the bot",
      { active: false, deactivatedReason: "Forbidden: bot was blocked by the user" },
      false,
      "inactive",
    ],
    ["a muted chat", { mutedUntil: now + 1 }, false, "muted"],
    ["another chat", { chatId: 43 }, false, "other_chat"],
  ] as const)("a personal alert addressed to chat 42: %s", (_name, patch, deliver, reason) => {
    const addressed = makeAlert({ kind: "rule", symbol: "DOGE", usd: 0, chat_id: 42, rule_id: "r1" });
    const s = sub({ symbols: ["BTC"], kinds: [], minUsd: 1e6, ...(patch as Partial<ChatSubscription>) });
    expect(matchesAlert(s, addressed, now)).toMatchObject({ deliver, reason });
  });

  test.each([
    // local Jakarta time in the comment; the window is 22:00–07:00 across midnight
    ["2026-03-10T16:30:00Z", true], // 23:30
    ["2026-03-10T20:00:00Z", true], // 03:00 next day
    ["2026-03-10T15:00:00Z", true], // 22:00, start is inclusive
    ["2026-03-10T14:59:00Z", false], // 21:59
    ["2026-03-11T00:00:00Z", false], // 07:00, end is exclusive
    ["2026-03-10T23:59:59Z", true], // 06:59:59
    ["2026-03-10T05:00:00Z", false], // 12:00 noon
  ])("quiet hours in Asia/Jakarta at %s: silent=%s", (iso, quiet) => {
    const m = matchesAlert(sub({ quietHours: { ...jakartaNight, mode: "silent" } }), alert, at(iso));
    expect(m.deliver).toBe(true);
    expect(m.silent).toBe(quiet);
  });

  test("hold mode keeps the alert back until 07:00 Jakarta", () => {
    const m = matchesAlert(
      sub({ quietHours: { ...jakartaNight, mode: "hold" } }),
      alert,
      at("2026-03-10T16:30:20Z"),
    );
    expect(m).toMatchObject({ deliver: false, reason: "quiet_hold" });
    expect(m.holdUntil).toBe(at("2026-03-11T00:00:00Z"));
  });

  test("the same instant is outside the window when the chat's zone is UTC", () => {
    const q = { ...jakartaNight, timeZone: "UTC", mode: "hold" as const };
    expect(matchesAlert(sub({ quietHours: q }), alert, at("2026-03-10T16:30:00Z")).deliver).toBe(true);
  });

  test("a window inside one day and an empty window", () => {
    const day = { start: "09:00", end: "17:00", timeZone: "Europe/Berlin", mode: "silent" as const };
    expect(quietWindow(day, at("2026-07-01T10:00:00Z")).inside).toBe(true); // 12:00 CEST
    expect(quietWindow(day, at("2026-07-01T15:30:00Z")).inside).toBe(false); // 17:30 CEST
    expect(quietWindow({ ...day, end: "09:00" }, at("2026-07-01T10:00:00Z")).inside).toBe(false);
  });

  test("a muted chat stays muted during quiet hours too", () => {
    const s = sub({
      mutedUntil: at("2026-03-11T00:00:00Z"),
      quietHours: { ...jakartaNight, mode: "silent" },
    });
    expect(matchesAlert(s, alert, at("2026-03-10T16:30:00Z")).reason).toBe("muted");
  });
});
