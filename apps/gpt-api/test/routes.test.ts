import { describe, expect, it } from "vitest";
import { apiForFile, type Json, KEY, sampleAlert } from "./harness.js";

const srv = apiForFile();

async function json(res: Response) {
  return (await res.json()) as Json;
}

describe("public routes", () => {
  it("/ names the service and links the docs", async () => {
    const body = await json(await fetch(`${srv.api.url}/`));
    expect(body.success).toBe(true);
    expect(body.data.links.docs).toBe("/docs/");
  });

  it("/health answers without calling CoinGlass", async () => {
    // Let the core's own start-up lookups (supported coins and pairs) finish first.
    await (srv.peers.core.market as typeof srv.peers.core.market & { warm(): Promise<void> }).warm();
    await srv.peers.core.market.resolveSymbol("BTC");
    srv.peers.sim.control.resetCounters();
    for (let i = 0; i < 5; i++) expect((await fetch(`${srv.api.url}/health`)).status).toBe(200);
    const counters = srv.peers.sim.control.counters();
    expect(counters.total, JSON.stringify(counters.byEndpoint)).toBe(0);
  });

  it("/ready checks Redis and CoinGlass", async () => {
    const body = await json(await fetch(`${srv.api.url}/ready`));
    expect(body.data).toEqual({ status: "ready", checks: { redis: "ok", coinglass: "ok" } });
  });

  it("/openapi.json is OpenAPI 3.1 and /docs/ serves Swagger UI", async () => {
    const doc = await json(await fetch(`${srv.api.url}/openapi.json`));
    expect(doc.openapi).toBe("3.1.0");
    const docs = await fetch(`${srv.api.url}/docs/`);
    expect(docs.status).toBe(200);
    expect(docs.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(await docs.text()).toContain("swagger");
  });

  it("sends helmet security headers", async () => {
    const res = await fetch(`${srv.api.url}/health`);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("strict-transport-security")).toContain("max-age");
  });
});

