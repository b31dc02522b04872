import type { IncomingMessage } from "node:http";
import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Redis } from "ioredis";
import type { JWK } from "jose";
import type { Logger } from "pino";
import { type Principal, SCOPES, type Scope } from "../security/principal.js";
import { registerInteractions } from "./interaction.js";
import { messagePage, PAGE_CSP, pageLang, pageText } from "./pages.js";
import { createProvider, OAUTH_ROUTES } from "./provider.js";

export interface OAuthOptions {
  /** PUBLIC_URL: issuer, token audience and the origin every URL of the flow is built on. */
  publicUrl: string;
  redis: Redis;
  /** Redis key prefix of the OAuth records, e.g. `teleglas:oauth:`. */
  prefix: string;
  apiKeys: readonly string[];
  redeemCode: (code: string) => Promise<number | undefined>;
  logger: Logger;
  cookieKeys?: string[];
  jwks?: { keys: JWK[] };
  /** Requests per minute per client address on the OAuth routes (default 60). */
  perIpPerMinute?: number;
}

export interface OAuth {
  /** The principal of a valid access token for this server; undefined for any other string. */
  verify(token: string): Promise<Principal | undefined>;
  /** RFC 9728 metadata URL of a protected path (`/mcp` gets its path-suffixed document). */
  resourceMetadataUrl(path: string): string;
}

const SCOPE_SET = new Set<string>(SCOPES);

/**
 * The OAuth 2.1 authorization server and the protected-resource metadata, on the API's origin.
 * oidc-provider is a Koa app: its routes are handed the raw request (body unread) through its
 * `callback()`; Fastify answers everything else (interaction pages, metadata, the API).
 */
export async function installOAuth(app: FastifyInstance, o: OAuthOptions): Promise<OAuth> {
  const origin = o.publicUrl.replace(/\/$/, "");
  const publicOrigin = new URL(origin);
  const provider = await createProvider({
    issuer: origin,
    redis: o.redis,
    prefix: o.prefix,
    cookieKeys: o.cookieKeys,
    jwks: o.jwks,
    renderError: (ctx, out) => {
      const lang = pageLang(ctx.query, ctx.get("accept-language"));
      ctx.type = "html";
      ctx.set("content-security-policy", PAGE_CSP);
      ctx.body = messagePage(lang, pageText(lang).failed, `${out.error}: ${out.error_description ?? ""}`);
    },
  });
  provider.on("server_error", (_ctx, err) => o.logger.error({ err }, "oauth server error"));
  const callback = provider.callback();
  const cookieKeys = (provider as unknown as { keys: string[] }).keys;

  /** The flow's URLs are PUBLIC_URL's, whatever Host or X-Forwarded-* a client sends. */
  const asPublic = (raw: IncomingMessage) => {
    raw.headers["x-forwarded-proto"] = publicOrigin.protocol.slice(0, -1);
    raw.headers["x-forwarded-host"] = publicOrigin.host;
  };
  const toProvider = (request: FastifyRequest, reply: FastifyReply, url = request.raw.url) => {
    reply.hijack();
    request.raw.url = url;
    reply.raw.setHeader("x-content-type-options", "nosniff");
    reply.raw.setHeader("referrer-policy", "no-referrer");
    if (!reply.raw.hasHeader("content-security-policy"))
      reply.raw.setHeader("content-security-policy", "frame-ancestors 'none'");
    callback(request.raw, reply.raw);
  };

  await app.register(async (scope) => {
    scope.addHook("onRequest", (request, _reply, done) => {
      asPublic(request.raw);
      done();
    });
    await scope.register(rateLimit, {
      global: true,
      max: o.perIpPerMinute ?? 60,
      timeWindow: 60_000,
      keyGenerator: (request: FastifyRequest) => request.ip,
    });
    // The provider reads its own bodies: nothing here may consume the stream first.
    await scope.register(async (bridge) => {
      bridge.removeAllContentTypeParsers();
      bridge.addContentTypeParser("*", (_req, _payload, done) => done(null));
      const schema = { hide: true };
      const paths = [...Object.values(OAUTH_ROUTES), "/.well-known/openid-configuration"];
      for (const path of new Set(paths)) {
        bridge.route({
          method: ["GET", "POST", "OPTIONS"],
          url: path,
          schema,
          handler: (q, r) => toProvider(q, r),
        });
        bridge.route({
          method: ["GET", "POST"],
          url: `${path}/*`,
          schema,
          handler: (q, r) => toProvider(q, r),
        });
      }
      // RFC 8414: the same document as OpenID discovery, at the OAuth well-known path.
      bridge.get("/.well-known/oauth-authorization-server", { schema }, (q, r) =>
        toProvider(
          q,
          r,
          `/.well-known/openid-configuration${q.raw.url?.includes("?") ? `?${q.raw.url.split("?")[1]}` : ""}`,
        ),
      );
    });
    await scope.register(async (pages) =>
      registerInteractions(pages, {
        provider,
        apiKeys: o.apiKeys,
        redeemCode: o.redeemCode,
        csrfSecret: cookieKeys[0] as string,
      }),
    );
    // RFC 9728: the API as a protected resource, as a whole and as the MCP endpoint.
    const metadata = (resource: string) => ({
      resource,
      authorization_servers: [origin],
      scopes_supported: SCOPES,
      bearer_methods_supported: ["header"],
      resource_name: "TELEGLAS",
      resource_documentation: `${origin}/docs`,
    });
    scope.get("/.well-known/oauth-protected-resource", { schema: { hide: true } }, async () =>
      metadata(origin),
    );
    scope.get("/.well-known/oauth-protected-resource/mcp", { schema: { hide: true } }, async () =>
      metadata(`${origin}/mcp`),
    );
  });

  return {
    async verify(token) {
      if (token.length > 128) return undefined;
      const at = await provider.AccessToken.find(token);
      if (at === undefined || at.aud !== origin || at.accountId === undefined) return undefined;
      const scopes = String(at.scope ?? "")
        .split(" ")
        .filter((s) => SCOPE_SET.has(s)) as Scope[];
      return { subject: at.accountId, scopes, kind: "oauth" };
    },
    resourceMetadataUrl: (path) =>
      `${origin}/.well-known/oauth-protected-resource${path.startsWith("/mcp") ? "/mcp" : ""}`,
  };
}
