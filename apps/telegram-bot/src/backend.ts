// The one place the bot chooses between Redis and its in-process twins: the delivery queue
// (BullMQ or delivery/memory.ts), live alert messages, the digest schedulers and the flood
// limit's counters. Everything else takes what this returns and never asks which it got.
import type { Stores } from "@teleglas/market-data-core";
import type { Redis } from "ioredis";
import { type BullDeliveryOptions, createBullDelivery } from "./delivery/bullmq.js";
import { type LiveAlerts, memoryLiveMessages, redisLiveMessages } from "./delivery/live.js";
import { createMemoryDelivery } from "./delivery/memory.js";
import type { Delivery, DeliveryDeps } from "./delivery/types.js";
import { createBullDigests } from "./digest/bullmq.js";
import { createMemoryDigests } from "./digest/memory.js";
import type { DigestRun } from "./digest/runner.js";
import type { DigestScheduler } from "./digest/types.js";

/** What the digest schedulers need, on either backend. */
export interface DigestSchedulerDeps {
  stores: Pick<Stores, "subscriptions">;
  run: DigestRun;
  onError: (error: unknown, chatId?: number) => void;
  now?: () => number;
}

export interface BotBackend {
  delivery(deps: DeliveryDeps & Pick<BullDeliveryOptions, "lockDurationMs" | "stalledIntervalMs">): Delivery;
  live(render: LiveAlerts["render"]): LiveAlerts;
  /** Started, with the chats that have a digest scheduled. */
  digests(deps: DigestSchedulerDeps): DigestScheduler;
  /** Where the per-user flood limit counts (shared by every bot process on Redis). */
  flood?: { redis: Redis; prefix: string };
}

/**
 * With Redis: BullMQ queues and keys shared by every bot process. Without (the one-process stack,
 * and the console chat, which must never take jobs from real bot processes on the same Redis):
 * the same interfaces in this process, lost on exit.
 */
export function botBackend(redis: Redis | undefined, prefix: string): BotBackend {
  if (redis) {
    return {
      delivery: (deps) => createBullDelivery({ ...deps, redis, prefix }),
      live: (render) => redisLiveMessages(redis, prefix, render),
      digests(deps) {
        const s = createBullDigests({ redis, prefix, ...deps });
        s.start();
        return s;
      },
      flood: { redis, prefix },
    };
  }
  return {
    delivery: (deps) => createMemoryDelivery(deps),
    live: (render) => memoryLiveMessages(render),
    digests(deps) {
      const s = createMemoryDigests(deps);
      s.start();
      // Nothing of the memory twin outlives the process: schedule the chats the stores know.
      void deps.stores.subscriptions
        .listActive()
        .then((subs) => Promise.all(subs.filter((sub) => sub.digest).map((sub) => s.sync(sub.chatId))))
        .catch((err: unknown) => deps.onError(err));
      return s;
    },
  };
}
