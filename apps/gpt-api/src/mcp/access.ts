import type { FastifyReply, FastifyRequest } from "fastify";
import type { ApiConfig } from "../config.js";
import type { ProtectionOptions } from "../http/security.js";
import { type Principal, publicPrincipal } from "../security/principal.js";

/**
 * The one place a /mcp request without valid credentials is refused (401 in the envelope). OAuth
 * adds `WWW-Authenticate: Bearer resource_metadata="…"` here so clients can discover the login.
 */
export function mcpUnauthorized(_request: FastifyRequest, _reply: FastifyReply): void {}

/**
 * Who may use /mcp: whoever the API's auth admits and, with MCP_PUBLIC=true, anyone without
 * credentials as a public principal limited per client address (MCP_PUBLIC_RATE_LIMIT). Public
 * callers reach CoinGlass only through the shared core, so its quota bounds them like everyone.
 */
export function mcpProtection(config: ApiConfig): ProtectionOptions {
  return {
    anonymous: config.mcpPublic ? (request) => publicPrincipal(request.ip) : undefined,
    maxFor: (p: Principal | undefined) =>
      p?.kind === "public" ? config.mcpPublicRateLimit : config.rateLimitPerMinute,
    onUnauthorized: mcpUnauthorized,
  };
}
