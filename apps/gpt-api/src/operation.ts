import type { MarketResult } from "@teleglas/market-data-core";
import type { z } from "zod";
import type { ApiDeps } from "./deps.js";
import type { Principal, Scope } from "./security/principal.js";

/** One read-only operation, served over HTTP (GET) and as an MCP tool. */
export interface Operation {
  operationId: string;
  path: string;
  summary: string;
  /** At most 300 characters (GPT Actions). */
  description: string;
  query: z.ZodObject;
  data: z.ZodType;
  /** Whether the envelope carries a top-level `symbol`. */
  withSymbol: boolean;
  /** Serialized answers are held and served again (see response-cache.ts). */
  hold: boolean;
  /** Listed in chatgpt_schema.json. */
  gpt: boolean;
  /** What a caller needs (default `market:read`); MCP hides a tool whose scope the caller lacks. */
  scope?: Scope;
  /** Answered without CoinGlass (the MCP tool's `openWorldHint` is then false). */
  local?: boolean;
  /** `principal` is who asks (person-scoped operations answer only their own data). */
  run(deps: ApiDeps, query: Record<string, unknown>, principal?: Principal): Promise<MarketResult<unknown>>;
}

/** Checks an operation against the interface where it is written. */
export const op = (o: Operation) => o;
/** The validated `symbol` query parameter. */
export const s = (q: Record<string, unknown>) => String(q.symbol);
/** The scope an operation needs. */
export const scopeOf = (o: Operation): Scope => o.scope ?? "market:read";
