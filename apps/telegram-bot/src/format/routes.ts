import {
  type ChatRoutes,
  destinationFor,
  type RouteAdmin,
  type RouteKind,
  routeKinds,
} from "@teleglas/market-data-core";
import type { RouteNotice } from "../delivery/route.js";
import { escapeHtml } from "./numbers.js";
import type { T } from "./translate.js";

/** Groups of kinds as a trader names them; a kind in no group (a new one) is its own group. */
const GROUPS: Record<string, RouteKind[]> = {
  liquidations: ["large_liquidation", "liquidation_storm"],
  whales: ["whale_trade", "whale_cluster", "whale_position"],
  radar: ["radar"],
  etf: ["etf_flow"],
  transfers: ["whale_transfer"],
  rules: ["rule"],
  digest: ["digest"],
};

/** Other words for the groups, English and Indonesian (all lower case). */
const ALIASES: Record<string, string> = {
  liquidation: "liquidations",
  liq: "liquidations",
  likuidasi: "liquidations",
  storms: "liquidations",
  whale: "whales",
  paus: "whales",
  rule: "rules",
  personal: "rules",
  aturan: "rules",
  digests: "digest",
  transfer: "transfers",
  transfer_paus: "transfers",
  ringkasan: "digest",
};

export interface RouteGroup {
  /** The name used in commands and buttons (`liquidations`, or a kind's own name). */
  name: string;
  kinds: RouteKind[];
}

/** Every group, in menu order; kinds that exist but belong to no group come last, one each. */
export function routeGroups(): RouteGroup[] {
  const all = routeKinds();
  const grouped = Object.entries(GROUPS).map(([name, kinds]) => ({
    name,
    kinds: kinds.filter((k) => all.includes(k)),
  }));
  const taken = new Set(grouped.flatMap((g) => g.kinds));
  const rest = all.filter((k) => !taken.has(k)).map((k) => ({ name: k, kinds: [k] }));
  return [...grouped.filter((g) => g.kinds.length > 0), ...rest];
}

export const groupNames = () => routeGroups().map((g) => g.name);

/** The kinds named by the words (`liquidations whales`, `all`, `semua`, a kind's own name). */
export function parseRouteNames(words: string[]): { kinds: RouteKind[] } | { unknown: string } {
  const kinds = new Set<RouteKind>();
  const groups = routeGroups();
  for (const raw of words) {
    const word = raw.toLowerCase().replace(/[,;]+$/, "");
    if (word === "all" || word === "semua") return { kinds: routeKinds() };
    const name = ALIASES[word] ?? word;
    const found =
      groups.find((g) => g.name === name)?.kinds ??
      (routeKinds().includes(name as RouteKind) ? [name as RouteKind] : null);
    if (!found) return { unknown: raw };
    for (const k of found) kinds.add(k);
  }
  return { kinds: [...kinds] };
}

/** A group's label in the chat's language. */
export const groupLabel = (g: RouteGroup, t: T) =>
  GROUPS[g.name] ? t(`route-group-${g.name}`) : t(`kind-${g.name}`);

/** The labels of the groups `kinds` covers, in menu order, comma-separated. */
export function kindsLabel(kinds: RouteKind[], t: T): string {
  return routeGroups()
    .filter((g) => g.kinds.some((k) => kinds.includes(k)))
    .map((g) => groupLabel(g, t))
    .join(", ");
}

/** Where a kind of this chat goes, in words. */
function whereLabel(
  routes: ChatRoutes | null,
  chatId: number,
  kind: RouteKind,
  forum: boolean,
  t: T,
): string {
  const d = destinationFor(routes, chatId, kind);
  if (d.via === "channel") return t("route-channel", { title: escapeHtml(routes?.channel?.title ?? "") });
  if (d.via === "topic") {
    const name = routes?.topics[kind]?.name;
    return name
      ? t("route-topic", { name: escapeHtml(name) })
      : t("route-topic-unnamed", { id: String(d.threadId ?? "") });
  }
  return forum ? t("route-general") : t("route-chat");
}

/** `/route`: one line per group (or per kind, when a group's kinds go different ways). */
export function formatRoutes(
  routes: ChatRoutes | null,
  chat: { id: number; title: string; forum: boolean; thread?: number },
  t: T,
): string {
  const lines = [t("route-title", { chat: escapeHtml(chat.title) })];
  for (const g of routeGroups()) {
    const wheres = g.kinds.map((k) => whereLabel(routes, chat.id, k, chat.forum, t));
    if (new Set(wheres).size === 1) lines.push(`${groupLabel(g, t)} → ${wheres[0]}`);
    else for (const [i, k] of g.kinds.entries()) lines.push(`${t(`kind-${k}`)} → ${wheres[i]}`);
  }
  lines.push("");
  if (!chat.forum) lines.push(t("route-no-topics"));
  else if (chat.thread !== undefined) lines.push(t("route-hint-topic"));
  else lines.push(t("route-hint-general", { names: groupNames().join(", ") }));
  return lines.join("\n");
}

/** Names the admin with a tap-able mention; an anonymous admin (id 0) by name only. */
const mention = (by: RouteAdmin | null) =>
  by && by.id > 0
    ? `<a href="tg://user?id=${by.id}">${escapeHtml(by.name)}</a>`
    : escapeHtml(by?.name ?? "Admin");

/** The one message an admin gets when a topic or a channel stops taking alerts. */
export function formatRouteNotice(n: RouteNotice, t: T): string {
  if (n.type === "topic_gone")
    return t("route-topic-gone", {
      admin: mention(n.by),
      topic: escapeHtml(n.topic ?? `#${n.threadId}`),
      how: t(/closed/i.test(n.reason) ? "route-how-closed" : "route-how-deleted"),
      reason: escapeHtml(n.reason),
    });
  return t("route-channel-gone", {
    admin: mention(n.channel.by),
    title: escapeHtml(n.channel.title),
    reason: escapeHtml(n.reason),
    id: String(n.channel.id),
  });
}
