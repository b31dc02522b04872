import { bool, commonEnvSchema, csv, parseEnv } from "@teleglas/market-data-core";
import type { JWK } from "jose";
import { z } from "zod";
import { createIpAllowlist } from "./security/ip-allowlist.js";

const DEFAULT_CORS_ORIGINS = ["https://chat.openai.com", "https://chatgpt.com"];

/** Every entry must be an IP address or a CIDR (IPv4 or IPv6). */
function ipList(entries: string[], ctx: z.RefinementCtx): void {
  try {
    createIpAllowlist(entries);
  } catch (error) {
    ctx.addIssue({ code: "custom", message: (error as Error).message });
  }
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * The public origin: https, or http only on this machine (ChatGPT calls only https, and a plain
 * http origin elsewhere would send keys in clear).
 */
export const publicUrlSchema = z.url("must be a URL, e.g. https://api.example.com").refine((u) => {
  // Zod runs this check even after the URL check failed: only judge what parses.
  const url = URL.canParse(u) ? new URL(u) : undefined;
  return (
    url === undefined || url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK.has(url.hostname))
  );
}, "must be an https:// URL (http:// only for localhost), e.g. https://api.example.com");

/** The gpt-api's environment (design.md's table plus GPT_API_CORS_ORIGINS). */
export const apiEnvSchema = commonEnvSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(8000),
  HOST: z.string().default("127.0.0.1"),
  GPT_API_KEYS: csv
    .default([])
    .refine((keys) => keys.every((k) => k.length >= 16), "every key must be at least 16 characters"),
  GPT_API_REQUIRE_AUTH: bool.default(true),
  GPT_API_IP_ALLOWLIST: csv.default([]).superRefine(ipList),
  GPT_API_RATE_LIMIT: z.coerce.number().int().positive().default(120),
  GPT_API_TRUST_PROXY: csv.default([]).superRefine(ipList),
  GPT_API_CORS_ORIGINS: csv.default(DEFAULT_CORS_ORIGINS),
  PUBLIC_URL: publicUrlSchema.optional(),
  PRIVACY_OPERATOR: z.string().max(200).optional(),
  PRIVACY_CONTACT: z.string().max(200).optional(),
  PRIVACY_LOG_RETENTION: z.string().max(100).default("14 days"),
  PRIVACY_LOGGED: z.string().max(2000).optional(),
  MCP_PUBLIC: bool.default(false),
  MCP_PUBLIC_RATE_LIMIT: z.coerce.number().int().positive().default(30),
  OAUTH_COOKIE_KEYS: csv
    .optional()
    .refine(
      (keys) => keys === undefined || keys.every((k) => k.length >= 32),
      "every key must be at least 32 characters",
    ),
  OAUTH_JWKS: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined) return undefined;
      try {
        const jwks = JSON.parse(s) as { keys?: unknown };
        if (Array.isArray(jwks.keys) && jwks.keys.length > 0) return jwks as { keys: JWK[] };
      } catch {}
      ctx.addIssue({
        code: "custom",
        message: 'must be a JSON Web Key Set with private keys, e.g. {"keys":[{"kty":"EC",…}]}',
      });
      return z.NEVER;
    }),
});

export interface PrivacyConfig {
  /** Who runs this server (a person or company). */
  operator: string | undefined;
  /** How to reach them (an email address or URL). */
  contact: string | undefined;
  /** How long logs are kept, in words ("14 days"). */
  logRetention: string;
  /** What is logged, when the operator words it differently from the default. */
  logged: string | undefined;
}

