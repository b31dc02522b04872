import type { FastifyReply, FastifyRequest } from "fastify";
import type { ApiConfig } from "../config.js";
import { oauthChallenge, type ProtectionOptions } from "../http/security.js";
import type { OAuth } from "../oauth/index.js";
import { type Principal, publicPrincipal } from "../security/principal.js";

/**
 * The one place a /mcp request without valid credentials is refused (401 in the envelope). OAuth
 * adds `WWW-Authenticate: Bearer resource_metadata="…"` here so clients can discover the login.
 */
export function mcpUnauthorized(oauth: OAuth | undefined) {
  return (request: FastifyRequest, reply: FastifyReply): void => {
    if (oauth !== undefined) oauthChallenge(oauth, request, reply);
  };
}

/**
 * Who may use /mcp: whoever the API's auth admits and, with MCP_PUBLIC=true, anyone without
 * credentials as a public principal limited per client address (MCP_PUBLIC_RATE_LIMIT). Public
 * callers reach CoinGlass only through the shared core, so its quota bounds them like everyone.
 */
export function mcpProtection(config: ApiConfig, oauth?: OAuth): ProtectionOptions {
  return {
    anonymous: config.mcpPublic ? (request) => publicPrincipal(request.ip) : undefined,
    maxFor: (p: Principal | undefined) =>
      p?.kind === "public" ? config.mcpPublicRateLimit : config.rateLimitPerMinute,
    onUnauthorized: mcpUnauthorized(oauth),
    oauth,
  };
}
