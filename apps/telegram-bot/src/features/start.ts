import { featuresOf, type PlanFeature } from "@teleglas/market-data-core";
import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../context.js";
import { escapeHtml } from "../format/numbers.js";
import { defineCommand, replyHtml } from "./common.js";

/** The command menu pushed with setMyCommands (English descriptions; Telegram shows them as-is). */
export const COMMANDS: Array<{ command: string; description: string }> = [
  { command: "raw", description: "Full market snapshot: /raw BTC" },
  { command: "liq", description: "Liquidations: /liq ETH 4h" },
  { command: "whale", description: "Hyperliquid whales: /whale [BTC]" },
  { command: "orderbook", description: "Walls, depth, imbalance: /orderbook BTC" },
  { command: "funding", description: "Funding per 8 h: top coins, or /funding BTC" },
  { command: "oi", description: "Open interest: top coins, or /oi BTC" },
  { command: "rsi", description: "RSI: top coins, or /rsi BTC on every timeframe" },
  { command: "sentiment", description: "Market mood" },
  { command: "chart", description: "Price + liquidations chart: /chart BTC 1h" },
  { command: "etf", description: "Spot-ETF flows and chart: /etf [btc|eth|sol|xrp]" },
  { command: "arb", description: "Funding arbitrage pairs, per 8 h and APR" },
  { command: "options", description: "Options max pain and put/call: /options BTC" },
  { command: "liqmap", description: "Liquidation heatmap and nearest clusters: /liqmap BTC" },
  { command: "onchain", description: "Exchange balances on chain: /onchain BTC" },
  { command: "transfers", description: "On-chain whale transfers: /transfers [BTC]" },
  { command: "calendar", description: "This week's important macro releases" },
  { command: "subscribe", description: "Get alerts: /subscribe [BTC|all]" },
  { command: "unsubscribe", description: "Stop alerts: /unsubscribe [BTC|all]" },
  { command: "alert", description: "Personal alert: /alert BTC price > 100000" },
  { command: "alerts", description: "This chat's alerts: pause, edit, delete" },
  { command: "digest", description: "Summary daily at HH:MM or every N hours" },
  { command: "settings", description: "Minimum size, quiet hours, mute, language" },
  { command: "route", description: "Send alert kinds to forum topics: /route here liquidations" },
  { command: "channel", description: "Post alerts to a channel: /channel link @name" },
  { command: "lang", description: "Language: /lang en|id" },
  { command: "connect", description: "Login code for ChatGPT, Claude and other apps" },
  { command: "status", description: "Service health" },
  { command: "help", description: "All commands" },
];

/** /start greets the user by name with a menu; /help lists every command. */
export const startFeature = new Composer<BotContext>();

defineCommand(startFeature, ["start"], async (ctx) => {
  const name = escapeHtml(ctx.from?.first_name ?? "trader");
  const kb = new InlineKeyboard()
    .text("📊 BTC", "run:raw:BTC")
    .text("💥 Liq BTC", "run:liq:BTC")
    .row()
    .text("🐋 Whales", "run:whale:")
    .text("🧭 Sentiment", "run:sentiment:")
    .row()
    .text("🔔 Alerts", "run:subscribe:all")
    .text("🩺 Status", "run:status:");
  await replyHtml(ctx, ctx.t("start", { name }), kb);
});

defineCommand(startFeature, ["help"], async (ctx) => {
  const plan = ctx.deps.core.client.plan;
  const { included, locked } = featuresOf(plan);
  const list = (fs: PlanFeature[], withPlan: boolean) =>
    fs.map((f) => (withPlan ? `${f.command} (${f.plan}+)` : f.command)).join(", ");
  const lines = [
    ctx.t("help"),
    "",
    ctx.t("help-routing"),
    "",
    ctx.t("help-plan", { plan, included: list(included, false) }),
  ];
  if (locked.length > 0) lines.push(ctx.t("help-plan-locked", { locked: list(locked, true) }));
  // The console chat (no token) has no buttons to tap: say how to press them.
  if (!ctx.deps.config.token) lines.push("", ctx.t("help-console"));
  await replyHtml(ctx, lines.join("\n"));
});
