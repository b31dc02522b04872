import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALLOWED, type Harness, startHarness } from "./harness.js";

let h: Harness;
const DEADLINE_MS = 1_500;

beforeAll(async () => {
  // Cache times × 0.05: /oi data is fresh for 0.5 s, then served while refreshing for 0.5 s more.
  h = await startHarness({ env: { REQUEST_DEADLINE_MS: String(DEADLINE_MS) }, ttlScale: 0.05 });
});
afterAll(async () => {
  h?.sim.control.reset();
  await h?.close();
});

describe("a CoinGlass that hangs", () => {
  it("gets an answer within REQUEST_DEADLINE_MS: the cached data marked stale with why, else 'not answering'", async () => {
    const [warm] = await h.ask(ALLOWED[0]!, "/oi BTC");
    expect(warm?.text).not.toContain("⚠️");
    h.sim.control.setFaults({ hangMs: 30_000 });

    let t = Date.now();
    const [cold] = await h.ask(ALLOWED[1]!, "/funding DOGE");
    expect(Date.now() - t).toBeLessThan(DEADLINE_MS + 1_500);
    expect(cold?.text).toContain("CoinGlass is not answering");

    // Past the /oi data's refresh window, the next answer needs CoinGlass.
    await new Promise((r) => setTimeout(r, 1_100));
    t = Date.now();
    const [stale] = await h.ask(ALLOWED[2]!, "/oi BTC");
    expect(Date.now() - t).toBeLessThan(DEADLINE_MS + 1_500);
    expect(stale?.text).toMatch(/⚠️ data may be stale \(\d+ s old: CoinGlass did not answer in time\)/);
  }, 60_000);
});
