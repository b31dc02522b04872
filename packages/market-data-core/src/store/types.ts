import type { Alert, AlertKind } from "../models/alert.js";
import type { ChatSubscription } from "../models/subscription.js";
import type { RouteStore } from "./routes.js";
import type { RuleStore } from "./rules.js";

/** Per-chat subscription records. */
export interface SubscriptionStore {
  get(chatId: number): Promise<ChatSubscription | null>;
  /** Creates the record from defaults when absent, then applies the patch; validates the result. */
  upsert(chatId: number, patch: Partial<ChatSubscription>): Promise<ChatSubscription>;
  listActive(): Promise<ChatSubscription[]>;
  /** Marks the chat inactive (e.g. the bot was blocked); a no-op for an unknown chat. */
  deactivate(chatId: number, reason: string): Promise<void>;
  /** Moves a record to a new chat id (Telegram group -> supergroup migration). */
  migrate(fromChatId: number, toChatId: number): Promise<void>;
}

/** How a consumer reads the durable alert queue (the loop itself is the bot's: delivery/alert-consumer.ts). */
export interface QueueReadOptions {
  /** Entries read per round trip. */
  batch: number;
  /** How long a read waits for new entries before it returns empty. */
  blockMs: number;
  /** An entry delivered but not acknowledged for this long may be claimed by another consumer. */
  claimIdleMs: number;
  /** Where a group that does not exist yet starts: the oldest entry kept or only new ones. */
  from: "start" | "new";
}

/** One queue entry; `alert` is null when the stored payload cannot be read (it is acked and reported). */
export interface QueueEntry {
  id: string;
  alert: Alert | null;
}

/** One consumer's reads of its group (a Redis consumer group, or its in-process twin). */
export interface QueueCursor {
  /** This consumer's entries left unacknowledged by an earlier run under the same name. */
  ownPending(): Promise<QueueEntry[]>;
  /** Entries of the group pending longer than claimIdleMs, now assigned to this consumer. */
  claim(): Promise<QueueEntry[]>;
  /** New entries; waits up to blockMs when there are none. */
  read(): Promise<QueueEntry[]>;
  ack(id: string): Promise<void>;
  /** Makes a waiting read return at once (used by stop). */
  interrupt(): void;
  close(): Promise<void>;
}

/** Stops following when called; `ready` resolves once alerts published from then on will arrive. */
export type FollowHandle = (() => void) & { ready: Promise<void> };

/** Tuning of the alert log and queue. */
export interface AlertStoreOptions {
  /** Alerts kept in the recent log (default 1000). */
  recentMax?: number;
  /** Approximate cap of the durable queue; older entries are trimmed (default 100000). */
  queueMaxLen?: number;
  /** How long a published id is remembered to make publish idempotent (default 7 days). */
  dedupeTtlMs?: number;
}

/** The checks `publishGuarded` makes before publishing, in this order. */
export type PublishGuards = {
  /** A key of `stores.cooldowns` (as given to `tryAcquire`); when held the alert is not published. */
  cooldownKey: string;
  cooldownMs: number;
} & (
  | {
      /** A key of `stores.ledger` (as given to `markOnce`); when already marked nothing is published. */
      seenKey: string;
      /** How long the `seenKey` mark lasts. */
      seenTtlMs: number;
    }
  | { seenKey?: undefined; seenTtlMs?: undefined }
);

/**
 * What `publishGuarded` did: `seen` (the ledger key was already marked), `cooling` (the cooldown
 * was held), `duplicate` (that alert id was already published) or `published`.
 */
export type GuardedOutcome = "published" | "duplicate" | "seen" | "cooling";

/** What `update` did. */
export type UpdateOutcome = "updated" | "stale" | "unknown";

/**
 * The alerts, by job: the guarded publish (and update) that feeds the recent log, the live tail and
 * the durable queue in one step; reading the log; following the tail; joining the queue.
 */
