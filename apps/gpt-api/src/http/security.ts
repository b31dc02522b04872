import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ApiConfig } from "../config.js";
import type { OAuth } from "../oauth/index.js";
import { createBearerAuth } from "../security/auth.js";
import { createAuthFailureLimit } from "../security/auth-failures.js";
import { createIpAllowlist } from "../security/ip-allowlist.js";
import { keyPrincipal, type Principal, publicPrincipal } from "../security/principal.js";
import { type BatchedRateStore, storeConstructor } from "../security/rate-store.js";
import { ApiError } from "./errors.js";

declare module "fastify" {
  interface FastifyRequest {
    /** Who is asking, by name: the key's digest id, `tg_<id>` or `ip_<address>` (never a secret). */
    keyId?: string;
    /** Who is asking and what they may see (set by the protection hook). */
    principal?: Principal;
  }
}

/** Root hook: the client address (socket, or proxy-reported when the proxy is trusted) must be allowed. */
export function installIpAllowlist(app: FastifyInstance, config: ApiConfig): void {
  if (config.ipAllowlist.length === 0) return;
  const allow = createIpAllowlist(config.ipAllowlist);
  app.addHook("onRequest", (request, _reply, done) => {
    if (allow.allows(request.ip)) return done();
    done(
      new ApiError("FORBIDDEN_IP", "This address is not allowed.", {
        hint: "Ask the operator to add it to the allowlist.",
      }),
    );
  });
}

/**
 * Scope hooks of the protected routes: bearer auth, then the per-key rate limit (route-level
 * hooks of @fastify/rate-limit run after this scope's onRequest hook, so only known keys count).
 */
export async function installProtection(
  app: FastifyInstance,
  config: ApiConfig,
  store: BatchedRateStore,
  /** Access tokens are accepted too when the authorization server runs (Redis and an issuer). */
  oauth?: OAuth,
): Promise<void> {
  const auth = createBearerAuth(config.apiKeys);
  const failures = createAuthFailureLimit({ max: config.authFailuresPerMinute, windowMs: 60_000 });
  const keyPrincipals = new Map<string, Principal>();
  const admit = (request: FastifyRequest, principal: Principal) => {
    request.principal = principal;
    request.keyId = principal.subject;
  };
  app.addHook("onRequest", (request, reply, done) => {
    const header = request.headers.authorization;
    if (!config.requireAuth && (header === undefined || oauth === undefined)) {
      admit(request, publicPrincipal(request.ip));
      return done();
    }
    // Keys first and in process: the bearer path costs no Redis round trip.
    const result = auth.check(header);
    if (result.ok) {
      let principal = keyPrincipals.get(result.keyId);
      if (principal === undefined) {
        principal = keyPrincipal(result.keyId);
        keyPrincipals.set(result.keyId, principal);
      }
      admit(request, principal);
      return done();
    }
    if (result.reason === "invalid" && oauth !== undefined) {
      oauth.verify((header as string).slice(7).trim()).then((principal) => {
        if (principal === undefined) return refuse(request, reply, done, "invalid");
        admit(request, principal);
        done();
      }, done);
      return;
    }
    refuse(request, reply, done, result.reason);
  });
  function refuse(
    request: FastifyRequest,
    reply: FastifyReply,
    done: (e?: Error) => void,
    reason: "missing" | "invalid",
  ) {
    if (!config.requireAuth) {
      admit(request, publicPrincipal(request.ip));
      return done();
    }
    if (!failures.allow(request.ip)) {
      const retryAfterS = failures.retryAfterS();
      return done(
        new ApiError("RATE_LIMITED", "Too many requests without a valid API key from this address.", {
          hint: `Send Authorization: Bearer <key>; retry in ${retryAfterS} s.`,
          retryAfterS,
        }),
      );
    }
    if (oauth === undefined) {
      const message = reason === "missing" ? "A bearer API key is required." : "The API key is not valid.";
      return done(new ApiError("UNAUTHORIZED", message, { hint: "Send Authorization: Bearer <key>." }));
    }
    // RFC 9728 §5.1: the challenge names the metadata an OAuth client starts discovery from.
    const metadata = oauth.resourceMetadataUrl(request.url);
    const invalid = reason === "invalid" ? ', error="invalid_token"' : "";
    reply.header("www-authenticate", `Bearer resource_metadata="${metadata}"${invalid}`);
    const message =
      reason === "missing"
        ? "A bearer API key or OAuth access token is required."
        : "The API key or access token is not valid (unknown, expired, revoked, or issued for another server).";
    done(
      new ApiError("UNAUTHORIZED", message, {
        hint: `Send Authorization: Bearer <key or token>; OAuth clients start from ${metadata}.`,
      }),
    );
  }
  await app.register(rateLimit, {
    global: true,
    max: config.rateLimitPerMinute,
    timeWindow: config.rateWindowMs,
    store: storeConstructor(store),
    keyGenerator: (request: FastifyRequest) => request.keyId ?? request.ip,
    errorResponseBuilder: (_request, context) =>
      new ApiError(
        "RATE_LIMITED",
        `Rate limit of ${context.max} requests per ${Math.round(config.rateWindowMs / 1000)} s reached.`,
        {
          hint: `Retry in ${Math.max(1, Math.ceil(context.ttl / 1000))} s.`,
          retryAfterS: Math.max(1, Math.ceil(context.ttl / 1000)),
        },
      ),
  });
}
