import type { Candle, Interval, LiquidationBar, ResultMeta } from "@teleglas/market-data-core";
import { z } from "zod";
import { successBody } from "../http/envelope.js";
import { ApiError } from "../http/errors.js";
import { toSnake } from "../http/snake-case.js";
import { successEnvelope } from "../schemas/envelope.js";
import { msReq, pct, str, usd } from "../schemas/fields.js";
import { enumParam, numberParam, symbolParam } from "../schemas/params.js";
import { envelopeResult } from "./operation-tools.js";
import { annotations, jsonSchema, type McpTool } from "./tool.js";

const INTERVALS = ["5m", "15m", "30m", "1h", "4h", "12h", "1d"] as const;
/** Renders at once, and waiting; past both the tool answers "busy" instead of queueing. */
const MAX_RENDERS = 2;
const MAX_WAITING = 8;
const PNG_WIDTH = 800;

const MAX_CANDLES = 168;

const query = z.object({
  symbol: symbolParam,
  interval: enumParam("interval", INTERVALS, "4h")
    .default("4h")
    .meta({ description: "Candle width: 5m, 15m, 30m, 1h, 4h, 12h or 1d (default 4h).", examples: ["4h"] }),
  limit: numberParam("limit", { min: 24, max: MAX_CANDLES, integer: true, example: 96 })
    .default(96)
    .meta({ description: "Candles drawn, 24..168 (default 96).", examples: [96] }),
});

/** What the picture shows, in figures (the image itself is the `image` content). */
const ChartDataSchema = z.object({
  symbol: str("Coin symbol", "BTC"),
  interval: z.enum(INTERVALS).meta({ description: "Candle width." }),
  candles: z.number().int().meta({ description: "Candles drawn (Binance USDT perpetual)." }),
  from: msReq("Open time of the first candle"),
  to: msReq("Open time of the last candle"),
  open: z.number().meta({ description: "Open of the first candle, in US dollars." }),
  close: z.number().meta({ description: "Close of the last candle, in US dollars." }),
  high: z.number().meta({ description: "Highest high of the window, in US dollars." }),
  low: z.number().meta({ description: "Lowest low of the window, in US dollars." }),
  change_pct: pct("Close against open over the window", 2.5),
  liquidations_long_usd: usd("Longs liquidated over the window (aggregated exchanges)"),
  liquidations_short_usd: usd("Shorts liquidated over the window (aggregated exchanges)"),
  image: z.object({
    mime_type: z.literal("image/png"),
    width: z.number().int().meta({ description: "Width of the PNG, in pixels." }),
    bytes: z.number().int().meta({ description: "Size of the PNG." }),
  }),
});

