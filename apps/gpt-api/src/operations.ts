import { isPublicAlert, PLAN_FEATURES, planAllows } from "@teleglas/market-data-core";
import { z } from "zod";
import { liveMeta } from "./http/envelope.js";
import { defineOperation, type Operation } from "./operation.js";
import { FAMILY_OPERATIONS } from "./operations-families.js";
import { MARKET_OPERATIONS } from "./operations-market.js";
import "./schemas/fields.js";
import { kindParam, numberParam, symbolParam } from "./schemas/params.js";
import { AlertListSchema, InfoSchema, SymbolListSchema } from "./schemas/reports.js";

/**
 * Every read-only operation, in the order the OpenAPI documents list them: the market reports, the
 * other CoinGlass families, then what TELEGLAS answers itself (its alerts, the coins, the service).
 */
export const OPERATIONS: Operation[] = [
  ...MARKET_OPERATIONS,
  ...FAMILY_OPERATIONS,
  defineOperation({
    operationId: "getRecentAlerts",
    local: true,
    path: "/gpt/alerts",
    summary: "Recent whale and liquidation alerts",
    description:
      "The latest alerts TELEGLAS raised (large liquidations, liquidation storms, whale trades and clusters, whale positions, daily spot-ETF flows, on-chain whale transfers to and from exchanges), newest first, optionally for one coin or kind.",
    query: z.object({
      symbol: symbolParam.optional(),
      kind: kindParam.optional(),
      limit: numberParam("limit", { min: 1, max: 100, integer: true, example: 20 })
        .default(20)
        .meta({ description: "Maximum alerts returned, 1..100 (default 20).", examples: [20] }),
    }),
    model: AlertListSchema,
    withSymbol: false,
    hold: false,
    gpt: true,
    run: async ({ core, stores }, q) => {
      const symbol = q.symbol === undefined ? undefined : await core.market.resolveSymbol(q.symbol);
      const alerts = (await stores.alerts.recent({ symbol, kind: q.kind, limit: q.limit })).filter(
        isPublicAlert,
      );
      return { data: { alerts, count: alerts.length }, meta: liveMeta() };
    },
  }),
  defineOperation({
    operationId: "listSymbols",
    path: "/symbols",
    summary: "Supported coins",
    description: "Every coin symbol the data operations accept, sorted.",
    query: z.object({}),
    model: SymbolListSchema,
    withSymbol: false,
    hold: true,
    gpt: true,
    run: async ({ core }) => {
      const r = await core.market.listSymbols();
      return { ...r, data: { symbols: r.data, count: r.data.length } };
    },
  }),
  defineOperation({
    operationId: "getApiInfo",
    local: true,
    path: "/info",
    summary: "Service version, CoinGlass plan and usage",
    description:
      "Version of this service, the CoinGlass plan and quota use, cache hit rate and the per-key rate limit.",
    query: z.object({}),
    model: InfoSchema,
    withSymbol: false,
    hold: false,
    gpt: false,
    run: async ({ core, config, version }) => {
      const st = core.stats();
      const data = {
        name: "TELEGLAS GPT API",
        version,
        coinglassPlan: st.plan,
        quota: st.quota,
        cache: st.cache,
        upstream: st.upstream,
        rateLimitPerMinute: config.rateLimitPerMinute,
        features: PLAN_FEATURES.map((f) => ({ ...f, included: planAllows(st.plan, f.plan) })),
      };
      return { data, meta: liveMeta() };
    },
  }),
];
