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
    /** Digest-derived id of the bearer key (never the key). */
    keyId?: string;
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

/** How one protected scope differs from the default (the /mcp scope: mcp/access.ts). */
export interface ProtectionOptions {
  /** A request without credentials gets this principal instead of a 401 (MCP_PUBLIC). */
  anonymous?: (request: FastifyRequest) => Principal | undefined;
  /** Requests per window of a principal (default GPT_API_RATE_LIMIT). */
  maxFor?: (principal: Principal | undefined) => number;
  /** Called with the 401 before it is sent, to add headers (WWW-Authenticate). */
  onUnauthorized?: (request: FastifyRequest, reply: FastifyReply) => void;
  /** Access tokens are accepted too when the authorization server runs (Redis and an issuer). */
  oauth?: OAuth;
}

/** `WWW-Authenticate` of a 401 with OAuth on (RFC 9728 §5.1): where a client starts discovery. */
export function oauthChallenge(oauth: OAuth, request: FastifyRequest, reply: FastifyReply): void {
  const invalid = /^bearer \S/i.test(request.headers.authorization ?? "") ? ', error="invalid_token"' : "";
  reply.header(
    "www-authenticate",
    `Bearer resource_metadata="${oauth.resourceMetadataUrl(request.url)}"${invalid}`,
  );
}

/**
 * Scope hooks of the protected routes: bearer auth, then the per-key rate limit (route-level
 * hooks of @fastify/rate-limit run after this scope's onRequest hook, so only known keys count).
 * Every admitted request carries its principal.
 */
export async function installProtection(
  app: FastifyInstance,
  config: ApiConfig,
  store: BatchedRateStore,
  opts: ProtectionOptions = {},
): Promise<void> {
  const auth = createBearerAuth(config.apiKeys);
  const failures = createAuthFailureLimit({ max: config.authFailuresPerMinute, windowMs: 60_000 });
  const { oauth } = opts;
  // One principal object per key, made once: the bearer path allocates nothing for it.
  const keyPrincipals = new Map<string, Principal>();
  const admit = (request: FastifyRequest, principal: Principal) => {
    request.keyId = principal.subject;
    request.principal = principal;
  };
  const refuse = (
    request: FastifyRequest,
    reply: FastifyReply,
    done: (e?: Error) => void,
    reason: string,
  ) => {
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
    opts.onUnauthorized?.(request, reply);
    if (oauth === undefined) {
      const message = reason === "missing" ? "A bearer API key is required." : "The API key is not valid.";
      return done(new ApiError("UNAUTHORIZED", message, { hint: "Send Authorization: Bearer <key>." }));
    }
    if (!reply.hasHeader("www-authenticate")) oauthChallenge(oauth, request, reply);
    const message =
      reason === "missing"
        ? "A bearer API key or OAuth access token is required."
        : "The API key or access token is not valid (unknown, expired, revoked, or issued for another server).";
    done(
      new ApiError("UNAUTHORIZED", message, {
        hint: `Send Authorization: Bearer <key or token>; OAuth clients start from ${oauth.resourceMetadataUrl(request.url)}.`,
      }),
    );
  };
  app.addHook("onRequest", (request, reply, done) => {
    const header = request.headers.authorization;
    if (!config.requireAuth && (header === undefined || oauth === undefined)) {
      request.keyId = `ip_${request.ip}`;
      request.principal = keyPrincipal(request.keyId);
      return done();
    }
    // Keys first and in process: the bearer path makes no Redis call.
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
    const anonymous = result.reason === "missing" ? opts.anonymous?.(request) : undefined;
    if (anonymous !== undefined) {
      admit(request, anonymous);
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
  await app.register(rateLimit, {
    global: true,
    // A plain number where every principal has the same limit: the hot path calls nothing.
    max:
      opts.maxFor === undefined
        ? config.rateLimitPerMinute
        : (request: FastifyRequest) => (opts.maxFor as NonNullable<typeof opts.maxFor>)(request.principal),
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