describe("data routes", () => {
  const routes: Array<[string, (d: Json) => void]> = [
    ["/gpt/raw?symbol=BTC", (d) => expect(typeof d.price.last_usd).toBe("number")],
    ["/gpt/liq?symbol=ETH&range=4h", (d) => expect(d.range).toBe("4h")],
    ["/gpt/whale?limit=5", (d) => expect(d.positions.length).toBeLessThanOrEqual(5)],
    [
      "/gpt/orderbook?symbol=BTC&exchange=OKX&range=0.5",
      (d) => expect(d).toMatchObject({ exchange: "OKX", range_pct: 0.5 }),
    ],
    ["/gpt/sentiment", (d) => expect(d.fear_greed).toBeDefined()],
    ["/gpt/funding?symbol=SOL", (d) => expect(d.symbol).toBe("SOL")],
    ["/gpt/open-interest?symbol=BTC", (d) => expect(d.by_exchange.length).toBeGreaterThan(0)],
    ["/symbols", (d) => expect(d.symbols).toContain("BTC")],
    ["/info", (d) => expect(d).toMatchObject({ version: "0.1.0", coinglass_plan: "professional" })],
  ];
  for (const [path, check] of routes) {
    it(`${path} answers 200 in the envelope with snake_case data`, async () => {
      const res = await srv.api.get(path);
      const body = await json(res);
      expect(res.status, JSON.stringify(body.error)).toBe(200);
      expect(body.success).toBe(true);
      expect(Object.keys(body.meta).sort()).toEqual([
        "age_ms",
        "as_of",
        "cached",
        "missing",
        "stale",
        "stale_reason",
      ]);
      expect(JSON.stringify(body.data)).not.toMatch(/"[a-z]+[A-Z][A-Za-z]*":/);
      check(body.data);
    });
  }

  it("resolves what people type and serves the second call from the cache", async () => {
    const first = await json(await srv.api.get("/gpt/raw?symbol=btc/usdt"));
    expect(first.symbol).toBe("BTC");
    const second = await json(await srv.api.get("/gpt/raw?symbol=btc/usdt"));
    expect(second.meta.cached).toBe(true);
    expect(second.data).toEqual(first.data);
  });

  it("/gpt/whale totals cover every matching position, whatever the limit", async () => {
    for (const direction of ["long", "short", "short"] as const) {
      srv.peers.sim.control.injectWhalePosition({ symbol: "BTC", action: "open", direction, valueUsd: 4e6 });
    }
    for (const query of ["symbol=BTC&", ""]) {
      const answers = [];
      for (const limit of [1, 2, 20, 100]) {
        const d = (await json(await srv.api.get(`/gpt/whale?${query}limit=${limit}`))).data;
        expect(d.positions).toHaveLength(Math.min(limit, d.totals.count));
        answers.push(d.totals);
      }
      expect(answers[0].count).toBeGreaterThan(2);
      expect(answers[0].short_usd).toBeGreaterThan(0);
      for (const t of answers) expect(t).toEqual(answers[0]);
    }
  });

  it("/gpt/funding compares exchanges per 8 h, keeping each raw rate and interval", async () => {
    const d = (await json(await srv.api.get("/gpt/funding?symbol=BTC"))).data;
    const hl = d.stablecoin_margin.find((x: Json) => x.exchange === "Hyperliquid");
    expect(hl.interval_hours).toBe(1);
    expect(hl.per_8h_pct).toBeCloseTo(hl.rate_pct * 8, 12);
    const per8h = d.stablecoin_margin.map((x: Json) => x.per_8h_pct as number);
    expect(d.lowest.per_8h_pct).toBe(Math.min(...per8h));
    expect(d.highest.per_8h_pct).toBe(Math.max(...per8h));
    expect(d.average.per_8h_pct).toBeGreaterThan(Math.min(...per8h));
  });

  it("answers UNKNOWN_SYMBOL with suggestions", async () => {
    const res = await srv.api.get("/gpt/raw?symbol=BTX");
    const body = await json(res);
    expect(res.status).toBe(400);
    expect(body.error.code).toBe("UNKNOWN_SYMBOL");
    expect(body.error.suggestions).toContain("BTC");
  });

  it.each([
    ["/gpt/liq?symbol=BTC&range=2h", "range", "range must be one of 1h, 4h, 12h, 24h, e.g. 24h."],
    ["/gpt/whale?limit=500", "limit", "limit must be a whole number from 1 to 100, e.g. 20."],
    ["/gpt/whale?limit=0x10", "limit", "limit must be a whole number from 1 to 100, e.g. 20."],
    ["/gpt/whale?limit=2.5", "limit", "limit must be a whole number from 1 to 100, e.g. 20."],
    ["/gpt/whale?min_usd=", "min_usd", "min_usd must be a number ≥ 0, e.g. 1000000."],
    ["/gpt/whale?min_usd=-5", "min_usd", "min_usd must be a number ≥ 0, e.g. 1000000."],
    ["/gpt/raw", "symbol", "symbol is required, e.g. BTC."],
    ["/gpt/raw?symbol=", "symbol", "symbol must be a coin symbol of 1 to 32 characters, e.g. BTC."],
    ["/gpt/raw?symbol=a&symbol=b", "symbol", "symbol must be a coin symbol of 1 to 32 characters, e.g. BTC."],
    ["/gpt/orderbook?symbol=BTC&exchange=NoSuchExchange", "exchange", "exchange must be one of Binance"],
    ["/gpt/alerts?kind=nope", "kind", "kind must be one of large_liquidation"],
  ])("answers INVALID_PARAM in plain words for %s", async (path, param, message) => {
    const res = await srv.api.get(path);
    const body = await json(res);
    expect(res.status).toBe(400);
    expect(body.error).toMatchObject({ code: "INVALID_PARAM", param });
    expect(body.error.message.startsWith(message), body.error.message).toBe(true);
  });

  it("reads number parameters strictly: decimal digits are numbers, 1e6 too", async () => {
    const body = await json(await srv.api.get("/gpt/whale?min_usd=1e6&limit=3"));
    expect(body.data.min_usd).toBe(1_000_000);
    expect(body.data.alerts.length).toBeLessThanOrEqual(3);
  });

  it("answers NOT_FOUND in the envelope", async () => {
    const res = await srv.api.get("/gpt/nothing");
    expect(res.status).toBe(404);
    expect((await json(res)).error.code).toBe("NOT_FOUND");
  });

  it("stays under the GPT Actions limit of 100,000 characters at the largest parameters", async () => {
    for (let i = 0; i < 100; i++)
      await srv.peers.stores.alerts.publish(sampleAlert(1000 + i, { detail: { note: "x".repeat(200) } }));
    for (const path of [
      "/gpt/whale?limit=100&min_usd=0",
      "/gpt/orderbook?symbol=BTC&range=10",
      "/gpt/alerts?limit=100",
      "/gpt/raw?symbol=BTC",
      "/gpt/funding?symbol=BTC",
      "/gpt/open-interest?symbol=BTC",
      "/symbols",
    ]) {
      const text = await (await srv.api.get(path)).text();
      expect(text.length, path).toBeLessThan(100_000);
    }
  });
});

