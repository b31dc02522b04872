// Guessing login codes from one address: the login page stops taking credentials after 20 tries
// in 10 minutes (per address, per process), even a right one, and says so in plain words. Its own
// API instance, so the counter is this file's alone.
import { describe, expect, it } from "vitest";
import { apiForFile } from "./harness.js";
import { pkce, testBrowser } from "./oauth-browser.js";

const ISSUER = "http://127.0.0.1:9";
const REDIRECT = "http://127.0.0.1:33418/callback";

const srv = apiForFile({ oauthIssuer: ISSUER });

describe("OAuth login attempts per address", () => {
  it("refuses the 21st try within 10 minutes with a 429 page, even with a valid code", async () => {
    const reg = await fetch(`${srv.api.url}/oauth/register`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        client_name: "Guesser",
        redirect_uris: [REDIRECT],
        token_endpoint_auth_method: "none",
        scope: "market:read",
      }),
    });
    const clientId = ((await reg.json()) as { client_id: string }).client_id;
    const url = new URL(`${ISSUER}/oauth/authorize`);
    const params = {
      response_type: "code",
      client_id: clientId,
      redirect_uri: REDIRECT,
      scope: "market:read",
      code_challenge: pkce().challenge,
      code_challenge_method: "S256",
      resource: ISSUER,
    };
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    const b = testBrowser((u) => u.replace(ISSUER, srv.api.url));
    let page = await b.follow(url.href, ISSUER);
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      page = await b.post(ISSUER, page.html, { credential: `WRNG-CODE-${String(i).padStart(4, "0")}` });
      statuses.push(page.status);
    }
    expect(statuses).toEqual(Array(20).fill(400));
    const { code } = await srv.peers.stores.loginCodes!.issue(4242);
    const blocked = await b.post(ISSUER, page.html, { credential: code });
    expect(blocked.status).toBe(429);
    expect(blocked.html).toContain("Too many attempts from this network. Wait 10 minutes");
    // The valid code was not spent by the refused try: it still works elsewhere later.
    expect(await srv.peers.stores.loginCodes!.redeem(code)).toEqual({ ok: true, userId: 4242 });
  });
});
