import type { Redis } from "ioredis";
import type { JWK } from "jose";
import type {
  Configuration,
  KoaContextWithOIDC,
  errors as OidcErrors,
  default as Provider,
} from "oidc-provider";
import { SCOPES } from "../security/principal.js";
import { loadOidcProvider } from "./oidc-import.js";
import { redisAdapterFactory } from "./redis-adapter.js";
import { loadSecrets } from "./secrets.js";

/** Lifetimes (s): access tokens are short; a refresh token rotates on each use. */
export const TTL = {
  accessToken: 600,
  authorizationCode: 60,
  refreshToken: 14 * 24 * 3600,
  interaction: 600,
  session: 3600,
} as const;

/** Where the routes of the authorization server live, under the API's own origin. */
export const OAUTH_ROUTES = {
  authorization: "/oauth/authorize",
  token: "/oauth/token",
  registration: "/oauth/register",
  revocation: "/oauth/revoke",
  jwks: "/oauth/jwks",
  end_session: "/oauth/logout",
  userinfo: "/oauth/userinfo",
  code_verification: "/oauth/device",
  device_authorization: "/oauth/device/auth",
  introspection: "/oauth/introspect",
  pushed_authorization_request: "/oauth/par",
  backchannel_authentication: "/oauth/backchannel",
  challenge: "/oauth/challenge",
} as const;

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Redirect URIs: https anywhere, plain http only to this machine (desktop clients listening on a
 * loopback port). oidc-provider would accept http to any host for web clients.
 */
function checkRedirects(errors: typeof OidcErrors, metadata: { redirect_uris?: unknown }): void {
  const uris = Array.isArray(metadata.redirect_uris) ? metadata.redirect_uris : [];
  for (const uri of uris) {
    const url = typeof uri === "string" && URL.canParse(uri) ? new URL(uri) : undefined;
    if (url?.protocol === "http:" && !LOOPBACK.has(url.hostname)) {
      throw new errors.InvalidRedirectUri(
        "redirect_uris must use https, or http only on a loopback address (127.0.0.1, [::1], localhost)",
      );
    }
  }
}

export interface ProviderOptions {
  /** PUBLIC_URL without a trailing slash: the issuer and the only token audience. */
  issuer: string;
  redis: Redis;
  /** Redis key prefix of every OAuth record. */
  prefix: string;
  cookieKeys?: string[];
  jwks?: { keys: JWK[] };
  /** Renders the error page of a failed authorization request (no redirect possible). */
  renderError: (ctx: KoaContextWithOIDC, out: { error: string; error_description?: string }) => void;
}

/**
 * The authorization server: oidc-provider (a certified OpenID/OAuth implementation) on Redis.
 * Authorization code with PKCE S256 only, dynamic registration and Client ID Metadata Documents,
 * resource indicators bound to PUBLIC_URL, opaque access tokens (a Redis record each, so a
 * revoked token is gone at once), rotating refresh tokens, revocation. No ID-token flows are
 * offered beyond what OAuth clients need; the interaction pages are ours (interaction.ts).
 */
export async function createProvider(opts: ProviderOptions): Promise<Provider> {
  const { default: Provider, errors } = await loadOidcProvider();
  const secrets = await loadSecrets(opts.redis, `${opts.prefix}secret:`, opts);
  const audience = opts.issuer;
  const resources = new Set([audience, `${audience}/`, `${audience}/mcp`]);
  const configuration: Configuration = {
    adapter: redisAdapterFactory(opts.redis, opts.prefix),
    jwks: secrets.jwks as Configuration["jwks"],
    cookies: {
      keys: secrets.cookieKeys,
      long: { signed: true, sameSite: "lax" },
      short: { signed: true, sameSite: "lax" },
    },
    scopes: ["offline_access", ...SCOPES],
    claims: { openid: ["sub"] },
    responseTypes: ["code"],
    clientDefaults: {
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
      id_token_signed_response_alg: "ES256",
    },
    findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub }) }),
    interactions: { url: (_ctx, interaction) => `/oauth/interaction/${interaction.uid}` },
    routes: OAUTH_ROUTES,
    pkce: { required: () => true },
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed("refresh_token"),
    rotateRefreshToken: true,
    // Browser-based clients (the MCP Inspector) call the token and registration endpoints.
    clientBasedCORS: () => true,
    extraClientMetadata: {
      properties: ["software_id"],
      validator: (_ctx, _key, _value, metadata) => checkRedirects(errors, metadata),
    },
    ttl: {
      AccessToken: TTL.accessToken,
      AuthorizationCode: TTL.authorizationCode,
      RefreshToken: TTL.refreshToken,
      Grant: TTL.refreshToken,
      Interaction: TTL.interaction,
      Session: TTL.session,
      IdToken: TTL.accessToken,
    },
    features: {
      devInteractions: { enabled: false },
      registration: { enabled: true },
      // Only the client a token was issued to may revoke it (RFC 7009 §2.1); another client's
      // request is answered like an unknown token and changes nothing.
      revocation: {
        enabled: true,
        allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId,
      },
      userinfo: { enabled: false },
      rpInitiatedLogout: { enabled: false },
      clientIdMetadataDocument: { enabled: true, ack: "draft-02" },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => audience,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => {
          if (!resources.has(resource))
            throw new errors.InvalidTarget(`the only resource here is ${audience}`);
          return {
            scope: SCOPES.join(" "),
            audience,
            accessTokenTTL: TTL.accessToken,
            accessTokenFormat: "opaque",
          };
        },
      },
    },
    renderError: async (ctx, out) => opts.renderError(ctx, out),
  };
  const provider = new Provider(opts.issuer, configuration);
  // The public origin is https behind a TLS proxy (or http on loopback): the protocol and host
  // come from PUBLIC_URL (the bridge sets them), never from what a client claims.
  provider.proxy = true;
  return provider;
}