/** A counting gate: at most `maxRunning` renders at once, `maxWaiting` waiting, the rest refused. */
export function renderGate(maxRunning = MAX_RENDERS, maxWaiting = MAX_WAITING) {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (running >= maxRunning) {
      if (waiting.length >= maxWaiting) {
        throw new ApiError("RATE_LIMITED", "Too many charts are being drawn right now.", {
          hint: "Retry in a few seconds.",
          retryAfterS: 3,
        });
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
    running++;
    try {
      return await work();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

const sum = (bars: LiquidationBar[], side: "longUsd" | "shortUsd") => bars.reduce((s, b) => s + b[side], 0);

/** The chart's figures, straight from the candles and liquidation bars drawn. */
function chartData(symbol: string, interval: string, candles: Candle[], liq: LiquidationBar[] | null) {
  const first = candles[0] as Candle;
  const last = candles.at(-1) as Candle;
  return {
    symbol,
    interval,
    candles: candles.length,
    from: first.time,
    to: last.time,
    open: first.open,
    close: last.close,
    high: Math.max(...candles.map((c) => c.high)),
    low: Math.min(...candles.map((c) => c.low)),
    change_pct: first.open === 0 ? null : Number((((last.close - first.open) / first.open) * 100).toFixed(4)),
    liquidations_long_usd: liq === null ? null : sum(liq, "longUsd"),
    liquidations_short_usd: liq === null ? null : sum(liq, "shortUsd"),
  };
}

/** The freshness of both series drawn: cached if both are, stale if either is, as old as the older. */
function bothMeta(a: ResultMeta, b: ResultMeta | undefined): ResultMeta {
  if (b === undefined) return a;
  return {
    cached: a.cached && b.cached,
    stale: a.stale || b.stale,
    staleReason: a.staleReason ?? b.staleReason,
    ageMs: Math.max(a.ageMs, b.ageMs),
    asOf: Math.min(a.asOf, b.asOf),
    missing: [],
  };
}

/**
 * `getPriceChart`: the PNG the bot's /chart draws (packages/charts) as MCP image content, with its
 * figures as structured content. The charts package is loaded on first use (vega and resvg weigh
 * tens of MB).
 */
export function chartTool(): McpTool {
  const gate = renderGate();
  let charts: Promise<typeof import("@teleglas/charts")> | undefined;
  const title = "Price chart with liquidations (PNG)";
  return {
    name: "getPriceChart",
    scope: "market:read",
    query,
    listing: {
      name: "getPriceChart",
      title,
      description:
        "A PNG chart of one coin: price candles (Binance USDT perpetual) with long/short liquidation bars under them, plus its figures (range, change, liquidation totals). Use it when the user asks to see a chart.",
      inputSchema: jsonSchema(query, "input"),
      outputSchema: jsonSchema(successEnvelope(ChartDataSchema, true), "output"),
      annotations: annotations(title, true),
    },
    async answer(args, { deps }) {
      const market = deps.core.market;
      const symbol = await market.resolveSymbol(String(args.symbol));
      const interval = args.interval as Interval;
      // Always the longest window, cut here: one cached upstream answer per coin and interval
      // however callers vary `limit`.
      const q = { interval, limit: MAX_CANDLES };
      const [candles, liqs] = await Promise.allSettled([
        market.getPriceHistory(symbol, q),
        market.getLiquidationHistory(symbol, q),
      ]);
      if (candles.status === "rejected") throw candles.reason;
      const limit = args.limit as number;
      const bars = candles.value.data.slice(-limit);
      if (bars.length === 0) {
        throw new ApiError("UPSTREAM_UNAVAILABLE", `CoinGlass has no candles of ${symbol} right now.`, {
          hint: "Retry later or try another interval.",
          retryAfterS: 5,
        });
      }
      // The liquidation bars of the candles drawn (the sums cover what the picture shows).
      const first = bars[0]?.time ?? 0;
      const liq = liqs.status === "fulfilled" ? liqs.value.data.filter((b) => b.time >= first) : null;
      charts ??= import("@teleglas/charts");
      const { chartSpec, specToPng } = await charts;
      const input = { symbol, interval, candles: bars, liquidations: liq ?? [] };
      // The bot's chart at 800 px rather than 1000: the PNG (~65 KB) keeps the answer under
      // 100 KB in base64, and hosts scale images down for the model anyway.
      const png = await gate(() => specToPng(chartSpec(input), PNG_WIDTH));
      const meta = bothMeta(candles.value.meta, liqs.status === "fulfilled" ? liqs.value.meta : undefined);
      // Missing names the chart's own fields: the sums when the liquidation history failed.
      const missing = liq === null ? ["liquidations_long_usd", "liquidations_short_usd"] : [];
      const data = {
        ...chartData(symbol, interval, bars, liq),
        image: { mime_type: "image/png" as const, width: PNG_WIDTH, bytes: png.length },
      };
      // toSnake also cuts float noise of the sums to 10 significant digits, as on every answer.
      const result = envelopeResult(title, successBody(toSnake(data), { ...meta, missing }, symbol));
      result.content.push({ type: "image", data: png.toString("base64"), mimeType: "image/png" });
      return result;
    },
  };
}
