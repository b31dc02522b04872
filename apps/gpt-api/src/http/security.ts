import type { FastifyInstance } from "fastify";
import type { ApiConfig } from "../config.js";
import { createBearerAuth } from "../security/auth.js";
import { createIpAllowlist } from "../security/ip-allowlist.js";
import type { BatchedRateStore } from "../security/rate-store.js";
import { JSON_TYPE } from "./envelope.js";
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
 * The one onRequest hook of the protected routes: bearer auth, then the per-key rate limit (only
 * known keys count), with `X-RateLimit-Limit/-Remaining/-Reset` on every answer and 429
 * RATE_LIMITED with `Retry-After` past the limit.
 *
 * Hand-rolled instead of @fastify/rate-limit: the plugin runs an async function per request with
 * three awaits, a Promise around the store's callback and a `routeOptions` read (which builds a new
 * object), in a route-level hook of its own; our store answers synchronously, so one callback hook
 * does auth and limit with no promise at all. The headers and the 429 are the plugin's.
 */
export function installProtection(
  app: FastifyInstance,
  config: ApiConfig,
  store: BatchedRateStore,
  held?: (url: string) => Buffer | undefined,
): void {
  const auth = createBearerAuth(config.apiKeys);
  const max = config.rateLimitPerMinute;
  const windowMs = config.rateWindowMs;
  const limit = String(max);
  const per = `Rate limit of ${max} requests per ${Math.round(windowMs / 1000)} s reached.`;
  app.addHook("onRequest", (request, reply, done) => {
    let keyId: string;
    if (!config.requireAuth) keyId = `ip_${request.ip}`;
    else {
      const result = auth.check(request.headers.authorization);
      if (!result.ok) {
        const message =
          result.reason === "missing" ? "A bearer API key is required." : "The API key is not valid.";
        return done(new ApiError("UNAUTHORIZED", message, { hint: "Send Authorization: Bearer <key>." }));
      }
      keyId = result.keyId;
    }
    request.keyId = keyId;
    const hit = store.hit(keyId, windowMs);
    const resetS = Math.ceil(hit.ttl / 1000);
    reply.header("x-ratelimit-limit", limit);
    reply.header("x-ratelimit-remaining", String(hit.current >= max ? 0 : max - hit.current));
    reply.header("x-ratelimit-reset", String(resetS));
    if (hit.current <= max) {
      // A held answer for this exact URL goes out from here: the later lifecycle steps (parsing,
      // validation, handler) would only find the same bytes again. See serve.ts's fromUrl.
      const body = held?.(request.url);
      if (body === undefined) return done();
      reply.type(JSON_TYPE).send(body);
      return;
    }
    const retryAfterS = Math.max(1, resetS);
    done(new ApiError("RATE_LIMITED", per, { hint: `Retry in ${retryAfterS} s.`, retryAfterS }));
  });
}
