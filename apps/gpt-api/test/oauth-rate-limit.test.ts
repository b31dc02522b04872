// The per-client rate limit with OAuth: it counts per person (the token's subject), so two tokens
// of one person share one allowance and another person keeps their own. Its own API instance,
// with a limit of 3 per window.
import { describe, expect, it } from "vitest";
import { apiForFile, type Json } from "./harness.js";
import { oauthToken } from "./oauth-browser.js";

const ISSUER = "http://127.0.0.1:9";

const srv = apiForFile({ oauthIssuer: ISSUER, rateLimitPerMinute: 3 });

/** A token for Telegram user `user`, logged in with a fresh /connect code. */
async function tokenOf(user: number): Promise<string> {
  const { code } = await srv.peers.stores.loginCodes!.issue(user);
  return oauthToken(srv.api.url, code, { issuer: ISSUER });
}

describe("rate limit per OAuth subject", () => {
  it("gives one allowance per person, shared by their tokens; another person keeps theirs", async () => {
    const [a1, a2, b] = [await tokenOf(5001), await tokenOf(5001), await tokenOf(5002)];
    const call = async (token: string) => {
      const res = await fetch(`${srv.api.url}/gpt/sentiment`, {
        headers: { authorization: `Bearer ${token}` },
      });
      return { status: res.status, code: ((await res.json()) as Json).error?.code as string | undefined };
    };
    const first = [await call(a1), await call(a2), await call(a1)].map((r) => r.status);
    expect(first).toEqual([200, 200, 200]);
    expect(await call(a2)).toEqual({ status: 429, code: "RATE_LIMITED" });
    expect((await call(b)).status).toBe(200);
  });
});
