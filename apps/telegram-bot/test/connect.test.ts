import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALLOWED, type Harness, startHarness } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ perChatPerSecond: 5 });
});
afterAll(async () => {
  await h?.close();
});

const CODE = /<code>([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})<\/code>/;

describe("/connect", () => {
  it("gives a private chat a one-time login code the store redeems once, for that user", async () => {
    const user = ALLOWED[50] as number;
    const [reply] = await h.ask(user, "/connect");
    expect(reply?.text).toContain("Your TELEGLAS login code");
    expect(reply?.text).toContain("5 minutes");
    const code = reply?.text.match(CODE)?.[1] as string;
    expect(await h.stores.loginCodes.redeem(code)).toEqual({ ok: true, userId: user });
    expect(await h.stores.loginCodes.redeem(code)).toEqual({ ok: false, reason: "unknown" });
  });

  it("answers in Indonesian after /lang id", async () => {
    const user = ALLOWED[51] as number;
    await h.ask(user, "/lang id");
    const [reply] = await h.ask(user, "/connect");
    expect(reply?.text).toContain("Kode login TELEGLAS Anda");
    expect(reply?.text).toMatch(CODE);
  });

  it("never shows a code in a group", async () => {
    const [reply] = await h.ask(ALLOWED[52] as number, "/connect", { chatId: -5252 });
    expect(reply?.text).toContain("private chat");
    expect(reply?.text).not.toMatch(CODE);
  });
});
