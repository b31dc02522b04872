// An OAuth access token for the api bench, the way an agent gets one: dynamic registration, the
// authorization page (logged in with an operator key as `credential`), consent, then the token
// endpoint with PKCE. The same browser helper as the API's OAuth tests.
import { pkce, testBrowser } from "../../apps/gpt-api/test/oauth-browser.js";

const REDIRECT = "http://127.0.0.1:33418/callback";

export async function oauthToken(apiUrl: string, operatorKey: string): Promise<string> {
  const reg = await fetch(`${apiUrl}/oauth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      client_name: "Bench Agent",
      redirect_uris: [REDIRECT],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
      scope: "market:read",
    }),
  });
  const client = (await reg.json()) as { client_id?: string };
  if (!client.client_id) throw new Error(`OAuth registration answered ${reg.status}: is OAuth on?`);
  const { verifier, challenge } = pkce();
  const url = new URL(`${apiUrl}/oauth/authorize`);
  const params = {
    response_type: "code",
    client_id: client.client_id,
    redirect_uri: REDIRECT,
    scope: "market:read",
    state: "bench",
    code_challenge: challenge,
    code_challenge_method: "S256",
    resource: apiUrl,
  };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  const b = testBrowser();
  const login = await b.follow(url.href, apiUrl);
  const consent = await b.post(apiUrl, login.html, { credential: operatorKey });
  const done =
    consent.left === undefined ? await b.post(apiUrl, consent.html, { decision: "approve" }) : consent;
  const code = new URL(done.left as string).searchParams.get("code");
  const res = await fetch(`${apiUrl}/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code: code ?? "",
      redirect_uri: REDIRECT,
      client_id: client.client_id,
      code_verifier: verifier,
    }),
  });
  const token = (await res.json()) as { access_token?: string };
  if (!token.access_token) throw new Error(`OAuth token endpoint answered ${res.status}`);
  return token.access_token;
}
