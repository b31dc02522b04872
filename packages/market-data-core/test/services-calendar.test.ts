import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PlanError } from "../src/models/errors.js";
import { simAndCore } from "./client-helpers.js";

let startup: Awaited<ReturnType<typeof simAndCore>>;
let hobbyist: Awaited<ReturnType<typeof simAndCore>>;
beforeAll(async () => {
  [startup, hobbyist] = await Promise.all([
    simAndCore({ seed: 6, plan: "startup" }),
    simAndCore({ seed: 6, plan: "hobbyist" }),
  ]);
});
afterAll(async () => {
  await startup?.close();
  await hobbyist?.close();
});

describe("getCalendar", () => {
  it("lists the coming week's releases at or above the importance asked, soonest first", async () => {
    startup.sim.control.injectCalendarEvent({ name: "FOMC Minutes", time: Date.now() + 2 * 3600_000 });
    const r = await startup.core.market.getCalendar({ days: 7, minImportance: 3 });
    expect(r.data.events.length).toBeGreaterThan(0);
    expect(r.data.events.every((e) => e.importance === 3)).toBe(true);
    const times = r.data.events.map((e) => e.time);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times.every((t) => t >= r.data.from && t <= r.data.to)).toBe(true);
    expect(r.data.events.find((e) => e.name === "FOMC Minutes")).toMatchObject({ country: "United States" });
    // Not yet published: the actual figure is missing, not "".
    expect(r.data.events.filter((e) => e.time > Date.now()).every((e) => e.actual === null)).toBe(true);
  });

  it("below Startup refuses with PlanError naming startup, without calling CoinGlass", async () => {
    await hobbyist.core.market.listSymbols();
    const before = hobbyist.sim.control.counters().total;
    const error = await hobbyist.core.market.getCalendar().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanError);
    expect((error as PlanError).requiredPlan).toBe("startup");
    expect(hobbyist.sim.control.counters().total).toBe(before);
  });
});
