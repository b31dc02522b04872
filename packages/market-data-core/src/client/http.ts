import { Agent, request } from "undici";
import type { CoinGlassPlan } from "../config/env.js";
import {
  CoinGlassApiError,
  CoinGlassError,
  CoinGlassHttpError,
  InvalidAnswerError,
  PlanError,
  RateLimitError,
  TimeoutError,
  upstreamOutcome,
} from "../models/errors.js";
import type { CoreEvent, Lane } from "../models/result.js";
import type { Quota } from "../quota/types.js";
import { maxBodyBytes } from "./limits.js";
import { requiredPlan } from "./plans.js";

/** Retry policy for transient failures (429, 5xx, timeouts, network errors). */
export interface RetryOptions {
  /** Extra attempts after the first, default 3. */
  retries?: number;
  /** Base of the exponential backoff, default 250 ms. */
  minDelayMs?: number;
  /** Cap of one backoff, default 4,000 ms. */
  maxDelayMs?: number;
}

/** Options of the HTTP transport. */
export interface TransportOptions {
  apiKey: string;
  baseUrl: string;
  plan: CoinGlassPlan;
  timeoutMs?: number;
  /** Longest wait for the upstream budget before giving up with `RateLimitError` (default 30 s interactive, 120 s background). */
  queueTimeoutMs?: Partial<Record<Lane, number>>;
  retry?: RetryOptions;
  quota: Quota;
  /** Swap the HTTP layer (tests, proxies). Default: undici `request` on a keep-alive Agent. */
  fetch?: typeof fetch;
  onEvent?: (e: CoreEvent) => void;
}

type Params = Record<string, string | number | undefined>;

interface RawResponse {
  status: number;
  headers: (name: string) => string | null;
  /** The body as a stream of chunks (a Node Readable or a web ReadableStream). */
  body: AsyncIterable<Uint8Array> | null;
}

