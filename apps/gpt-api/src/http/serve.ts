import type { ResultMeta } from "@teleglas/market-data-core";
import type { ApiDeps } from "../deps.js";
import type { Operation } from "../operation.js";
import type { Principal } from "../security/principal.js";
import { type PreparedBody, prepareBody, renderBody, renderRepeat } from "./envelope.js";
import { snakePath, toSnake } from "./snake-case.js";

/**
 * Answer operations as envelope bytes. The answers come from the core's answer cache
 * (`market.held`: one read-through cache, one freshness policy); this only keeps the serialized
 * envelope beside each held answer, so an answer is serialized once per refresh, not per request
 * (only timestamp, cached and age_ms are written per request).
 *
 * The bytes are keyed on the answer's `meta`: the core serves a held answer as the same object,
 * and an operation that reshapes the data (`{ ...r, data }`) keeps its meta. An answer marked
 * stale after a failed refresh is another object, so it is serialized anew, once.
 */
export function createOperationServer(deps: ApiDeps) {
  const served: ApiDeps = { ...deps, core: { ...deps.core, market: deps.core.market.held } };
  const bodies = new Map<Operation, WeakMap<ResultMeta, PreparedBody>>();

  async function answer(op: Operation, query: Record<string, unknown>, principal?: Principal) {
    const r = await op.run(served, query, principal);
    const prepare = (builtAt: number) =>
      prepareBody(
        op.withSymbol ? r.symbol : undefined,
        toSnake(r.data),
        { ...r.meta, missing: r.meta.missing.map(snakePath) },
        builtAt,
      );
    // `principal` reaches only operations that are not held: a held answer is everyone's.
    if (!op.hold) return { body: prepare(Date.now()), first: true };
    let held = bodies.get(op);
    if (held === undefined) {
      held = new WeakMap();
      bodies.set(op, held);
    }
    const known = held.get(r.meta);
    if (known !== undefined) return { body: known, first: false };
    // Aged from when the core assembled it (its oldest part's time plus that part's age then), so
    // a body serialized later, like a stale-marked copy, does not look younger than it is.
    const body = prepare(Math.min(Date.now(), r.meta.asOf + r.meta.ageMs));
    held.set(r.meta, body);
    return { body, first: true };
  }

  return {
    /** The envelope as a string (MCP, personal routes). */
    async serve(op: Operation, query: Record<string, unknown>, principal?: Principal): Promise<string> {
      const { body, first } = await answer(op, query, principal);
      return renderBody(body, Date.now(), first);
    },
    /** The envelope as bytes: a repeat shares the bytes of its millisecond (envelope.ts). */
    async send(op: Operation, query: Record<string, unknown>): Promise<string | Buffer> {
      const { body, first } = await answer(op, query);
      const now = Date.now();
      return first ? renderBody(body, now, true) : renderRepeat(body, now);
    },
  };
}

export type OperationServer = ReturnType<typeof createOperationServer>;
