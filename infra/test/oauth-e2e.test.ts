import { auth, type OAuthClientProvider } from "@modelcontextprotocol/sdk/client/auth.js";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { OAuthClientInformationMixed, OAuthTokens } from "@modelcontextprotocol/sdk/shared/auth.js";
import { createFakeTelegram, type FakeTelegram } from "@teleglas/fake-telegram";
import { loadConfig, startTelegramBot } from "@teleglas/telegram-bot/service";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Peers, startApi, startPeers } from "../../apps/gpt-api/test/harness.js";
import { schemaErrors } from "../../apps/gpt-api/test/mcp-client.js";
import { testBrowser } from "../../apps/gpt-api/test/oauth-browser.js";

/**
 * The acceptance run of issue 16: an MCP client with the SDK's own client-side OAuth, a person
 * who gets a login code from the bot (through the fake Telegram Bot API), the login and consent
 * pages, then tools, a refresh and a revocation. The server believes it is at ISSUER; every
 * request to it goes to the real socket.
 */
const ISSUER = "http://127.0.0.1:9";
const REDIRECT = "http://127.0.0.1:33418/callback";
const USER = 4242;

let peers: Peers;
let api: Awaited<ReturnType<typeof startApi>>;
let tg: FakeTelegram;
let bot: Awaited<ReturnType<typeof startTelegramBot>>;
const real = (u: string | URL | Request) => String(u instanceof Request ? u.url : u).replace(ISSUER, api.url);
const rewrite: typeof fetch = (input, init) =>
  fetch(input instanceof Request ? new Request(real(input), input) : real(input), init);

beforeAll(async () => {
  peers = await startPeers();
  api = await startApi(peers, { oauthIssuer: ISSUER });
  tg = await createFakeTelegram({ globalPerSecond: 30, perChatPerSecond: 5 });
  const config = loadConfig({
    TELEGRAM_BOT_TOKEN: "123456:test-token",
    TELEGRAM_API_ROOT: tg.apiRoot,
    TELEGRAM_ALLOWED_USERS: String(USER),
    WORKER_HEALTH_URL: "http://127.0.0.1:9/health",
  });
  bot = await startTelegramBot({
    config,
    logger: pino({ level: "silent" }),
    core: peers.core as never,
    stores: peers.stores,
    redis: peers.redis,
    prefix: peers.prefix,
  });
});
afterAll(async () => {
  await bot?.stop();
  await tg?.close();
  await api?.close();
  await peers?.close();
});

/** A desktop MCP client's OAuth state, kept in memory. */
class TestProvider implements OAuthClientProvider {
  info?: OAuthClientInformationMixed;
  saved?: OAuthTokens;
  verifier = "";
  authorizationUrl?: URL;
  readonly redirectUrl = REDIRECT;
  readonly clientMetadata = {
    client_name: "E2E Agent",
    redirect_uris: [REDIRECT],
    grant_types: ["authorization_code", "refresh_token"],
    response_types: ["code"],
    token_endpoint_auth_method: "none",
  };
  clientInformation = () => this.info;
  saveClientInformation = (info: OAuthClientInformationMixed) => {
    this.info = info;
  };
  tokens = () => this.saved;
  saveTokens = (tokens: OAuthTokens) => {
    this.saved = tokens;
  };
  redirectToAuthorization = (url: URL) => {
    this.authorizationUrl = url;
  };
  saveCodeVerifier = (v: string) => {
    this.verifier = v;
  };
  codeVerifier = () => this.verifier;
}

/** What the person does in Telegram: /connect, then reads the code off the bot's answer. */
async function connectCode(): Promise<string> {
  const before = tg.messages(USER).length;
  tg.injectMessage({ userId: USER, chatId: USER, text: "/connect", firstName: "Ana" });
  await tg.waitUntil(() => tg.messages(USER).length > before, {
    timeoutMs: 15_000,
    what: "the /connect answer",
  });
  const text = tg.messages(USER).at(-1)?.text ?? "";
  expect(text).toContain("5 minutes");
  return text.match(/<code>([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})<\/code>/)?.[1] as string;
}

