/** One line of the smoke report. */
export interface SmokeCheck {
  name: string;
  ok: boolean;
  /** HTTP status seen (null when the request failed before an answer). */
  status: number | null;
  ms: number;
  detail: string;
  /** The start of the body, for --verbose. */
  body?: string;
}

export interface SmokeOptions {
  /** Origin of the deployed API, e.g. https://api.example.com */
  url: string;
  /** A valid bearer key. */
  key: string;
  /** Coins every per-symbol route is called for (default BTC, ETH). */
  symbols?: string[];
  /** A single request slower than this fails the response-time check (default 3000 ms). */
  slowMs?: number;
  /** Per-request timeout (default 15000 ms). */
  timeoutMs?: number;
}

export interface SmokeReport {
  ok: boolean;
  checks: SmokeCheck[];
}

interface Answer {
  status: number | null;
  ms: number;
  headers: Headers | null;
  json: unknown;
  text: string;
  error?: string;
}

type Envelope = {
  success?: boolean;
  timestamp?: string;
  symbol?: string;
  data?: unknown;
  meta?: { stale?: boolean; missing?: unknown[] };
  error?: { code?: string; message?: string };
};

/** Routes that stream (SSE) or speak another protocol: not called as plain GETs. */
const SKIP = [/stream/, /^\/mcp/, /^\/docs/, /^\/metrics/];

/**
 * Checks a running GPT API from outside, the way a GPT Action would call it: public endpoints,
 * bearer auth, every data route for a couple of symbols, input validation, rate-limit headers and
 * response times. Data routes are read from the API's own /openapi.json, so new routes are covered
 * without editing this file. The key is sent only in the Authorization header and never reported.
 */
