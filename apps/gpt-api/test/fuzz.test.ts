import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KEY, type Peers, startApi, startPeers } from "./harness.js";

let peers: Peers;
let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  peers = await startPeers();
  api = await startApi(peers, { ipAllowlist: ["127.0.0.0/8", "::1"] });
});
afterAll(async () => {
  await api?.close();
  await peers?.close();
});

// Long-lived streams and non-JSON documents are left out; everything else must answer in the envelope.
const PATHS = [
  "/",
  "/health",
  "/ready",
  "/info",
  "/symbols",
  "/gpt/raw",
  "/gpt/liq",
  "/gpt/whale",
  "/gpt/orderbook",
  "/gpt/sentiment",
  "/gpt/funding",
  "/gpt/open-interest",
  "/gpt/alerts",
];
const NAMES = ["symbol", "range", "limit", "min_usd", "exchange", "kind", "x", "__proto__", "constructor"];
const VALUES = [
  "BTC",
  "eth",
  "btc/usdt",
  "BTCUSDT",
  "1h",
  "24h",
  "2h",
  "0",
  "-1",
  "100",
  "101",
  "1e309",
  "NaN",
  "Binance",
  "okx",
  "whale_trade",
  "",
  " ",
  "%00",
  "😀",
  "../../etc/passwd",
];

const value = fc.oneof(fc.constantFrom(...VALUES), fc.string({ maxLength: 40 }), fc.integer().map(String));
const path = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PATHS) },
  { weight: 1, arbitrary: fc.webPath().map((p) => (p.startsWith("/") ? p : `/${p}`)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }).map((s) => `/gpt/${encodeURIComponent(s)}`) },
);
const query = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...NAMES), fc.string({ maxLength: 10 })), value), {
  maxLength: 5,
});
const headers = fc.record(
  {
    authorization: fc.oneof(
      fc.constant(`Bearer ${KEY}`),
      fc.constant("Bearer "),
      fc.string({ maxLength: 40 }).map((s) => `Bearer ${s}`),
      fc.string({ maxLength: 40 }),
    ),
    "x-forwarded-for": fc.oneof(fc.ipV4(), fc.ipV6(), fc.string({ maxLength: 20 })),
    origin: fc.oneof(fc.constant("https://chatgpt.com"), fc.webUrl()),
    accept: fc.constantFrom("application/json", "*/*", "text/html"),
  },
  { requiredKeys: [] },
);

describe("random requests", () => {
  it("never answer 5xx and always answer errors in the envelope (2,000 runs)", async () => {
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        path,
        query,
        headers,
        fc.constantFrom("GET", "GET", "GET", "POST", "PUT", "DELETE"),
        async (p, q, h, method) => {
          const search = new URLSearchParams(q).toString();
          const safeHeaders = Object.fromEntries(
            Object.entries(h).filter(([, v]) => /^[\t\x20-\x7e]*$/.test(v)),
          );
          const res = await api.app.inject({
            method: method as "GET",
            url: `${p}${search ? `?${search}` : ""}`,
            headers: safeHeaders,
          });
          seen.set(res.statusCode, (seen.get(res.statusCode) ?? 0) + 1);
          expect(res.statusCode, `${method} ${p}?${search} -> ${res.body.slice(0, 300)}`).toBeLessThan(500);
          const body = res.json();
          expect(typeof body.success).toBe("boolean");
          expect(typeof body.timestamp).toBe("string");
          if (!body.success) expect(typeof body.error.code).toBe("string");
        },
      ),
      { numRuns: 2000 },
    );
    // The runs reached the data (200), validation (400), auth (401) and routing (404).
    for (const status of [200, 400, 401, 404])
      expect(seen.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0);
  }, 120_000);
});
