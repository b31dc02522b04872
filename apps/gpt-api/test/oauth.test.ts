import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { apiForFile, type Json, startApi } from "./harness.js";
import { pkce, registerClient, testBrowser } from "./oauth-browser.js";

/** The issuer the server believes in; requests to it go to the real socket. */
const ISSUER = "http://127.0.0.1:9";
const toReal = (u: string) => u.replace(ISSUER, srv.api.url);
const REDIRECT = "http://127.0.0.1:33418/callback";

const srv = apiForFile({ oauthIssuer: ISSUER });

const register = (over: Record<string, unknown> = {}) =>
  registerClient(srv.api.url, { redirect_uris: [REDIRECT], ...over });

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
  for (const [k, v] of Object.entries(params)) if (v !== "") url.searchParams.set(k, v);
  const login = await b.follow(url.href, ISSUER);
  const consent = await b.post(ISSUER, login.html, { credential });
  const done = consent.left === undefined ? await b.post(ISSUER, consent.html, { decision }) : consent;
  return { verifier, login, consent, done, browser: b };
}

async function token(params: Record<string, string>) {
  const res = await fetch(`${srv.api.url}/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(params),
  });
  return { status: res.status, body: (await res.json()) as Json };
}

describe("OAuth 2.1 authorization server", () => {
  it("publishes protected-resource and authorization-server metadata", async () => {
    const prm = (await (await fetch(`${srv.api.url}/.well-known/oauth-protected-resource`)).json()) as Json;
    expect(prm).toMatchObject({
      resource: ISSUER,
      authorization_servers: [ISSUER],
      scopes_supported: ["market:read", "alerts:read"],
    });
    const mcp = (await (
      await fetch(`${srv.api.url}/.well-known/oauth-protected-resource/mcp`)
    ).json()) as Json;
    expect(mcp.resource).toBe(`${ISSUER}/mcp`);
    const as = (await (await fetch(`${srv.api.url}/.well-known/oauth-authorization-server`)).json()) as Json;
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
    await srv.peers.stores.subscriptions.upsert(5150, {
      symbols: ["BTC"],
      minUsd: 2_000_000,
      quietHours: { start: "22:00", end: "07:00", timeZone: "Asia/Jakarta", mode: "hold" },
    });
    const { code } = await srv.peers.stores.loginCodes.issue(5150);
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
    const me = (await (await fetch(`${srv.api.url}/me/subscription`, { headers: auth })).json()) as Json;
    expect(me.data).toMatchObject({
      telegram_user_id: 5150,
      subscription: { symbols: ["BTC"], min_usd: 2_000_000, quiet_hours: { start: "22:00", end: "07:00" } },
    });
    // The answer is what the published document promises for it.
    const doc = (await (await fetch(`${srv.api.url}/openapi.json`)).json()) as Json;
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
    ajv.addSchema(doc, "openapi");
    const validate = ajv.getSchema(
      "openapi#/paths/~1me~1subscription/get/responses/200/content/application~1json/schema",
    );
    expect(validate?.(me), ajv.errorsText(validate?.errors)).toBe(true);
    expect((await fetch(`${srv.api.url}/gpt/raw?symbol=BTC`, { headers: auth })).status).toBe(200);
  });
});

/** A person's whole login: code from the store (as /connect gives it), approve, tokens. */
async function login(userId: number, scope = "market:read alerts:read") {
  const { code } = await srv.peers.stores.loginCodes.issue(userId);
  const client = await register();
  const flow = await authorize(client.body.client_id, code, "approve", { scope });
  const back = new URL(flow.done.left as string);
  const t = await token({
    grant_type: "authorization_code",
    code: back.searchParams.get("code") as string,
    redirect_uri: REDIRECT,
    client_id: client.body.client_id,
    code_verifier: flow.verifier,
  });
  return {
    ...t.body,
    clientId: client.body.client_id as string,
    authCode: back.searchParams.get("code") as string,
    verifier: flow.verifier,
  };
}
const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

describe("OAuth: what is refused", () => {
  it("user A never sees user B's settings, personal rules or received alerts", async () => {
    await srv.peers.stores.subscriptions.upsert(7001, { symbols: ["SOL"] });
    await srv.peers.stores.rules.create({
      chatId: 7002,
      condition: { kind: "price", symbol: "ETH", op: "above", level: 5000 },
      repeat: { mode: "once" },
      note: "B's own",
    });
    await srv.peers.stores.subscriptions.upsert(7002, { symbols: ["DOGE"] });
    await srv.peers.stores.received.note(7002, "alert-for-b", "whale_trade", Date.now());
    const a = await login(7001);
    const subA = (await (
      await fetch(`${srv.api.url}/me/subscription`, { headers: bearer(a.access_token) })
    ).json()) as Json;
    expect(subA.data).toMatchObject({ telegram_user_id: 7001, subscription: { symbols: ["SOL"] } });
    const alertsA = (await (
      await fetch(`${srv.api.url}/me/alerts`, { headers: bearer(a.access_token) })
    ).json()) as Json;
    expect(alertsA.data).toEqual({ telegram_user_id: 7001, alerts: [], count: 0 });
    const b = await login(7002);
    const alertsB = (await (
      await fetch(`${srv.api.url}/me/alerts`, { headers: bearer(b.access_token) })
    ).json()) as Json;
    expect(alertsB.data.alerts.map((x: Json) => x.alert_id)).toEqual(["alert-for-b"]);
    const rulesOf = async (token: string) =>
      ((await (await fetch(`${srv.api.url}/me/rules`, { headers: bearer(token) })).json()) as Json).data;
    expect(await rulesOf(a.access_token)).toEqual({ telegram_user_id: 7001, rules: [], count: 0 });
    const rulesB = await rulesOf(b.access_token);
    expect(rulesB.count).toBe(1);
    expect(rulesB.rules[0]).toMatchObject({
      condition: { kind: "price", symbol: "ETH", op: "above", level: 5000 },
      repeat: { mode: "once" },
      note: "B's own",
      paused: false,
      fired_count: 0,
      last_fired_at: null,
    });
  });

  it("personal routes need alerts:read: a bearer key or a market-only token gets 403 INSUFFICIENT_SCOPE", async () => {
    const key = await fetch(`${srv.api.url}/me/subscription`, {
      headers: bearer("test-key-0123456789abcdef"),
    });
    expect(key.status).toBe(403);
    expect(((await key.json()) as Json).error.code).toBe("INSUFFICIENT_SCOPE");
    const market = await login(7003, "market:read");
    expect(market.scope).toBe("market:read");
    const res = await fetch(`${srv.api.url}/me/subscription`, { headers: bearer(market.access_token) });
    expect(res.status).toBe(403);
    expect(res.headers.get("www-authenticate")).toContain('scope="alerts:read"');
    expect(
      (await fetch(`${srv.api.url}/gpt/sentiment`, { headers: bearer(market.access_token) })).status,
    ).toBe(200);
  });

  it("unknown and wrong-audience tokens get 401 in the envelope with the metadata challenge", async () => {
    const unknown = await fetch(`${srv.api.url}/gpt/sentiment`, { headers: bearer("x".repeat(43)) });
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get("www-authenticate")).toBe(
      `Bearer resource_metadata="${ISSUER}/.well-known/oauth-protected-resource", error="invalid_token"`,
    );
    expect((await unknown.json()) as Json).toMatchObject({ success: false, error: { code: "UNAUTHORIZED" } });
    const none = await fetch(`${srv.api.url}/mcp`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(none.headers.get("www-authenticate")).toBe(
      `Bearer resource_metadata="${ISSUER}/.well-known/oauth-protected-resource/mcp"`,
    );
    // Another server on the same Redis (another PUBLIC_URL) finds the token but not its audience.
    const other = await startApi(srv.peers, { oauthIssuer: "http://127.0.0.1:10" });
    try {
      const t = await login(7004);
      const res = await fetch(`${other.url}/gpt/sentiment`, { headers: bearer(t.access_token) });
      expect(res.status).toBe(401);
      expect((await fetch(`${srv.api.url}/gpt/sentiment`, { headers: bearer(t.access_token) })).status).toBe(
        200,
      );
    } finally {
      await other.close();
    }
  });

  it("a code is used once, only with its PKCE verifier; a resource other than this server is refused", async () => {
    const t = await login(7005);
    const again = await token({
      grant_type: "authorization_code",
      code: t.authCode,
      redirect_uri: REDIRECT,
      client_id: t.clientId,
      code_verifier: t.verifier,
    });
    expect(again.body.error).toBe("invalid_grant");
    // The reuse revoked the grant: its access token is gone too.
    expect((await fetch(`${srv.api.url}/gpt/sentiment`, { headers: bearer(t.access_token) })).status).toBe(
      401,
    );
    const client = await register();
    const noPkce = await authorize(client.body.client_id, "unused", "approve", {
      code_challenge: "",
      code_challenge_method: "",
    });
    expect(new URL(noPkce.login.left as string).searchParams.get("error")).toBe("invalid_request");
    const plain = await authorize(client.body.client_id, "unused", "approve", {
      code_challenge_method: "plain",
    });
    expect(new URL(plain.login.left as string).searchParams.get("error")).toBe("invalid_request");
    const elsewhere = await authorize(client.body.client_id, "unused", "approve", {
      resource: "https://other.example.com",
    });
    expect(new URL(elsewhere.login.left as string).searchParams.get("error")).toBe("invalid_target");
  });

  it("redirect URIs: exact match only, http only on loopback", async () => {
    expect((await register({ redirect_uris: ["http://evil.example.com/cb"] })).status).toBe(400);
    expect((await register({ redirect_uris: ["https://claude.ai/api/mcp/auth_callback"] })).status).toBe(201);
    expect(
      (await register({ redirect_uris: ["https://chatgpt.com/connector_platform_oauth_redirect"] })).status,
    ).toBe(201);
    const client = await register();
    const wrong = await authorize(client.body.client_id, "unused", "approve", {
      redirect_uri: "http://127.0.0.1:33418/other",
    });
    expect(wrong.login.left).toBeUndefined();
    expect(wrong.login.status).toBe(400);
    expect(wrong.login.html).toContain("redirect_uri");
  });

  it("the pages: never framed, CSRF-checked, attempts limited per code, deny goes back as access_denied", async () => {
    const { code } = await srv.peers.stores.loginCodes.issue(7006);
    const client = await register();
    const b = testBrowser(toReal);
    const { challenge } = (await import("./oauth-browser.js")).pkce();
    const url = `${ISSUER}/oauth/authorize?${new URLSearchParams({ response_type: "code", client_id: client.body.client_id, redirect_uri: REDIRECT, scope: "market:read", code_challenge: challenge, code_challenge_method: "S256" })}`;
    const page = await b.follow(url, ISSUER);
    expect(page.headers?.get("content-security-policy")).toContain("frame-ancestors 'none'");
    const action = ISSUER + b.action(page.html);
    const post = (body: Record<string, string>, site = "same-origin") =>
      b.go(action, {
        method: "POST",
        body: new URLSearchParams(body),
        headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": site },
      });
    expect((await post({ credential: code })).status).toBe(403); // no CSRF token
    expect((await post({ credential: code, csrf: b.field(page.html, "csrf") }, "cross-site")).status).toBe(
      403,
    );
    const wrong = `${code.slice(0, 5)}${code.slice(5).replace(/[2-9A-Z]/, (c) => (c === "2" ? "3" : "2"))}`;
    for (let i = 0; i < 5; i++) {
      const res = await post({ credential: wrong, csrf: b.field(page.html, "csrf") });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain("not valid or has expired");
    }
    expect((await post({ credential: code, csrf: b.field(page.html, "csrf") })).status).toBe(400); // the code is gone
    const fresh = await srv.peers.stores.loginCodes.issue(7006);
    const consent = await b.post(ISSUER, page.html, { credential: fresh.code });
    const denied = await b.post(ISSUER, consent.html, { decision: "deny" });
    expect(new URL(denied.left as string).searchParams.get("error")).toBe("access_denied");
  });

  it("speaks Indonesian when asked, and keeps tokens and codes out of the log", async () => {
    const client = await register();
    const { challenge } = (await import("./oauth-browser.js")).pkce();
    const url = `${ISSUER}/oauth/authorize?${new URLSearchParams({ response_type: "code", client_id: client.body.client_id, redirect_uri: REDIRECT, code_challenge: challenge, code_challenge_method: "S256" })}`;
    const b = testBrowser(toReal);
    const first = await b.go(url);
    const page = await b.go(`${new URL(first.headers.get("location") as string, ISSUER).href}?lang=id`);
    const html = await page.text();
    expect(html).toContain('lang="id"');
    expect(html).toContain("Kode login atau API key");
    const t = await login(7007);
    await fetch(`${srv.api.url}/gpt/raw?symbol=NOPE`, { headers: bearer(t.access_token) });
    await fetch(`${srv.api.url}/gpt/raw?symbol=BTC`, { headers: bearer(`${t.access_token}x`) });
    const logs = srv.api.logs();
    for (const secret of [t.access_token, t.refresh_token, t.authCode]) expect(logs).not.toContain(secret);
  });
});

describe("OAuth for GPT Actions (a confidential client, no resource parameter)", () => {
  it("registers with client_secret_post, logs in, and gets a market:read token for this server", async () => {
    const client = await register({ token_endpoint_auth_method: "client_secret_post", scope: "market:read" });
    expect(client.status).toBe(201);
    expect(client.body.client_secret).toEqual(expect.any(String));
    const { code } = await srv.peers.stores.loginCodes.issue(7100);
    const flow = await authorize(client.body.client_id, code, "approve", {
      scope: "market:read",
      resource: "",
    });
    const back = new URL(flow.done.left as string);
    const t = await token({
      grant_type: "authorization_code",
      code: back.searchParams.get("code") as string,
      redirect_uri: REDIRECT,
      client_id: client.body.client_id,
      client_secret: client.body.client_secret,
      code_verifier: flow.verifier,
    });
    expect(t.body).toMatchObject({ token_type: "Bearer", scope: "market:read" });
    expect(
      (await fetch(`${srv.api.url}/gpt/sentiment`, { headers: bearer(t.body.access_token) })).status,
    ).toBe(200);
  });
});