describe("auth", () => {
  it("answers UNAUTHORIZED without a key or with a wrong one, and never echoes the key", async () => {
    const none = await fetch(`${srv.api.url}/gpt/raw?symbol=BTC`);
    expect(none.status).toBe(401);
    expect((await json(none)).error.code).toBe("UNAUTHORIZED");
    const wrong = await fetch(`${srv.api.url}/gpt/raw?symbol=BTC`, {
      headers: { authorization: "Bearer wrong-key-123456789" },
    });
    const text = await wrong.text();
    expect(wrong.status).toBe(401);
    expect(text).not.toContain("wrong-key");
  });

  it("keeps the bearer key out of the log", async () => {
    await srv.api.get("/gpt/raw?symbol=NOPE");
    await srv.api.get("/gpt/sentiment");
    expect(srv.api.logs()).toContain('"url":"/gpt/raw?symbol=NOPE"');
    expect(srv.api.logs()).not.toContain(KEY);
  });
});

describe("CORS", () => {
  it("allows ChatGPT origins without credentials and refuses others", async () => {
    const pre = await fetch(`${srv.api.url}/gpt/raw?symbol=BTC`, {
      method: "OPTIONS",
      headers: {
        origin: "https://chatgpt.com",
        "access-control-request-method": "GET",
        "access-control-request-headers": "authorization",
      },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe("https://chatgpt.com");
    expect(pre.headers.get("access-control-allow-credentials")).toBeNull();
    expect(pre.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("authorization");
    const evil = await fetch(`${srv.api.url}/gpt/raw?symbol=BTC`, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "GET" },
    });
    expect(evil.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("alerts", () => {
  it("/gpt/alerts lists recent alerts filtered by coin and kind", async () => {
    const eth = sampleAlert(1, { symbol: "ETH", kind: "whale_trade", side: "buy" });
    await srv.peers.stores.alerts.publish(eth);
    const body = await json(await srv.api.get("/gpt/alerts?symbol=eth&kind=whale_trade&limit=5"));
    expect(body.data.alerts[0]).toEqual(eth);
    expect(body.data.alerts.every((a: Json) => a.symbol === "ETH" && a.kind === "whale_trade")).toBe(true);
  });

  it("/gpt/alerts/stream delivers an alert published to the alert log", async () => {
    const controller = new AbortController();
    const res = await fetch(`${srv.api.url}/gpt/alerts/stream?symbol=SOL`, {
      headers: { authorization: `Bearer ${KEY}` },
      signal: controller.signal,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = "";
    const alert = sampleAlert(7, { symbol: "SOL" });
    // Publish until the follower (subscribed asynchronously) sees one; ids differ per publish.
    const publisher = setInterval(
      () => void srv.peers.stores.alerts.publish({ ...alert, id: `${alert.id}-${Date.now()}` }),
      200,
    );
    try {
      while (!text.includes("event: alert")) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value);
      }
    } finally {
      clearInterval(publisher);
      controller.abort();
    }
    const data = JSON.parse(text.split("event: alert\ndata: ")[1]?.split("\n")[0] ?? "{}");
    expect(data).toMatchObject({ symbol: "SOL", kind: "large_liquidation", usd: alert.usd });
  });
});

describe("metrics", () => {
  it("/metrics counts each answered request by route and status, with its latency", async () => {
    const count = async () => {
      const text = await (await srv.api.get("/metrics")).text();
      const line = text
        .split("\n")
        .find((l) => l.startsWith('teleglas_api_requests_total{route="/gpt/raw",status="200"}'));
      const seconds = text
        .split("\n")
        .find((l) => l.startsWith('teleglas_api_request_duration_seconds_count{route="/gpt/raw"}'));
      return { requests: Number(line?.split(" ")[1] ?? 0), timed: Number(seconds?.split(" ")[1] ?? 0), text };
    };
    const before = await count();
    expect((await srv.api.get("/gpt/raw?symbol=BTC")).status).toBe(200);
    const after = await count();
    expect(after.requests).toBe(before.requests + 1);
    expect(after.timed).toBe(before.timed + 1);
    expect(after.text).toContain("teleglas_cache_hits_total");
    expect(after.text).toContain("teleglas_upstream_quota_limit");
    expect(after.text).toContain("process_resident_memory_bytes");
    expect(after.text).not.toContain("nodejs_active_handles_total");
  });
});
