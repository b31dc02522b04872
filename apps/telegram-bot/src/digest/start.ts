import type { Logger } from "pino";
import type { BotBackend } from "../backend.js";
import { createDigestRunner, type DigestRunnerDeps } from "./runner.js";
import type { DigestScheduler } from "./types.js";

export interface StartDigestsOptions extends Omit<DigestRunnerDeps, "onOutcome"> {
  log: Logger;
  /** BullMQ job schedulers (durable, shared by bot processes) on Redis, else in memory. */
  backend: Pick<BotBackend, "digests">;
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
  return o.backend.digests({ stores: o.stores, run, onError, ...(o.now ? { now: o.now } : {}) });
}
