import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ApiConfig } from "../config.js";
import { createBearerAuth } from "../security/auth.js";
import { createAuthFailureLimit } from "../security/auth-failures.js";
import { createIpAllowlist } from "../security/ip-allowlist.js";
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

/**
 * Scope hooks of the protected routes: bearer auth, then the per-key rate limit (route-level
 * hooks of @fastify/rate-limit run after this scope's onRequest hook, so only known keys count).
 */
export async function installProtection(
  app: FastifyInstance,
  config: ApiConfig,
  store: BatchedRateStore,
): Promise<void> {
  const auth = createBearerAuth(config.apiKeys);
  const failures = createAuthFailureLimit({ max: config.authFailuresPerMinute, windowMs: 60_000 });
  app.addHook("onRequest", (request, _reply, done) => {
    if (!config.requireAuth) {
      request.keyId = `ip_${request.ip}`;
      return done();
    }
    const result = auth.check(request.headers.authorization);
    if (result.ok) {
      request.keyId = result.keyId;
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
    const message =
      result.reason === "missing" ? "A bearer API key is required." : "The API key is not valid.";
    done(new ApiError("UNAUTHORIZED", message, { hint: "Send Authorization: Bearer <key>." }));
  });
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
