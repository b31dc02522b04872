import { createHash, randomBytes } from "node:crypto";
import type { Json } from "./harness.js";

/**
 * A person's browser for the OAuth pages, on real sockets: keeps cookies, follows redirects
 * itself, submits the login and consent forms as a browser would (form-urlencoded, same-origin).
 * `rewrite` maps the issuer's public origin to where the test server really listens.
 */
export function testBrowser(rewrite: (url: string) => string = (u) => u) {
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  async function go(url: string, init: RequestInit = {}): Promise<Response> {
    const res = await fetch(rewrite(url), {
      ...init,
      redirect: "manual",
      headers: { cookie: cookie(), "accept-language": "en", ...(init.headers as Record<string, string>) },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair = "", ...attrs] = c.split(";");
      const [name = "", value = ""] = pair.split("=");
      const expired = attrs.some((a) => /expires=thu, 01 jan 1970/i.test(a.trim()));
      if (expired || value === "") jar.delete(name.trim());
      else jar.set(name.trim(), value);
    }
    return res;
  }
  /** GET and follow redirects until a page (2xx/4xx) or a redirect leaving `origin`. */
  async function follow(url: string, origin: string, first?: Response) {
    let res = first ?? (await go(url));
    let at = url;
    for (let hops = 0; hops < 10 && res.status >= 300 && res.status < 400; hops++) {
      at = new URL(res.headers.get("location") as string, at).href;
      if (!at.startsWith(origin)) return { left: at, status: res.status, html: "" };
      res = await go(at);
    }
    return { left: undefined, at, status: res.status, html: await res.text(), headers: res.headers };
  }
  const field = (html: string, name: string) =>
    html.match(new RegExp(`name="${name}" value="([^"]*)"`))?.[1] ?? "";
  const action = (html: string) => html.match(/<form method="post" action="([^"]+)"/)?.[1] ?? "";
  async function post(origin: string, html: string, fields: Record<string, string>) {
    const body = new URLSearchParams({ csrf: field(html, "csrf"), ...fields });
    const url = origin + action(html);
    const res = await go(url, {
      method: "POST",
      body,
      headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin" },
    });
    return follow(url, origin, res);
  }
  return { go, follow, post, field, action, jar };
}

/** PKCE S256 pair. */
export function pkce() {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

const AGENT_REDIRECT = "http://127.0.0.1:33418/callback";

/** Dynamic client registration (RFC 7591) of a public client redirecting to the agent's loopback port. */
export async function registerClient(apiUrl: string, over: Record<string, unknown> = {}) {
  const res = await fetch(`${apiUrl}/oauth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      client_name: "Test Agent",
      redirect_uris: [AGENT_REDIRECT],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
      scope: "market:read alerts:read",
      ...over,
    }),
  });
  return { status: res.status, body: (await res.json()) as Json };
}

/**
 * An access token the way an agent gets one: dynamic registration, the authorization page (logged
 * in with `credential`: a /connect code or an operator key), consent, then the token endpoint with
 * PKCE. `issuer` is the server's public origin; requests go to `apiUrl`.
 */
export async function oauthToken(
  apiUrl: string,
  credential: string,
  opts: { issuer?: string; scope?: string } = {},
): Promise<string> {
  return (await oauthGrant(apiUrl, credential, opts)).accessToken;
}

/** As `oauthToken`, also naming the client the token was issued to. */
export async function oauthGrant(
  apiUrl: string,
  credential: string,
  opts: { issuer?: string; scope?: string } = {},
): Promise<{ accessToken: string; clientId: string }> {
  const issuer = opts.issuer ?? apiUrl;
  const scope = opts.scope ?? "market:read";
  const reg = await registerClient(apiUrl, { scope });
  const client = reg.body as { client_id?: string };
  if (!client.client_id) throw new Error(`OAuth registration answered ${reg.status}: is OAuth on?`);
  const { verifier, challenge } = pkce();
  const url = new URL(`${issuer}/oauth/authorize`);
  const params = {
    response_type: "code",
    client_id: client.client_id,
    redirect_uri: AGENT_REDIRECT,
    scope,
    state: "agent",
    code_challenge: challenge,
    code_challenge_method: "S256",
    resource: issuer,
  };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  const b = testBrowser((u) => u.replace(issuer, apiUrl));
  const login = await b.follow(url.href, issuer);
  const consent = await b.post(issuer, login.html, { credential });
  const done =
    consent.left === undefined ? await b.post(issuer, consent.html, { decision: "approve" }) : consent;
  const code = new URL(done.left as string).searchParams.get("code");
  const res = await fetch(`${apiUrl}/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code: code ?? "",
      redirect_uri: AGENT_REDIRECT,
      client_id: client.client_id,
      code_verifier: verifier,
    }),
  });
  const token = (await res.json()) as { access_token?: string };
  if (!token.access_token) throw new Error(`OAuth token endpoint answered ${res.status}`);
  return { accessToken: token.access_token, clientId: client.client_id };
}