async function mcpClient(provider: TestProvider) {
  const transport = new StreamableHTTPClientTransport(new URL(`${ISSUER}/mcp`), {
    authProvider: provider,
    fetch: rewrite,
  });
  const client = new Client({ name: "e2e-agent", version: "1.0.0" });
  return { client, transport };
}

describe("MCP client with OAuth, end to end", () => {
  it("discovers, registers, logs in with a /connect code, calls tools, refreshes, and is refused once revoked", async () => {
    await peers.stores.subscriptions.upsert(USER, { symbols: ["ETH"], minUsd: 500_000 });
    const provider = new TestProvider();

    // 1. No token: the 401 names the resource metadata; the SDK discovers, registers, redirects.
    const first = await mcpClient(provider);
    await expect(first.client.connect(first.transport)).rejects.toThrow(/Unauthorized/i);
    expect(provider.info?.client_id).toEqual(expect.any(String));
    const url = provider.authorizationUrl as URL;
    expect(url.origin + url.pathname).toBe(`${ISSUER}/oauth/authorize`);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("resource")).toBe(`${ISSUER}/mcp`);
    expect(url.searchParams.get("scope")).toBe("market:read alerts:read");

    // 2. The person: login page with a code from the bot, consent page, approve.
    const browser = testBrowser((u) => u.replace(ISSUER, api.url));
    const login = await browser.follow(url.href, ISSUER);
    expect(login.html).toContain('name="credential"');
    const consent = await browser.post(ISSUER, login.html, { credential: await connectCode() });
    expect(consent.html).toContain("E2E Agent");
    expect(consent.html).toContain('name="decision" value="approve"');
    const back = await browser.post(ISSUER, consent.html, { decision: "approve" });
    const code = new URL(back.left as string).searchParams.get("code") as string;

    // 3. The client exchanges the code, then uses the tools.
    await first.transport.finishAuth(code);
    expect(provider.saved).toMatchObject({ token_type: "Bearer", scope: "market:read alerts:read" });
    const { client, transport } = await mcpClient(provider);
    await client.connect(transport);
    const { tools } = await client.listTools();
    const byName = new Map(tools.map((t) => [t.name, t]));
    expect(byName.has("getMySubscription")).toBe(true);
    for (const [name, args] of [
      ["getMarketSnapshot", { symbol: "BTC" }],
      ["getMySubscription", {}],
      ["getMyReceivedAlerts", {}],
    ] as const) {
      const result = await client.callTool({ name, arguments: args });
      expect(result.isError ?? false, name).toBe(false);
      expect(
        schemaErrors(byName.get(name)?.outputSchema as object, result.structuredContent),
        name,
      ).toBeUndefined();
    }
    const mine = await client.callTool({ name: "getMySubscription", arguments: {} });
    expect(mine.structuredContent).toMatchObject({
      data: { telegram_user_id: USER, subscription: { symbols: ["ETH"], min_usd: 500_000 } },
    });
    await client.close();

    // 4. Refresh: a new access token (and a rotated refresh token); the new one works.
    const before = provider.saved as OAuthTokens;
    expect(await auth(provider, { serverUrl: `${ISSUER}/mcp`, fetchFn: rewrite })).toBe("AUTHORIZED");
    const after = provider.saved as OAuthTokens;
    expect(after.access_token).not.toBe(before.access_token);
    expect(after.refresh_token).not.toBe(before.refresh_token);
    const get = (token: string) =>
      fetch(`${api.url}/me/subscription`, { headers: { authorization: `Bearer ${token}` } });
    expect((await get(after.access_token)).status).toBe(200);

    // 5. Revocation (RFC 7009): the token is refused on the very next request.
    const revoked = await fetch(`${api.url}/oauth/revoke`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token: after.access_token, client_id: provider.info?.client_id as string }),
    });
    expect(revoked.status).toBe(200);
    const refused = await get(after.access_token);
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toContain(
      `resource_metadata="${ISSUER}/.well-known/oauth-protected-resource"`,
    );
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("UNAUTHORIZED");
  });
});
