import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { duration, NA, share } from "../format/numbers.js";
import { defineCommand, replyHtml } from "./common.js";

const settle = async <T>(p: Promise<T>): Promise<T | null> => p.catch(() => null);

/** `/status`: real figures — quota, cache, worker, queue depth, uptime. */
export const statusFeature = new Composer<BotContext>();

defineCommand(statusFeature, ["status"], async (ctx) => {
  const t = ctx.t.bind(ctx);
  const { core, stores, delivery, startedAt, alertGroup } = ctx.deps;
  const s = core.stats();
  const [worker, pending, queued] = await Promise.all([
    settle(ctx.deps.workerStatus()),
    settle(stores.alerts.depth(alertGroup)),
    delivery ? settle(delivery.depth()) : Promise.resolve(null),
  ]);
  const workerLine = worker
    ? `${worker.connected ? "🟢" : "🔴"} ${worker.connected ? t("connected") : t("disconnected")} · ${t("last-event")} ${
        worker.lastEventAgeMs === null ? NA : t("ago-duration", { d: duration(worker.lastEventAgeMs) })
      }`
    : NA;
  const lines = [
    `🩺 <b>${t("status-title")}</b>`,
    "",
    `CoinGlass (${s.plan}): ${t("quota-used", { used: s.quota.usedLastMinute, limit: s.quota.limitPerMinute })}`,
    `${t("upstream-calls")}: ${s.upstream.calls} (${t("errors")}: ${s.upstream.errors})`,
    `${t("cache-hit-rate")}: ${s.cache.hits + s.cache.misses === 0 ? NA : share(s.cache.hitRate * 100)} (${s.cache.entries} ${t("entries")})`,
    `${t("alert-worker")}: ${workerLine}`,
    `${t("alert-queue")}: ${pending ?? NA} ${t("alerts-pending")} · ${queued ?? NA} ${t("messages-queued")}`,
    `${t("uptime")}: ${duration(Date.now() - startedAt)}`,
  ];
  await replyHtml(ctx, lines.join("\n"));
});