/** A GET that returns the envelope's `data` after the body `code` checks. */
export interface Transport {
  /** `deadlineAt` (epoch ms) bounds the whole call: the quota wait, every attempt and the retries. */
  get(endpoint: string, params: Params, lane: Lane, deadlineAt?: number): Promise<unknown>;
  stats(): { calls: number; errors: number };
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Read a body as text, at most `limit` bytes: past it (or when Content-Length already says so)
 * reading stops and the stream is released, so an oversize answer never sits in memory whole.
 */
async function readCapped(res: RawResponse, endpoint: string, limit: number): Promise<string> {
  const declared = Number(res.headers("content-length"));
  const chunks: Uint8Array[] = [];
  let size = Number.isFinite(declared) ? declared : 0;
  if (size <= limit && res.body) {
    size = 0;
    for await (const chunk of res.body) {
      size += chunk.byteLength;
      if (size > limit) break; // leaving the loop destroys / cancels the stream
      chunks.push(chunk);
    }
  } else if (res.body && "destroy" in res.body) {
    (res.body as { destroy(): void }).destroy();
  }
  if (size > limit) {
    throw new InvalidAnswerError(endpoint, "oversize", `more than ${limit} bytes (cap of this endpoint)`);
  }
  return Buffer.concat(chunks).toString("utf8");
}
/** Whether another attempt may help. Auth, plan and parameter errors never get better. */
function retryable(error: unknown): boolean {
  if (error instanceof RateLimitError || error instanceof TimeoutError) return true;
  if (error instanceof CoinGlassHttpError) return error.status === 0 || error.status >= 500;
  if (error instanceof CoinGlassApiError) return error.code === "500" || error.code === "408";
  return false;
}

export function createTransport(opts: TransportOptions): Transport {
  const base = opts.baseUrl.replace(/\/+$/, "");
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const retries = opts.retry?.retries ?? 3;
  const minDelay = opts.retry?.minDelayMs ?? 250;
  const maxDelay = opts.retry?.maxDelayMs ?? 4_000;
  // Keep-alive sockets: a cold `getRaw` fans out ~15 requests at once; reusing connections
  // saves a TCP handshake each time.
  const agent = opts.fetch ? null : new Agent({ keepAliveTimeout: 30_000, connections: 64, pipelining: 1 });
  const counters = { calls: 0, errors: 0 };

  async function send(url: string, signal: AbortSignal): Promise<RawResponse> {
    const headers = { "CG-API-KEY": opts.apiKey, accept: "application/json" };
    if (opts.fetch) {
      const r = await opts.fetch(url, { headers, signal });
      const body = r.body as unknown as AsyncIterable<Uint8Array> | null;
      return { status: r.status, headers: (n) => r.headers.get(n), body };
    }
    const r = await request(url, { method: "GET", headers, signal, dispatcher: agent ?? undefined });
    return {
      status: r.statusCode,
      headers: (n) => {
        const v = r.headers[n.toLowerCase()];
        return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
      },
      body: r.body,
    };
  }

  /** One attempt: HTTP, envelope and body-code checks. Never puts the key or query in a message. */
  async function attempt(endpoint: string, url: string, params: Params, waitMs: number): Promise<unknown> {
    const signal = AbortSignal.timeout(waitMs);
    let res: RawResponse;
    let text: string;
    try {
      res = await send(url, signal);
      text = await readCapped(res, endpoint, maxBodyBytes(endpoint));
    } catch (error) {
      if (error instanceof InvalidAnswerError) {
        opts.onEvent?.({ type: "upstream_rejected", endpoint, reason: "oversize" });
        throw error;
      }
      if (signal.aborted) throw new TimeoutError(endpoint, waitMs);
      throw new CoinGlassHttpError(0, endpoint, error);
    }
    const used = Number(res.headers("API-KEY-USE-LIMIT"));
    const max = Number(res.headers("API-KEY-MAX-LIMIT"));
    if (Number.isFinite(used) && res.headers("API-KEY-USE-LIMIT") !== null) {
      opts.quota.sync(used, Number.isFinite(max) && max > 0 ? max : null);
    }
    type Envelope = { code?: unknown; msg?: unknown; data?: unknown };
    let body: Envelope | null;
    try {
      body = JSON.parse(text) as Envelope;
    } catch {
      body = null;
    }
    const code = body && body.code !== undefined ? String(body.code) : null;
    const msg = body && typeof body.msg === "string" ? body.msg : "";
    if (res.status === 429 || code === "429") {
      const after = Number(res.headers("Retry-After"));
      throw new RateLimitError(endpoint, Number.isFinite(after) && after > 0 ? after * 1000 : null);
    }
    if (res.status >= 500) throw new CoinGlassHttpError(res.status, endpoint);
    if (/upgrade plan/i.test(msg) || code === "40001") {
      throw new PlanError(endpoint, requiredPlan(endpoint, params), opts.plan);
    }
    if (code !== null && code !== "0") throw new CoinGlassApiError(code, msg, endpoint);
    if (res.status < 200 || res.status >= 300) throw new CoinGlassHttpError(res.status, endpoint);
    if (code === null)
      throw new CoinGlassError(`CoinGlass ${endpoint} answered without an envelope`, { endpoint });
    return body?.data;
  }

  return {
    async get(endpoint, params, lane, deadlineAt) {
      const qs = new URLSearchParams();
      for (const [k, v] of Object.entries(params)) if (v !== undefined) qs.set(k, String(v));
      const url = `${base}${endpoint}${qs.size > 0 ? `?${qs}` : ""}`;
      const left = () => (deadlineAt === undefined ? Number.POSITIVE_INFINITY : deadlineAt - Date.now());
      for (let n = 0; ; n++) {
        if (left() <= 0) throw new TimeoutError(endpoint, 0);
        // A person should not wait minutes behind an exhausted budget: give up (the cache may
        // still serve a stale value) instead of queueing forever. Not retried.
        const queueMs = Math.min(
          opts.queueTimeoutMs?.[lane] ?? (lane === "interactive" ? 30_000 : 120_000),
          left(),
        );
        const ticket = await opts.quota
          .acquire(lane, AbortSignal.timeout(queueMs))
          .catch((error: unknown) => {
            if (error instanceof CoinGlassError) throw error;
            if (left() <= 0) throw new TimeoutError(endpoint, queueMs);
            throw new RateLimitError(endpoint, null, `upstream budget exhausted, waited ${queueMs} ms`);
          });
        const started = performance.now();
        counters.calls++;
        const waitMs = Math.max(1, Math.min(timeoutMs, left()));
        try {
          const data = await attempt(endpoint, url, params, waitMs).finally(() => ticket.done());
          opts.onEvent?.({
            type: "upstream",
            endpoint,
            status: 200,
            ms: performance.now() - started,
            lane,
            attempt: n,
          });
          return data;
        } catch (error) {
          counters.errors++;
          // A retry that could not finish before the caller's deadline is not worth its quota.
          const again = n < retries && retryable(error) && left() > minDelay;
          opts.onEvent?.({
            type: "upstream_error",
            endpoint,
            error: String(error),
            outcome: upstreamOutcome(error),
            ms: performance.now() - started,
            attempt: n,
            willRetry: again,
          });
          if (!again) throw error;
          // Full jitter: spreads the retries of many callers instead of synchronising them.
          const cap = Math.min(maxDelay, minDelay * 2 ** n);
          const hint = error instanceof RateLimitError && error.retryAfterMs ? error.retryAfterMs : 0;
          await sleep(Math.min(maxDelay, left() - minDelay, Math.max(hint, Math.random() * cap)));
        }
      }
    },
    stats: () => ({ ...counters }),
    async close() {
      await agent?.close();
    },
  };
}
