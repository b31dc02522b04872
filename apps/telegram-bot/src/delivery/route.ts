import {
  type ChannelLink,
  type ChatRoutes,
  type Destination,
  destinationFor,
  type RouteAdmin,
  type RouteStore,
} from "@teleglas/market-data-core";
import { type SendOutcome, sendOnce } from "./sender.js";
import type { DeliveryDeps, DeliveryJob } from "./types.js";

/** What a chat's admin is told, once, when a route stops working. */
export type RouteNotice =
  | {
      type: "topic_gone";
      chatId: number;
      threadId: number;
      topic: string | null;
      reason: string;
      by: RouteAdmin | null;
    }
  | { type: "channel_gone"; chatId: number; channel: ChannelLink; reason: string };

export interface RouteDeps {
  store: Pick<RouteStore, "get" | "dropTopic" | "deactivateChannel" | "migrate">;
  /** Tells the chat (its General topic), e.g. by queueing a message; called once per broken route. */
  notify(n: RouteNotice): Promise<void>;
}

/** Where a send landed and what Telegram said about it. */
export interface Routed {
  outcome: SendOutcome;
  dest: Destination;
}

/** A linked channel answered that the bot cannot post there any more. */
const channelLost = (o: SendOutcome): o is Extract<SendOutcome, { reason: string }> =>
  o.type === "gone" || o.type === "no_rights";

/**
 * Sends a job's message where its chat routes the kind, resolved now (a route changed while the
 * job waited applies). A dead topic or a channel the bot lost sends the message to the chat
 * instead, in the same try: Telegram refused the first send, so the fallback is not a second
 * copy. The route is reset (topic) or the link deactivated (channel), and whichever send did
 * that tells the admin — one notice per broken route, however many alerts hit it.
 */
export async function sendRouted(
  deps: DeliveryDeps,
  job: DeliveryJob,
  chatId: number,
  text: string,
): Promise<Routed> {
  const r = deps.routes;
  const kind = job.kind ?? "";
  const routes: ChatRoutes | null = r && job.kind ? await r.store.get(chatId) : null;
  const send = (d: Destination) =>
    sendOnce(deps.api, {
      chatId: d.chatId,
      text,
      silent: job.silent,
      ...(job.replyMarkup ? { replyMarkup: job.replyMarkup } : {}),
      ...(d.threadId !== undefined ? { threadId: d.threadId } : {}),
    });
  let dest = destinationFor(routes, chatId, kind);
  let outcome = await send(dest);
  if (r && routes?.channel && dest.via === "channel" && channelLost(outcome)) {
    const channel = routes.channel;
    if (await r.store.deactivateChannel(chatId, channel.id, outcome.reason))
      await tell(deps, job, { type: "channel_gone", chatId, channel, reason: outcome.reason });
    dest = destinationFor({ ...routes, channel: null }, chatId, kind);
    outcome = await send(dest);
  }
  if (r && outcome.type === "thread_gone" && dest.threadId !== undefined) {
    const threadId = dest.threadId;
    if (await r.store.dropTopic(chatId, threadId)) {
      const topic = Object.values(routes?.topics ?? {}).find((t) => t.threadId === threadId)?.name ?? null;
      const by = routes?.by ?? null;
      await tell(deps, job, { type: "topic_gone", chatId, threadId, topic, reason: outcome.reason, by });
    }
    dest = { chatId, via: "chat" };
    outcome = await send(dest);
  }
  return { outcome, dest };
}

/** The route is already reset: a failed notice is reported, never a reason to resend the alert. */
async function tell(deps: DeliveryDeps, job: DeliveryJob, n: RouteNotice): Promise<void> {
  try {
    await deps.routes?.notify(n);
  } catch (error) {
    deps.onEvent?.({
      type: "failed",
      alertId: job.alertId,
      chatId: n.chatId,
      error: `telling the admin about ${n.type}: ${String(error)}`,
      final: true,
    });
  }
}
