import type { ApiDeps } from "../deps.js";
import type { Operation } from "../operation.js";
import type { Principal } from "../security/principal.js";
import { type PreparedBody, prepareBody, renderBody, renderRepeat } from "./envelope.js";
import type { ResponseCache } from "./response-cache.js";
import { snakePath, toSnake } from "./snake-case.js";

/** Longest URL worth remembering (characters): real requests are far shorter. */
const MAX_REMEMBERED_URL = 512;
/** Map entry, closure and parsed query, roughly (bytes). */
const ENTRY_OVERHEAD = 400;

/** The key of one answer: the operation and its parsed parameters, symbol case-folded. */
export function answerKey(op: Operation, query: Record<string, unknown>): string {
  let key = op.operationId;
  for (const name of Object.keys(query).sort()) {
    const v = query[name];
    if (v === undefined) continue;
    key += `&${name}=${name === "symbol" ? String(v).trim().toUpperCase() : String(v)}`;
  }
  return key;
}

async function load(
  deps: ApiDeps,
  op: Operation,
  query: Record<string, unknown>,
  principal?: Principal,
): Promise<PreparedBody> {
  const r = await op.run(deps, query, principal);
  const meta = { ...r.meta, missing: r.meta.missing.map(snakePath) };
  return prepareBody(op.withSymbol ? r.symbol : undefined, toSnake(r.data), meta, Date.now());
}

/**
 * Answer one operation as an envelope string. Held operations serve the body serialized at the
 * last refresh (only timestamp, cached and age_ms are written per request); the others are
 * computed per call. `fromUrl` finds a held answer by the exact request URL, so a repeated request
 * skips parameter validation too (the URL was validated when the answer was first made for it).
 */
export function createOperationServer(deps: ApiDeps, cache: ResponseCache, maxUrlBytes = 2 * 1024 * 1024) {
  const urls = new Map<string, { key: string; loader: () => Promise<PreparedBody>; bytes: number }>();
  let urlBytes = 0;

  /**
   * Remember a validated URL, bounded by bytes rather than count: URLs longer than any real
   * request's are not remembered at all (they are answered from the cache by their parsed
   * parameters), and past the budget the oldest go first.
   */
  function remember(url: string, key: string, loader: () => Promise<PreparedBody>): void {
    if (url.length > MAX_REMEMBERED_URL || urls.has(url)) return;
    const bytes = 2 * (url.length + key.length) + ENTRY_OVERHEAD;
    urls.set(url, { key, loader, bytes });
    urlBytes += bytes;
    for (const [old, e] of urls) {
      if (urlBytes <= maxUrlBytes) break;
      urls.delete(old);
      urlBytes -= e.bytes;
    }
  }

  /** `principal` reaches only operations that are not held: a held answer is everyone's. */
  async function serve(
    op: Operation,
    query: Record<string, unknown>,
    url?: string,
    principal?: Principal,
  ): Promise<string> {
    if (!op.hold) return renderBody(await load(deps, op, query, principal), Date.now(), true);
    const key = answerKey(op, query);
    const loader = () => load(deps, op, query);
    if (url !== undefined) remember(url, key, loader);
    const now = Date.now();
    const held = cache.peek(key, now, loader);
    if (held !== undefined) return renderBody(held, now, false);
    const body = await cache.load(key, loader);
    return renderBody(body, Date.now(), true);
  }

  function fromUrl(url: string): Buffer | undefined {
    const known = urls.get(url);
    if (known === undefined) return undefined;
    const now = Date.now();
    const held = cache.peek(known.key, now, known.loader);
    return held === undefined ? undefined : renderRepeat(held, now);
  }

  return { serve, fromUrl, urlStats: () => ({ count: urls.size, bytes: urlBytes }) };
}

export type OperationServer = ReturnType<typeof createOperationServer>;
