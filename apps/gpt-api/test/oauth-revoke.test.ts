// Revocation (RFC 7009) is the token holder's: another registered client cannot revoke a token it
// was not issued, while the client it was issued to can, and the token is refused at once.
import { describe, expect, it } from "vitest";
import { apiForFile } from "./harness.js";
import { oauthGrant, registerClient } from "./oauth-browser.js";

const ISSUER = "http://127.0.0.1:9";

const srv = apiForFile({ oauthIssuer: ISSUER });

const revoke = (token: string, clientId: string) =>
  fetch(`${srv.api.url}/oauth/revoke`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ token, client_id: clientId }),
  });
const use = async (token: string) =>
  (await fetch(`${srv.api.url}/gpt/sentiment`, { headers: { authorization: `Bearer ${token}` } })).status;

describe("OAuth token revocation", () => {
  it("only the client a token was issued to can revoke it", async () => {
    const { code } = await srv.peers.stores.loginCodes!.issue(6001);
    const grant = await oauthGrant(srv.api.url, code, { issuer: ISSUER });
    const other = (await registerClient(srv.api.url)).body as { client_id: string };

    await revoke(grant.accessToken, other.client_id);
    expect(await use(grant.accessToken)).toBe(200);

    expect((await revoke(grant.accessToken, grant.clientId)).status).toBe(200);
    expect(await use(grant.accessToken)).toBe(401);
  });
});
