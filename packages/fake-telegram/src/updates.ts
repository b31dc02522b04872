/**
 * The update queue behind getUpdates (long polling with offset/timeout) and setWebhook (push).
 */
export interface Update {
  update_id: number;
  [key: string]: unknown;
}

export interface Webhook {
  url: string;
  secret_token?: string;
}

export interface UpdateQueue {
  push(body: Record<string, unknown>): Update;
  /** Updates after `offset` (confirming earlier ones); waits up to timeoutS for one to arrive. */
  poll(offset: number | undefined, limit: number, timeoutS: number): Promise<Update[]>;
  webhook: Webhook | null;
  setWebhook(w: Webhook | null, dropPending?: boolean): void;
  /** Resolves every waiting long poll with nothing (server closing). */
  drain(): void;
  /** Errors from webhook deliveries (the bot's endpoint rejected or was unreachable). */
  webhookErrors: string[];
}

export function createUpdateQueue(): UpdateQueue {
  let nextId = 1;
  let pending: Update[] = [];
  let waiters: Array<() => void> = [];
  const webhookErrors: string[] = [];
  const wake = () => {
    const w = waiters;
    waiters = [];
    for (const fn of w) fn();
  };

  const queue: UpdateQueue = {
    webhook: null,
    webhookErrors,
    push(body) {
      const update: Update = { update_id: nextId++, ...body };
      const hook = queue.webhook;
      if (hook) {
        void deliver(hook, update).catch((error: unknown) => webhookErrors.push(String(error)));
      } else {
        pending.push(update);
        wake();
      }
      return update;
    },
    async poll(offset, limit, timeoutS) {
      if (offset !== undefined) pending = pending.filter((u) => u.update_id >= offset);
      if (pending.length === 0 && timeoutS > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, timeoutS * 1000);
          function done() {
            clearTimeout(timer);
            resolve();
          }
          waiters.push(done);
        });
      }
      return pending.slice(0, limit);
    },
    setWebhook(w, dropPending) {
      queue.webhook = w;
      if (dropPending) pending = [];
      // A long poll open while a webhook is set gets its answer now rather than at its timeout.
      wake();
    },
    drain: wake,
  };
  return queue;
}

async function deliver(hook: Webhook, update: Update): Promise<void> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (hook.secret_token) headers["x-telegram-bot-api-secret-token"] = hook.secret_token;
  const res = await fetch(hook.url, { method: "POST", headers, body: JSON.stringify(update) });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`webhook answered ${res.status} for update ${update.update_id}`);
}