export interface AlertStore {
  /** Appends to the log and the queue; false (and nothing written) when that id was already published. */
  publish(alert: Alert): Promise<boolean>;
  /**
   * `ledger.markOnce(seenKey)`, then `cooldowns.tryAcquire(cooldownKey)`, then `publish(alert)`,
   * stopping at the first that refuses — atomically and in one round trip on Redis. A step that
   * succeeded stays done when a later one refuses (a seen event stays seen while cooling), exactly
   * as the three calls in a row would leave it. Unlike `publish`, the alert is not validated again:
   * it comes from typed code on a hot path (the worker's detectors, whose tests check every alert
   * against AlertSchema), where a parse per alert was most of a burst's publish time.
   */
  publishGuarded(alert: Alert, guards: PublishGuards): Promise<GuardedOutcome>;
  /**
   * A newer state of an alert already published (same id, later `updated_at`): replaces it in the
   * recent log, is kept as its latest state, goes on the queue (consumers tell it by `revision`
   * > 0) and to followers. `unknown` when that id was never published (nothing written), `stale`
   * when a state at least as new is already stored.
   */
  update(alert: Alert): Promise<UpdateOutcome>;
  /** The latest state of an updated alert; null when it was never updated (or has expired). */
  latest(id: string): Promise<Alert | null>;
  /** Newest first, from a capped log. */
  recent(q?: { symbol?: string; kind?: AlertKind; limit?: number }): Promise<Alert[]>;
  /** Live tail of alerts published from now on (any process when on Redis). Returns an unsubscribe. */
  follow(cb: (alert: Alert) => void): FollowHandle;
  /**
   * Joins a consumer group of the durable queue (creating the group at `opts.from`) and returns
   * that consumer's cursor; rejects while the backend is unreachable. The at-least-once consumer
   * loop over it is the bot's (apps/telegram-bot/src/delivery/alert-consumer.ts).
   */
  join(group: string, consumer: string, opts: QueueReadOptions): Promise<QueueCursor>;
  /** Entries not yet acknowledged by that group (never delivered + delivered but pending). */
  depth(group: string): Promise<number>;
}

export interface CooldownStore {
  /** True for the first caller within ttlMs of a key, atomically across processes. */
  tryAcquire(key: string, ttlMs: number): Promise<boolean>;
  clear(key: string): Promise<void>;
}

export interface DeliveryLedger {
  /** True the first time a key is marked (within ttlMs), false afterwards. */
  markOnce(key: string, ttlMs: number): Promise<boolean>;
  has(key: string): Promise<boolean>;
}

/** Admin switches per alert kind; a kind never switched is on. */
export interface FlagStore {
  kindEnabled(kind: AlertKind): Promise<boolean>;
  setKind(kind: AlertKind, on: boolean): Promise<void>;
  all(): Promise<Record<AlertKind, boolean>>;
}

/** Every piece of shared state the apps keep, backed by Redis or by process memory. */
export interface Stores {
  readonly backend: "redis" | "memory";
  subscriptions: SubscriptionStore;
  alerts: AlertStore;
  cooldowns: CooldownStore;
  ledger: DeliveryLedger;
  flags: FlagStore;
  /** Leases one holder has at a time (the alert worker's leadership). */
  leases: import("./leases.js").LeaseStore;
  /** One-time login codes of the bot's /connect (the API's OAuth login page redeems them). */
  loginCodes: import("./login-codes.js").LoginCodeStore;
  /** Which alerts each chat was sent in the last day. */
  received: import("./received.js").ReceivedLog;
  /** Per-chat routing of alert kinds to forum topics and a linked channel. */
  routes: RouteStore;
  /** Personal alert rules per chat and their evaluation state (issue 15). */
  rules: RuleStore;
  /** Stops followers (and the connection the live tail opened). Does not quit the Redis it was given. */
  close(): Promise<void>;
}

export const DEFAULT_STORE_PREFIX = "teleglas:";
