import type { Redis } from "ioredis";
import type { Logger } from "pino";
import { createBullDigests } from "./bullmq.js";
import { createMemoryDigests } from "./memory.js";
import { createDigestRunner, type DigestRunnerDeps } from "./runner.js";
import type { DigestScheduler } from "./types.js";

export interface StartDigestsOptions extends Omit<DigestRunnerDeps, "onOutcome"> {
  log: Logger;
  /** With Redis: BullMQ job schedulers (durable, shared by bot processes); without: in memory. */
  redis?: Redis;
  prefix?: string;
}

/**
 * Digests live in the bot, not in the worker's leader: the bot already runs BullMQ for delivery,
 * owns the chats' settings, languages and formatting, and BullMQ hands each due job to one of
 * however many bot processes run, taking it over when that one dies — no lease needed.
 */
export function startDigests(o: StartDigestsOptions): DigestScheduler {
  const run = createDigestRunner({
    ...o,
    onOutcome: (chatId, outcome) => o.log.info({ chat_id: chatId, ...outcome }, "digest"),
  });
  const onError = (err: unknown, chatId?: number) => o.log.warn({ err, chat_id: chatId }, "digest failed");
  if (o.redis) {
    const s = createBullDigests({ redis: o.redis, prefix: o.prefix ?? "", stores: o.stores, run, onError });
    s.start();
    return s;
  }
  const s = createMemoryDigests({ stores: o.stores, run, onError, ...(o.now ? { now: o.now } : {}) });
  s.start();
  // Nothing of the memory twin outlives the process: schedule the chats the stores know.
  void o.stores.subscriptions
    .listActive()
    .then((subs) => Promise.all(subs.filter((sub) => sub.digest).map((sub) => s.sync(sub.chatId))))
    .catch((err: unknown) => onError(err));
  return s;
}
