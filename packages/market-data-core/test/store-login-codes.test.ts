import { afterEach, describe, expect, it } from "vitest";
import { parseLoginCode } from "../src/store/login-codes.js";
import { backends, makeStores, type StoreFixture } from "./store-helpers.js";

let fx: StoreFixture | undefined;
afterEach(async () => {
  await fx?.cleanup();
  fx = undefined;
});

describe.each(backends)("login codes (%s)", (backend) => {
  it("a code works once, for the user it was issued to, typed in any case and spacing", async () => {
    fx = await makeStores(backend);
    const { code } = await fx.stores.loginCodes.issue(4242);
    expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    const typed = ` ${code.toLowerCase().replaceAll("-", " ")} `;
    expect(await fx.sibling().loginCodes.redeem(typed)).toEqual({ ok: true, userId: 4242 });
    expect(await fx.stores.loginCodes.redeem(code)).toEqual({ ok: false, reason: "unknown" });
  });

  it("a new code ends the user's previous one; other users' codes stay", async () => {
    fx = await makeStores(backend);
    const first = await fx.stores.loginCodes.issue(1);
    const other = await fx.stores.loginCodes.issue(2);
    const second = await fx.stores.loginCodes.issue(1);
    expect(await fx.stores.loginCodes.redeem(first.code)).toEqual({ ok: false, reason: "unknown" });
    expect(await fx.stores.loginCodes.redeem(other.code)).toEqual({ ok: true, userId: 2 });
    expect(await fx.stores.loginCodes.redeem(second.code)).toEqual({ ok: true, userId: 1 });
  });

  it("five wrong secrets for a code drop it, so the right one no longer works", async () => {
    fx = await makeStores(backend);
    const { code } = await fx.stores.loginCodes.issue(7);
    const wrong = `${code.slice(0, 5)}${code.slice(5).replace(/[2-9A-Z]/, (c) => (c === "2" ? "3" : "2"))}`;
    const results = [];
    for (let i = 0; i < 5; i++)
      results.push((await fx.stores.loginCodes.redeem(wrong)) as { reason: string });
    expect(results.map((r) => r.reason)).toEqual(["wrong", "wrong", "wrong", "wrong", "locked"]);
    expect(await fx.stores.loginCodes.redeem(code)).toEqual({ ok: false, reason: "unknown" });
  });

  it("a code expires after five minutes", async () => {
    let t = 1_000_000;
    fx = await makeStores(backend, { now: () => t });
    const { code, expiresAt } = await fx.stores.loginCodes.issue(9);
    expect(expiresAt).toBe(t + 300_000);
    if (backend === "redis") {
      const ttl = await fx.redis?.pttl(`${fx.prefix}login:c:${code.slice(0, 4)}`);
      expect(ttl).toBeGreaterThan(290_000);
      expect(ttl).toBeLessThanOrEqual(300_000);
      return;
    }
    t += 300_001;
    expect(await fx.stores.loginCodes.redeem(code)).toEqual({ ok: false, reason: "unknown" });
  });

  it("garbage is malformed, never an error", async () => {
    fx = await makeStores(backend);
    for (const bad of [
      "",
      "x",
      "0000-0000-0000",
      "ABCD-EFGH-JKM",
      "a".repeat(10_000),
      "ABCD-EFGH-JKMN\u0000",
    ]) {
      expect(await fx.stores.loginCodes.redeem(bad)).toEqual({ ok: false, reason: "malformed" });
    }
    expect(parseLoginCode("abcd efgh jkmn")).toEqual({ lookup: "ABCD", secret: "EFGHJKMN" });
  });
});
