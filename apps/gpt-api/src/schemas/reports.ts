import { PublicAlertSchema } from "@teleglas/market-data-core";
import { z } from "zod";
import { str } from "./fields.js";

/**
 * The answers of the operations that are not one core model (camelCase like the models: the
 * operation table snake_cases them).
 */

/** `/gpt/alerts`. */
export const AlertListSchema = z.object({
  alerts: z.array(PublicAlertSchema).meta({ description: "Newest first." }),
  count: z
    .number()
    .int()
    .meta({ description: "Number of alerts returned.", examples: [3] }),
});

/** `/symbols`. */
export const SymbolListSchema = z.object({
  symbols: z
    .array(z.string())
    .meta({ description: "Supported coins, sorted.", examples: [["BTC", "ETH", "SOL"]] }),
  count: z
    .number()
    .int()
    .meta({ description: "Number of coins.", examples: [3] }),
});

/** `/info`. */
export const InfoSchema = z.object({
  name: str("Service name", "TELEGLAS GPT API"),
  version: str("Service version", "0.1.0"),
  coinglassPlan: str("CoinGlass plan of this server", "standard"),
  quota: z.object({
    fallback: z
      .object({
        cause: z.string().meta({
          description: "Why the shared budget is unreachable.",
          examples: ["Redis is reconnecting"],
        }),
        limitPerWindow: z
          .number()
          .meta({ description: "This process's own share of the budget meanwhile.", examples: [95] }),
      })
      .nullable()
      .meta({
        description:
          "Set while Redis is down and this process admits CoinGlass calls on its own share; else null.",
        examples: [null],
      }),
    limitPerMinute: z
      .number()
      .meta({ description: "Upstream requests per minute allowed by the plan.", examples: [300] }),
    usedLastMinute: z
      .number()
      .meta({ description: "Upstream requests used in the last minute.", examples: [42] }),
    queuedInteractive: z
      .number()
      .meta({ description: "Requests waiting for quota (people).", examples: [0] }),
    queuedBackground: z
      .number()
      .meta({ description: "Requests waiting for quota (pollers).", examples: [0] }),
  }),
  cache: z.object({
    hits: z.number().meta({ description: "Cache hits since start.", examples: [1200] }),
    misses: z.number().meta({ description: "Cache misses since start.", examples: [80] }),
    hitRate: z.number().meta({ description: "hits / (hits + misses), 0..1.", examples: [0.94] }),
    staleServed: z.number().meta({ description: "Stale values served since start.", examples: [0] }),
    entries: z.number().meta({ description: "Entries cached now.", examples: [60] }),
  }),
  upstream: z.object({
    calls: z.number().meta({ description: "CoinGlass calls since start.", examples: [80] }),
    errors: z.number().meta({ description: "Failed CoinGlass calls since start.", examples: [0] }),
  }),
  rateLimitPerMinute: z
    .number()
    .meta({ description: "Requests per minute allowed per API key.", examples: [120] }),
  features: z
    .array(
      z.object({
        feature: str("Data family", "Funding arbitrage"),
        command: str("Bot command", "/arb"),
        route: str("API route", "/gpt/funding-arbitrage"),
        plan: str("Lowest CoinGlass plan that has it", "startup"),
        included: z
          .boolean()
          .meta({ description: "Whether this server's plan includes it.", examples: [true] }),
      }),
    )
    .meta({ description: "Which data families the configured CoinGlass plan unlocks." }),
});
