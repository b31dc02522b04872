import type { OpenAPIV3_1 } from "openapi-types";
import type { ApiConfig } from "./config.js";
import { OPERATIONS } from "./operations.js";
import { SCOPE_TEXT, SCOPES } from "./security/principal.js";

/** The OAuth 2.1 authorization-code flow of this server, as an OpenAPI security scheme. */
export function oauthScheme(origin: string, scopes: readonly string[] = SCOPES) {
  const base = origin.replace(/\/$/, "");
  return {
    type: "oauth2" as const,
    description:
      "OAuth 2.1 (authorization code + PKCE S256) on this server: log in with a code from the Telegram bot's /connect, or an operator key.",
    flows: {
      authorizationCode: {
        authorizationUrl: `${base}/oauth/authorize`,
        tokenUrl: `${base}/oauth/token`,
        refreshUrl: `${base}/oauth/token`,
        scopes: Object.fromEntries(scopes.map((s) => [s, SCOPE_TEXT[s as keyof typeof SCOPE_TEXT].en])),
      },
    },
  };
}

/** Options of @fastify/swagger: OpenAPI 3.1 with the bearer scheme and `servers` from PUBLIC_URL. */
export function swaggerDocument(config: ApiConfig, version: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "TELEGLAS GPT API",
      version,
      description:
        "Read-only crypto derivatives market data (CoinGlass): snapshots, liquidations, whales, order books, funding, open interest, sentiment and TELEGLAS alerts. Every response uses one envelope: success, timestamp, data, meta (cached, stale, age_ms, missing) or error (code, message, hint).",
    },
    servers: [{ url: config.publicUrl ?? `http://${config.host}:${config.port}` }],
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "One of the keys in GPT_API_KEYS." },
        oauth: oauthScheme(config.oauthIssuer ?? config.publicUrl ?? `http://${config.host}:${config.port}`),
      },
    },
    tags: [
      { name: "market", description: "Market data" },
      { name: "personal", description: "The logged-in person's own data (OAuth, scope alerts:read)" },
      { name: "service", description: "Service status and metadata" },
    ],
  } satisfies Partial<OpenAPIV3_1.Document>;
}

const GPT_OPERATIONS = new Set(OPERATIONS.filter((o) => o.gpt).map((o) => o.operationId));

/** Every error of a GPT operation in one response: the GPT reads `error.code` and `hint`. */
const GPT_ERROR_RESPONSE = {
  description:
    "Error envelope: error.code (UNKNOWN_SYMBOL, INVALID_PARAM, UNAUTHORIZED, RATE_LIMITED, UPSTREAM_UNAVAILABLE, …), message and hint say what to do.",
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
};

/** Phrases every nullable field repeats; the document says it once instead. */
const NULL_PHRASES = /; null when (CoinGlass did not give it|not given)\./g;

/** The bounds zod gives every integer (±2^53 − 1): they say nothing a reader needs. */
const safeBound = (k: string, v: unknown) =>
  (k === "minimum" && v === Number.MIN_SAFE_INTEGER) || (k === "maximum" && v === Number.MAX_SAFE_INTEGER);

/**
 * A copy without response-field examples, repeated null phrases and the integers' ±2^53 bounds.
 * `additionalProperties: false` stays: it is what lets a client (and the e2e test) notice a field
 * the schema does not name.
 */
function trimmed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(trimmed);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === "examples" || safeBound(k, v)) continue;
    out[k] = k === "description" && typeof v === "string" ? v.replace(NULL_PHRASES, ".") : trimmed(v);
  }
  return out;
}

/**
 * The document to upload to (or import by URL into) a custom GPT's Actions: only the data
 * operations a GPT should call, each marked `x-openai-isConsequential: false` (read-only, no
 * confirmation), one https server. Kept small, as ChatGPT reads all of it: parameters keep their
 * examples, response fields keep their descriptions but not their examples, and the error
 * responses are one shared `default`.
 */
export function chatGptSchema(
  doc: OpenAPIV3_1.Document,
  publicUrl: string,
  /** `oauth`: the GPT's Actions sign in with OAuth (scope market:read) instead of an API key. */
  auth: "bearer" | "oauth" = "bearer",
): OpenAPIV3_1.Document {
  if (!publicUrl.startsWith("https://"))
    throw new Error("PUBLIC_URL must be an https:// URL for GPT Actions");
  const paths: OpenAPIV3_1.PathsObject = {};
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    const get = item?.get;
    if (get?.operationId === undefined || !GPT_OPERATIONS.has(get.operationId)) continue;
    const ok = get.responses?.["200"];
    paths[path] = {
      get: {
        ...get,
        responses: { "200": trimmed(ok), default: GPT_ERROR_RESPONSE },
        security: auth === "oauth" ? [{ oauth: ["market:read"] }] : get.security,
        "x-openai-isConsequential": false,
      },
    } as OpenAPIV3_1.PathItemObject;
  }
  const schemas = trimmed(usedSchemas(paths, doc.components?.schemas ?? {}));
  const { responses: _shared, ...components } = doc.components ?? {};
  return {
    ...doc,
    info: {
      ...doc.info,
      description: `${doc.info.description} A number is null when CoinGlass did not give it (meta.missing names it).`,
    },
    servers: [{ url: publicUrl.replace(/\/$/, "") }],
    paths,
    components: {
      ...components,
      securitySchemes:
        auth === "oauth"
          ? { oauth: oauthScheme(publicUrl, ["market:read"]) }
          : { bearerAuth: components.securitySchemes?.bearerAuth as OpenAPIV3_1.SecuritySchemeObject },
      schemas: schemas as NonNullable<OpenAPIV3_1.ComponentsObject["schemas"]>,
    },
  };
}

/** Only the component schemas the kept paths reference (directly or through other components). */
function usedSchemas(paths: unknown, all: Record<string, unknown>): Record<string, unknown> {
  const used: Record<string, unknown> = {};
  const queue = [JSON.stringify(paths)];
  while (queue.length > 0) {
    for (const m of (queue.pop() ?? "").matchAll(/#\/components\/schemas\/([A-Za-z0-9_.-]+)/g)) {
      const name = m[1] as string;
      if (name in used || !(name in all)) continue;
      used[name] = all[name];
      queue.push(JSON.stringify(all[name]));
    }
  }
  return used;
}
