import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Json, type Peers, startApi, startPeers } from "./harness.js";
import { pkce, testBrowser } from "./oauth-browser.js";

let peers: Peers;
let api: Awaited<ReturnType<typeof startApi>>;
/** The issuer the server believes in; requests to it go to the real socket. */
const ISSUER = "http://127.0.0.1:9";
const toReal = (u: string) => u.replace(ISSUER, api.url);
const REDIRECT = "http://127.0.0.1:33418/callback";

beforeAll(async () => {
  peers = await startPeers();
  api = await startApi(peers, { oauthIssuer: ISSUER });
});
afterAll(async () => {
  await api?.close();
  await peers?.close();
});

async function register(over: Record<string, unknown> = {}) {
  const res = await fetch(`${api.url}/oauth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      client_name: "Test Agent",
      redirect_uris: [REDIRECT],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
      scope: "market:read alerts:read",
      ...over,
    }),
  });
  return { status: res.status, body: (await res.json()) as Json };
}

/** Authorization request → login with `credential` → consent `decision`; the callback URL. */
async function authorize(
  clientId: string,
  credential: string,
  decision = "approve",
  extra: Record<string, string> = {},
) {
  const { verifier, challenge } = pkce();
  const b = testBrowser(toReal);
  const url = new URL(`${ISSUER}/oauth/authorize`);
  const params = {
    response_type: "code",
    client_id: clientId,
    redirect_uri: REDIRECT,
    scope: "market:read alerts:read",
    state: "st4te",
    code_challenge: challenge,
    code_challenge_method: "S256",
    resource: ISSUER,
    ...extra,
  };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  const login = await b.follow(url.href, ISSUER);
  const consent = await b.post(ISSUER, login.html, { credential });
  const done = consent.left === undefined ? await b.post(ISSUER, consent.html, { decision }) : consent;
  return { verifier, login, consent, done, browser: b };
}

async function token(params: Record<string, string>) {
  const res = await fetch(`${api.url}/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(params),
  });
  return { status: res.status, body: (await res.json()) as Json };
}

describe("OAuth 2.1 authorization server", () => {
  it("publishes protected-resource and authorization-server metadata", async () => {
    const prm = (await (await fetch(`${api.url}/.well-known/oauth-protected-resource`)).json()) as Json;
    expect(prm).toMatchObject({
      resource: ISSUER,
      authorization_servers: [ISSUER],
      scopes_supported: ["market:read", "alerts:read"],
    });
    const mcp = (await (await fetch(`${api.url}/.well-known/oauth-protected-resource/mcp`)).json()) as Json;
    expect(mcp.resource).toBe(`${ISSUER}/mcp`);
    const as = (await (await fetch(`${api.url}/.well-known/oauth-authorization-server`)).json()) as Json;
    expect(as).toMatchObject({
      issuer: ISSUER,
      authorization_endpoint: `${ISSUER}/oauth/authorize`,
      token_endpoint: `${ISSUER}/oauth/token`,
      registration_endpoint: `${ISSUER}/oauth/register`,
      revocation_endpoint: `${ISSUER}/oauth/revoke`,
      code_challenge_methods_supported: ["S256"],
      response_types_supported: ["code"],
    });
    expect(as.scopes_supported).toEqual(expect.arrayContaining(["market:read", "alerts:read"]));
  });

  it("a person logs in with a /connect code, consents, and reads market data and their own settings", async () => {
    await peers.stores.subscriptions.upsert(5150, { symbols: ["BTC"], minUsd: 2_000_000 });
    const { code } = await peers.stores.loginCodes.issue(5150);
    const client = await register();
    expect(client.status).toBe(201);
    const flow = await authorize(client.body.client_id, code);
    expect(flow.login.html).toContain('name="credential"');
    expect(flow.consent.html).toContain("Test Agent");
    expect(flow.consent.html).toContain("127.0.0.1:33418");
    expect(flow.consent.html).toContain("alerts:read");
    const back = new URL(flow.done.left as string);
    expect(back.searchParams.get("state")).toBe("st4te");
    const t = await token({
      grant_type: "authorization_code",
      code: back.searchParams.get("code") as string,
      redirect_uri: REDIRECT,
      client_id: client.body.client_id,
      code_verifier: flow.verifier,
      resource: ISSUER,
    });
    expect(t.status).toBe(200);
    expect(t.body).toMatchObject({ token_type: "Bearer", expires_in: 600, scope: "market:read alerts:read" });
    expect(t.body.refresh_token).toEqual(expect.any(String));
    const auth = { authorization: `Bearer ${t.body.access_token}` };
    const me = (await (await fetch(`${api.url}/me/subscription`, { headers: auth })).json()) as Json;
    expect(me.data).toMatchObject({
      telegram_user_id: 5150,
      subscription: { symbols: ["BTC"], min_usd: 2_000_000 },
    });
    expect((await fetch(`${api.url}/gpt/raw?symbol=BTC`, { headers: auth })).status).toBe(200);
  });
});
