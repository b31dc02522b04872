// Revocation (RFC 7009) is the token holder's: another registered client cannot revoke a token it
// was not issued, while the client it was issued to can, and the token is refused at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Peers, startApi, startPeers } from "./harness.js";
import { oauthGrant, registerClient } from "./oauth-browser.js";

let peers: Peers;
let api: Awaited<ReturnType<typeof startApi>>;
const ISSUER = "http://127.0.0.1:9";

beforeAll(async () => {
  peers = await startPeers();
  api = await startApi(peers, { oauthIssuer: ISSUER });
});
afterAll(async () => {
  await api?.close();
  await peers?.close();
});

const revoke = (token: string, clientId: string) =>
  fetch(`${api.url}/oauth/revoke`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ token, client_id: clientId }),
  });
const use = async (token: string) =>
  (await fetch(`${api.url}/gpt/sentiment`, { headers: { authorization: `Bearer ${token}` } })).status;

describe("OAuth token revocation", () => {
  it("only the client a token was issued to can revoke it", async () => {
    const { code } = await peers.stores.loginCodes!.issue(6001);
    const grant = await oauthGrant(api.url, code, { issuer: ISSUER });
    const other = (await registerClient(api.url)).body as { client_id: string };

    await revoke(grant.accessToken, other.client_id);
    expect(await use(grant.accessToken)).toBe(200);

    expect((await revoke(grant.accessToken, grant.clientId)).status).toBe(200);
    expect(await use(grant.accessToken)).toBe(401);
  });
});
