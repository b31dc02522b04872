import type { MarketData, MarketResult } from "@teleglas/market-data-core";
import { z } from "zod";
import type { ApiDeps } from "./deps.js";
import { snakeSchema } from "./http/snake-case.js";
import { symbolParam } from "./schemas/params.js";
import type { Principal, Scope } from "./security/principal.js";

/** One read-only operation, served over HTTP (GET) and as an MCP tool. */
export interface Operation<Q extends z.ZodObject = z.ZodObject> {
  operationId: string;
  path: string;
  summary: string;
  /** At most 300 characters (GPT Actions). */
  description: string;
  query: Q;
  /** The answer's `data`: the core model `run` answers with, snake_cased (http/snake-case.ts). */
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
  /**
   * `query` is the validated query; `principal` is who asks (person-scoped operations answer
   * only their own data). A method, so an operation of any query fits the table's type.
   */
  run(deps: ApiDeps, query: z.output<Q>, principal?: Principal): Promise<MarketResult<unknown>>;
}

/** An operation as written: `model` is the camelCase core schema whose values `run` answers. */
export interface OperationSpec<Q extends z.ZodObject, M extends z.ZodType>
  extends Omit<Operation<Q>, "data" | "run"> {
  model: M;
  run(deps: ApiDeps, query: z.output<Q>, principal?: Principal): Promise<MarketResult<z.output<M>>>;
}

/**
 * Checks an operation where it is written: `run` receives its parsed query and must answer with
 * the model, whose snake_case form is the documented answer.
 */
export function defineOperation<Q extends z.ZodObject, M extends z.ZodType>({
  model,
  ...o
}: OperationSpec<Q, M>): Operation<Q> {
  return { ...o, data: snakeSchema(model) };
}

const coinQuery = z.object({ symbol: symbolParam });

/**
 * An operation about one coin that takes only `symbol` and answers one market service (which
 * resolves the symbol as people write it).
 */
export function coinOperation<M extends z.ZodType>(
  o: Pick<Operation, "operationId" | "path" | "summary" | "description"> & {
    model: M;
    service: (market: MarketData, symbol: string) => Promise<MarketResult<z.output<M>>>;
  },
) {
  const { service, ...spec } = o;
  return defineOperation({
    ...spec,
    query: coinQuery,
    withSymbol: true,
    hold: true,
    gpt: true,
    run: ({ core }, q) => service(core.market, q.symbol),
  });
}

/** The scope an operation needs. */
export const scopeOf = (o: Operation): Scope => o.scope ?? "market:read";
