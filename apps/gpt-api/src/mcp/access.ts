import { isIP } from "node:net";
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
 * The address a public caller is counted by: an IPv4 address as it is (IPv4-mapped IPv6 too), an
 * IPv6 address by its /64, the block one subscriber gets, so a client cannot take a fresh
 * allowance from each of its 2^64 addresses.
 */
export function addressBucket(ip: string): string {
  const mapped = ip.startsWith("::ffff:") && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip;
  if (isIP(mapped) !== 6) return mapped;
  const [head = "", tail = ""] = mapped.split("::");
  const left = head === "" ? [] : head.split(":");
  const right = tail === "" ? [] : tail.split(":");
  const groups = mapped.includes("::")
    ? [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(":")}::/64`;
}

/**
 * Who may use /mcp: whoever the API's auth admits and, with MCP_PUBLIC=true, anyone without
 * credentials as a public principal limited per client address (MCP_PUBLIC_RATE_LIMIT). Public
 * callers reach CoinGlass only through the shared core, so its quota bounds them like everyone.
 */
export function mcpProtection(config: ApiConfig, oauth?: OAuth): ProtectionOptions {
  return {
    anonymous: config.mcpPublic ? (request) => publicPrincipal(addressBucket(request.ip)) : undefined,
    maxFor: (p: Principal | undefined) =>
      p?.kind === "public" ? config.mcpPublicRateLimit : config.rateLimitPerMinute,
    onUnauthorized: mcpUnauthorized(oauth),
    oauth,
  };
}
