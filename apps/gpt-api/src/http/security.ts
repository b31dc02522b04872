import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ApiConfig } from "../config.js";
import type { OAuth } from "../oauth/index.js";
import { createBearerAuth } from "../security/auth.js";
import { createAuthFailureLimit } from "../security/auth-failures.js";
import { createIpAllowlist } from "../security/ip-allowlist.js";
import { keyPrincipal, type Principal, publicPrincipal } from "../security/principal.js";
import type { BatchedRateStore } from "../security/rate-store.js";
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
 * The scope hook of the protected routes: bearer auth, then the per-principal rate limit, in one
 * onRequest hook (refused credentials are not counted). Every admitted request carries its principal.
 */
export function installProtection(
  app: FastifyInstance,
  config: ApiConfig,
  store: BatchedRateStore,
  opts: ProtectionOptions = {},
): void {
  const auth = createBearerAuth(config.apiKeys);
  const failures = createAuthFailureLimit({ max: config.authFailuresPerMinute, windowMs: 60_000 });
  const { oauth } = opts;
  const admit = (request: FastifyRequest, principal: Principal) => {
    request.keyId = principal.subject;
    request.principal = principal;
  };
  // One principal object per key, made once: the bearer path allocates nothing for it.
  const keyPrincipals = new Map<string, Principal>();
  // Presented header -> principal for the configured keys, so a known key costs a map lookup, not
  // a SHA-256 per request. Only valid keys go in (at most MAX_KNOWN_HEADERS spellings): a stranger's
  // header never does, and a miss takes the constant-time path of auth.ts.
  const knownHeaders = new Map<string, Principal>();
  const principalOf = (keyId: string) => {
    let principal = keyPrincipals.get(keyId);
    if (principal === undefined) {
      principal = keyPrincipal(keyId);
      keyPrincipals.set(keyId, principal);
    }
    return principal;
  };
  const limit = createLimit(config, store, opts.maxFor);
  const refuse = (
    request: FastifyRequest,
    reply: FastifyReply,
    done: (e?: Error) => void,
    reason: string,
  ) => {
    if (!config.requireAuth) {
      admit(request, publicPrincipal(request.ip));
      return limit(request, reply, done);
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
      return limit(request, reply, done);
    }
    const known = header === undefined ? undefined : knownHeaders.get(header);
    if (known !== undefined) {
      admit(request, known);
      return limit(request, reply, done);
    }
    // Keys first and in process: the bearer path makes no Redis call.
    const result = auth.check(header);
    if (result.ok) {
      const principal = principalOf(result.keyId);
      if (knownHeaders.size < MAX_KNOWN_HEADERS) knownHeaders.set(header as string, principal);
      admit(request, principal);
      return limit(request, reply, done);
    }
    const anonymous = result.reason === "missing" ? opts.anonymous?.(request) : undefined;
    if (anonymous !== undefined) {
      admit(request, anonymous);
      return limit(request, reply, done);
    }
    if (result.reason === "invalid" && oauth !== undefined) {
      oauth.verify((header as string).slice(7).trim()).then((principal) => {
        if (principal === undefined) return refuse(request, reply, done, "invalid");
        admit(request, principal);
        limit(request, reply, done);
      }, done);
      return;
    }
    refuse(request, reply, done, result.reason);
  });
}

/** Spellings of the configured keys' Authorization headers remembered (a handful in practice). */
const MAX_KNOWN_HEADERS = 64;

/**
 * The per-principal limit, counted in the same hook as the auth: one synchronous map update per
 * request (rate-store.ts settles with Redis in the background, over-admission bounded there).
 * Written here rather than through @fastify/rate-limit: the plugin's per-request async hook
 * (awaited key generator, a promise around the store, routeOptions read) cost about a tenth of
 * the hot path's throughput. Same headers and the same 429 as the plugin sent.
 */
function createLimit(config: ApiConfig, store: BatchedRateStore, maxFor: ProtectionOptions["maxFor"]) {
  const windowMs = config.rateWindowMs;
  const windowS = Math.round(windowMs / 1000);
  const decide = (
    reply: FastifyReply,
    done: (e?: Error) => void,
    max: number,
    { current, ttl }: { current: number; ttl: number },
  ) => {
    const resetS = Math.ceil(ttl / 1000);
    reply.header("x-ratelimit-limit", max);
    reply.header("x-ratelimit-remaining", current > max ? 0 : max - current);
    reply.header("x-ratelimit-reset", resetS);
    if (current <= max) return done();
    const retryAfterS = Math.max(1, resetS);
    done(
      new ApiError("RATE_LIMITED", `Rate limit of ${max} requests per ${windowS} s reached.`, {
        hint: `Retry in ${retryAfterS} s.`,
        retryAfterS,
      }),
    );
  };
  return (request: FastifyRequest, reply: FastifyReply, done: (e?: Error) => void) => {
    const max = maxFor === undefined ? config.rateLimitPerMinute : maxFor(request.principal);
    const key = request.keyId ?? request.ip;
    // Counted at once in the common case; past the unconfirmed allowance it waits for Redis.
    const taken = store.take(key, windowMs, max);
    if (taken !== undefined) return decide(reply, done, max, taken);
    store.incr(key, (_err, result) => decide(reply, done, max, result), windowMs, max);
  };
}