/** What the app needs, already parsed; tests build it with `apiConfig({...})`. */
export interface ApiConfig {
  port: number;
  host: string;
  /** Bearer keys accepted on protected routes. */
  apiKeys: string[];
  requireAuth: boolean;
  /** IPs and CIDRs (IPv4/IPv6); empty = any address. */
  ipAllowlist: string[];
  /** Requests per minute per key. */
  rateLimitPerMinute: number;
  /** Proxy addresses/CIDRs whose X-Forwarded-For is believed; empty = the socket address only. */
  trustProxy: string[];
  corsOrigins: string[];
  /** HTTPS origin written into the OpenAPI `servers`. */
  publicUrl: string | undefined;
  /** Length of one rate-limit window (ms); 60000 in production, tests shrink it. */
  rateWindowMs: number;
  /** How often per-key counters are flushed to Redis (ms). */
  rateSyncMs: number;
  /** Requests without a valid key answered 401 per client address and minute; past it, 429. */
  authFailuresPerMinute: number;
  /** The privacy policy at /privacy (a public GPT links it); absent until operator and contact are set. */
  privacy: PrivacyConfig;
  /** Alert streams (SSE) open at once in this process, and per key. */
  maxStreams: number;
  maxStreamsPerKey: number;
  /** MCP market-data tools for anyone without a login (MCP_PUBLIC), limited per client address. */
  mcpPublic: boolean;
  /** Requests per window of one address on the public MCP tier. */
  mcpPublicRateLimit: number;
  /** Cookie-signing keys and signing keys of the authorization server; generated and kept in Redis when absent. */
  /**
   * Issuer of the OAuth authorization server, which runs when this is set and Redis is there:
   * PUBLIC_URL, or http://HOST:PORT on a loopback host (loadApiConfig derives it).
   */
  oauthIssuer?: string;
  oauthCookieKeys?: string[];
  oauthJwks?: { keys: JWK[] };
}

/** Parse the process environment (main.ts only). Throws ConfigError naming the variable. */
export function loadApiConfig(env: Record<string, string | undefined>) {
  const e = parseEnv(apiEnvSchema, env);
  const config = apiConfig({
    port: e.PORT,
    host: e.HOST,
    apiKeys: e.GPT_API_KEYS,
    requireAuth: e.GPT_API_REQUIRE_AUTH,
    ipAllowlist: e.GPT_API_IP_ALLOWLIST,
    rateLimitPerMinute: e.GPT_API_RATE_LIMIT,
    trustProxy: e.GPT_API_TRUST_PROXY,
    corsOrigins: e.GPT_API_CORS_ORIGINS,
    publicUrl: e.PUBLIC_URL,
    mcpPublic: e.MCP_PUBLIC,
    mcpPublicRateLimit: e.MCP_PUBLIC_RATE_LIMIT,
    oauthIssuer: oauthIssuer(e.PUBLIC_URL, e.HOST, e.PORT),
    oauthCookieKeys: e.OAUTH_COOKIE_KEYS,
    oauthJwks: e.OAUTH_JWKS,
    privacy: {
      operator: e.PRIVACY_OPERATOR,
      contact: e.PRIVACY_CONTACT,
      logRetention: e.PRIVACY_LOG_RETENTION,
      logged: e.PRIVACY_LOGGED,
    },
  });
  return { env: e, config };
}

/** An ApiConfig with defaults for everything not given. */
export function apiConfig(partial: Partial<ApiConfig> = {}): ApiConfig {
  return {
    port: 8000,
    host: "127.0.0.1",
    apiKeys: [],
    requireAuth: true,
    ipAllowlist: [],
    rateLimitPerMinute: 120,
    trustProxy: [],
    corsOrigins: DEFAULT_CORS_ORIGINS,
    publicUrl: undefined,
    rateWindowMs: 60_000,
    rateSyncMs: 100,
    privacy: { operator: undefined, contact: undefined, logRetention: "14 days", logged: undefined },
    authFailuresPerMinute: 30,
    maxStreams: 500,
    maxStreamsPerKey: 5,
    mcpPublic: false,
    mcpPublicRateLimit: 30,
    ...partial,
  };
}

/**
 * The authorization server's issuer (and the only token audience): PUBLIC_URL, or the local
 * address when the API listens on a fixed loopback port; undefined = no OAuth.
 */
export function oauthIssuer(publicUrl: string | undefined, host: string, port: number): string | undefined {
  if (publicUrl !== undefined) return publicUrl.replace(/\/$/, "");
  const h = host === "::1" ? "[::1]" : host;
  return LOOPBACK.has(h) && port > 0 ? `http://${h}:${port}` : undefined;
}
