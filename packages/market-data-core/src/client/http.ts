import { Agent, request } from "undici";
import type { CoinGlassPlan } from "../config/env.js";
import {
  CoinGlassApiError,
  CoinGlassError,
  CoinGlassHttpError,
  PlanError,
  RateLimitError,
  TimeoutError,
  upstreamOutcome,
} from "../models/errors.js";
import type { CoreEvent, Lane } from "../models/result.js";
import type { Quota } from "../quota/types.js";
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
  text(): Promise<string>;
}

/** A GET that returns the envelope's `data` after the body `code` checks. */
export interface Transport {
  get(endpoint: string, params: Params, lane: Lane): Promise<unknown>;
  stats(): { calls: number; errors: number };
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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
      return { status: r.status, headers: (n) => r.headers.get(n), text: () => r.text() };
    }
    const r = await request(url, { method: "GET", headers, signal, dispatcher: agent ?? undefined });
    return {
      status: r.statusCode,
      headers: (n) => {
        const v = r.headers[n.toLowerCase()];
        return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
      },
      text: () => r.body.text(),
    };
  }

  /** One attempt: HTTP, envelope and body-code checks. Never puts the key or query in a message. */
  async function attempt(endpoint: string, url: string, params: Params): Promise<unknown> {
    const signal = AbortSignal.timeout(timeoutMs);
    let res: RawResponse;
    let text: string;
    try {
      res = await send(url, signal);
      text = await res.text();
    } catch (error) {
      if (signal.aborted) throw new TimeoutError(endpoint, timeoutMs);
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
    async get(endpoint, params, lane) {
      const qs = new URLSearchParams();
      for (const [k, v] of Object.entries(params)) if (v !== undefined) qs.set(k, String(v));
      const url = `${base}${endpoint}${qs.size > 0 ? `?${qs}` : ""}`;
      for (let n = 0; ; n++) {
        // A person should not wait minutes behind an exhausted budget: give up (the cache may
        // still serve a stale value) instead of queueing forever. Not retried.
        const queueMs = opts.queueTimeoutMs?.[lane] ?? (lane === "interactive" ? 30_000 : 120_000);
        const ticket = await opts.quota
          .acquire(lane, AbortSignal.timeout(queueMs))
          .catch((error: unknown) => {
            if (error instanceof CoinGlassError) throw error;
            throw new RateLimitError(endpoint, null, `upstream budget exhausted, waited ${queueMs} ms`);
          });
        const started = performance.now();
        counters.calls++;
        try {
          const data = await attempt(endpoint, url, params).finally(() => ticket.done());
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
          const again = n < retries && retryable(error);
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
          await sleep(Math.min(maxDelay, Math.max(hint, Math.random() * cap)));
        }
      }
    },
    stats: () => ({ ...counters }),
    async close() {
      await agent?.close();
    },
  };
}