export async function runSmoke(opts: SmokeOptions): Promise<SmokeReport> {
  const base = opts.url.replace(/\/+$/, "");
  const symbols = opts.symbols ?? ["BTC", "ETH"];
  const slowMs = opts.slowMs ?? 3000;
  const checks: SmokeCheck[] = [];
  const auth = { authorization: `Bearer ${opts.key}` };

  const get = async (path: string, headers: Record<string, string> = {}): Promise<Answer> => {
    const started = performance.now();
    try {
      const res = await fetch(`${base}${path}`, {
        headers,
        signal: AbortSignal.timeout(opts.timeoutMs ?? 15_000),
      });
      const text = await res.text();
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {}
      return { status: res.status, ms: performance.now() - started, headers: res.headers, json, text };
    } catch (error) {
      const message =
        error instanceof Error
          ? error.cause instanceof Error
            ? error.cause.message
            : error.message
          : String(error);
      return {
        status: null,
        ms: performance.now() - started,
        headers: null,
        json: null,
        text: "",
        error: message,
      };
    }
  };
  const record = (name: string, a: Answer, ok: boolean, detail: string) => {
    checks.push({
      name,
      ok,
      status: a.status,
      ms: Math.round(a.ms),
      detail: a.error ?? detail,
      body: a.text.slice(0, 400),
    });
  };
  const env = (a: Answer) => (a.json ?? {}) as Envelope;

  // Public endpoints.
  const health = await get("/health");
  record(
    "public GET /health",
    health,
    health.status === 200 && env(health).success === true,
    "200, success, no key needed",
  );
  const root = await get("/");
  record("public GET /", root, root.status === 200 && env(root).success === true, "200, success");
  const spec = await get("/openapi.json");
  const doc = (spec.json ?? {}) as {
    openapi?: string;
    paths?: Record<string, { get?: { parameters?: Param[] } }>;
  };
  record(
    "public GET /openapi.json",
    spec,
    spec.status === 200 && /^3\.1/.test(doc.openapi ?? ""),
    `OpenAPI ${doc.openapi ?? "?"}`,
  );

  // Auth: no key, a wrong key, the right key — on the same data route.
  const probe = `/gpt/raw?symbol=${symbols[0]}`;
  const noKey = await get(probe);
  record(
    "auth: no key -> 401",
    noKey,
    noKey.status === 401 && env(noKey).success === false,
    `code ${env(noKey).error?.code ?? "?"}`,
  );
  const wrongKey = await get(probe, { authorization: "Bearer not-a-valid-key-for-smoke" });
  record(
    "auth: wrong key -> 401",
    wrongKey,
    wrongKey.status === 401 && env(wrongKey).success === false,
    `code ${env(wrongKey).error?.code ?? "?"}`,
  );
  const rightKey = await get(probe, auth);
  record(
    "auth: right key -> 200",
    rightKey,
    rightKey.status === 200 && env(rightKey).success === true,
    "200, success",
  );

  // Every data route from the spec: per symbol when it takes one, once otherwise.
  const routes = Object.entries(doc.paths ?? {}).filter(
    ([path, item]) =>
      item.get &&
      !SKIP.some((re) => re.test(path)) &&
      !["/", "/health", "/ready", "/openapi.json"].includes(path),
  );
  if (routes.length === 0) record("data routes listed in /openapi.json", spec, false, "no GET routes found");
  for (const [path, item] of routes) {
    const params = item.get?.parameters ?? [];
    const takesSymbol = params.some((p) => p.in === "query" && p.name === "symbol");
    for (const symbol of takesSymbol ? symbols : [null]) {
      const a = await get(symbol ? `${path}?symbol=${encodeURIComponent(symbol)}` : path, auth);
      const e = env(a);
      // A person's own data needs their OAuth login: a bearer key must be refused for scope.
      if (path.startsWith("/me/")) {
        const refused = a.status === 403 && e.error?.code === "INSUFFICIENT_SCOPE";
        record(`personal GET ${path} with a key -> 403`, a, refused, `code ${e.error?.code ?? "?"}`);
        continue;
      }
      // An endpoint above the configured CoinGlass plan answers in plain words, naming the plan.
      if (a.status === 403 && e.error?.code === "PLAN_REQUIRED") {
        record(`data GET ${path}${symbol ? ` ${symbol}` : ""}`, a, true, "needs a higher CoinGlass plan");
        continue;
      }
      const ok =
        a.status === 200 &&
        e.success === true &&
        e.data !== undefined &&
        typeof e.timestamp === "string" &&
        // Routes whose symbol is a filter (whale, alerts) carry no top-level symbol.
        (!symbol || e.symbol === undefined || e.symbol === symbol);
      const stale = e.meta?.stale ? ", stale" : "";
      const missing =
        Array.isArray(e.meta?.missing) && e.meta.missing.length > 0
          ? `, missing ${e.meta.missing.length}`
          : "";
      record(
        `data GET ${path}${symbol ? ` ${symbol}` : ""}`,
        a,
        ok,
        ok ? `success${stale}${missing}` : `code ${e.error?.code ?? "?"}`,
      );
    }
  }

  // Input validation: answered in the envelope with a 4xx, never a 500.
  const invalid: Array<[string, string]> = [
    ["validation: missing symbol -> 4xx", "/gpt/raw"],
    ["validation: unknown symbol -> 4xx", "/gpt/raw?symbol=NOSUCHCOIN123"],
    ["validation: bad range -> 4xx", `/gpt/liq?symbol=${symbols[0]}&range=7y`],
    ["validation: unknown route -> 404", "/gpt/no-such-route"],
  ];
  for (const [name, path] of invalid) {
    const a = await get(path, auth);
    const e = env(a);
    const ok =
      a.status !== null &&
      a.status >= 400 &&
      a.status < 500 &&
      e.success === false &&
      typeof e.error?.code === "string";
    record(name, a, ok, `code ${e.error?.code ?? "?"}`);
  }

  // Rate-limit headers on an authenticated answer, and the remaining count going down.
  const r1 = await get(probe, auth);
  const r2 = await get(probe, auth);
  const limit = Number(r1.headers?.get("x-ratelimit-limit"));
  const rem1 = Number(r1.headers?.get("x-ratelimit-remaining"));
  const rem2 = Number(r2.headers?.get("x-ratelimit-remaining"));
  record(
    "rate-limit headers",
    r2,
    limit > 0 && Number.isFinite(rem1) && rem2 < rem1,
    `limit ${limit}, remaining ${rem1} -> ${rem2}`,
  );

  // Response times over everything above.
  const timed = checks.filter((c) => c.status !== null);
  const slowest = timed.reduce((m, c) => Math.max(m, c.ms), 0);
  const sorted = timed.map((c) => c.ms).sort((a, b) => a - b);
  const p50 = sorted[Math.floor(sorted.length / 2)] ?? 0;
  checks.push({
    name: "response times",
    ok: timed.length > 0 && slowest <= slowMs,
    status: null,
    ms: slowest,
    detail: `${timed.length} requests, median ${p50} ms, slowest ${slowest} ms (limit ${slowMs} ms)`,
  });

  return { ok: checks.every((c) => c.ok), checks };
}

interface Param {
  in: string;
  name: string;
  required?: boolean;
}
