import type { OpenAPIV3_1 } from "openapi-types";
import type { ApiConfig } from "./config.js";
import { OPERATIONS } from "./operations.js";

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
      },
    },
    tags: [
      { name: "market", description: "Market data" },
      { name: "service", description: "Service status and metadata" },
    ],
  } satisfies Partial<OpenAPIV3_1.Document>;
}

const GPT_OPERATIONS = new Set(OPERATIONS.filter((o) => o.gpt).map((o) => o.operationId));

/**
 * The document to upload to a custom GPT's Actions: only the data operations a GPT should call,
 * each marked `x-openai-isConsequential: false` (read-only, no confirmation), one https server.
 */
export function chatGptSchema(doc: OpenAPIV3_1.Document, publicUrl: string): OpenAPIV3_1.Document {
  if (!publicUrl.startsWith("https://"))
    throw new Error("PUBLIC_URL must be an https:// URL for GPT Actions");
  const paths: OpenAPIV3_1.PathsObject = {};
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    const get = item?.get;
    if (get?.operationId === undefined || !GPT_OPERATIONS.has(get.operationId)) continue;
    paths[path] = { get: { ...get, "x-openai-isConsequential": false } } as OpenAPIV3_1.PathItemObject;
  }
  const schemas = usedSchemas(paths, doc.components?.schemas ?? {});
  return {
    ...doc,
    servers: [{ url: publicUrl.replace(/\/$/, "") }],
    paths,
    components: {
      ...doc.components,
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
