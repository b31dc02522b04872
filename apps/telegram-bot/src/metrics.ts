import { ALERT_KINDS } from "@teleglas/market-data-core";
import { readGauge } from "@teleglas/metrics";
import type { Context, MiddlewareFn } from "grammy";
import { Counter, Histogram, type Registry } from "prom-client";
import type { Delivery, DeliveryEvent } from "./delivery/types.js";
import { COMMANDS } from "./features/start.js";

/** Label values are bounded: a command outside the menu is "other", never what someone typed. */
const KNOWN_COMMANDS = new Set([...COMMANDS.map((c) => c.command), "start", "ob"]);
const KNOWN_KINDS = new Set<string>(ALERT_KINDS);
/** A scrape reading the queue (Redis) gives up after this long rather than hang the scraper. */
const QUEUE_READ_MS = 1_000;

/** What an update was, in a few words: a menu command's name, "callback", "message" or "other". */
export function updateLabel(ctx: Context): { type: string; command: string | null } {
  const text = ctx.message?.text;
  if (text?.startsWith("/")) {
    const word = text.slice(1).split(/[\s@]/, 1)[0]?.toLowerCase() ?? "";
    return { type: "command", command: KNOWN_COMMANDS.has(word) ? word : "other" };
  }
  if (ctx.callbackQuery) return { type: "callback", command: null };
  if (ctx.message) return { type: "message", command: null };
  return { type: "other", command: null };
}

/**
 * The bot's Prometheus metrics on the process registry: updates and command latency (a grammY
 * middleware), delivery outcomes (the delivery's events), the queue read at scrape time, and the
 * alert latency: the CoinGlass event's own time to Telegram answering the send, per kind.
 */
export function createBotMetrics(registry: Registry) {
  const updates = new Counter({
    name: "teleglas_bot_updates_total",
    help: "Telegram updates handled, by type (command, callback, message, other)",
    labelNames: ["type"] as const,
    registers: [registry],
  });
  for (const type of ["command", "callback", "message", "other"]) updates.inc({ type }, 0);
  const commandSeconds = new Histogram({
    name: "teleglas_bot_command_duration_seconds",
    help: "Time to handle a command update, answer included, by menu command",
    labelNames: ["command"] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const sent = new Counter({
    name: "teleglas_bot_delivery_sent_total",
    help: "Alert messages Telegram accepted",
    registers: [registry],
  });
  const failed = new Counter({
    name: "teleglas_bot_delivery_failed_total",
    help: "Alert sends Telegram refused, by reason: rate_limited (429), blocked (403 or chat gone), other",
    labelNames: ["reason"] as const,
    registers: [registry],
  });
  for (const reason of ["rate_limited", "blocked", "other"]) failed.inc({ reason }, 0);
  const latency = new Histogram({
    name: "teleglas_alert_latency_seconds",
    help: "From the CoinGlass event's own timestamp to Telegram answering the send, by alert kind",
    labelNames: ["kind"] as const,
    buckets: [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300],
    registers: [registry],
  });
  for (const kind of ALERT_KINDS) latency.zero({ kind });
  let delivery: Delivery | null = null;
  // Left out of the scrape (not 0) when Redis does not answer in time.
  const queueGauge = (name: string, help: string, read: (d: Delivery) => Promise<number | null>) =>
    readGauge(registry, name, help, () => (delivery ? withDeadline(read(delivery), QUEUE_READ_MS) : null));
  queueGauge("teleglas_bot_delivery_queue_depth", "Alert sends waiting, delayed or in flight", (d) =>
    d.depth(),
  );
  queueGauge(
    "teleglas_bot_delivery_oldest_waiting_seconds",
    "How long the oldest alert send ready to go has waited (0 when none waits)",
    async (d) => ((await d.oldestWaitingMs()) ?? 0) / 1000,
  );

  const middleware: MiddlewareFn<Context> = async (ctx, next) => {
    const started = performance.now();
    const { type, command } = updateLabel(ctx);
    try {
      await next();
    } finally {
      updates.inc({ type });
      if (command !== null) commandSeconds.observe({ command }, (performance.now() - started) / 1000);
    }
  };
  return {
    registry,
    middleware,
    watch(d: Delivery) {
      delivery = d;
    },
    onDelivery(e: DeliveryEvent) {
      if (e.type === "sent") {
        sent.inc();
        if (e.eventAt !== undefined) {
          const kind = e.kind !== undefined && KNOWN_KINDS.has(e.kind) ? e.kind : "other";
          latency.observe({ kind }, Math.max(0, Date.now() - e.eventAt) / 1000);
        }
      } else if (e.type === "rate_limited") failed.inc({ reason: "rate_limited" });
      else if (e.type === "deactivated") failed.inc({ reason: "blocked" });
      else if (e.type === "failed") failed.inc({ reason: "other" });
    },
  };
}

export type BotMetrics = ReturnType<typeof createBotMetrics>;

/** The value, or null when it fails or takes longer than `ms`. */
function withDeadline<T>(p: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  return Promise.race([p.catch(() => null), late]).finally(() => clearTimeout(timer));
}
