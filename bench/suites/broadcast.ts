// One alert to many subscribers through the fake Bot API enforcing Telegram's limits, delivered by
// the bot's BullMQ queue with its own global limit set to the same rate. Measures how close the
// achieved rate comes to the limit, and counts lost and duplicate messages and 429s.
import { createFakeTelegram } from "@teleglas/fake-telegram";
import { createStores, deleteByPrefix } from "@teleglas/market-data-core";
import { createBullDelivery, startDispatcher } from "@teleglas/telegram-bot/delivery";
import { createI18n, translatorFor } from "@teleglas/telegram-bot/i18n";
import { Api } from "grammy";
import { benchAlert, benchRedis, subscribeChats } from "../lib/broadcast-setup.js";

const RECIPIENTS = Number(process.env["BENCH_RECIPIENTS"] ?? 3000);
const LIMIT = Number(process.env["BENCH_RATE"] ?? 300);

const redis = await benchRedis();
const prefix = `bench:broadcast:${Date.now()}:`;
const tg = await createFakeTelegram({ globalPerSecond: LIMIT, perChatPerSecond: 1 });
const stores = createStores({ redis, prefix });
const i18n = createI18n();

console.error(`subscribing ${RECIPIENTS} chats…`);
const chats = await subscribeChats(stores, RECIPIENTS);
const delivery = createBullDelivery({
  redis,
  prefix,
  api: new Api("123:bench", { apiRoot: tg.apiRoot }),
  ledger: stores.ledger,
  subscriptions: stores.subscriptions,
  ratePerSecond: LIMIT,
  concurrency: 64,
});
delivery.start();
const dispatcher = startDispatcher({
  stores,
  delivery,
  translate: (lang) => translatorFor(i18n, lang),
  alertChatIds: [],
  consumerName: "bench",
});

console.error(`broadcasting one alert at a limit of ${LIMIT}/s…`);
const publishedAt = Date.now();
await stores.alerts.publish(benchAlert());
const unique = () => new Set(tg.messages().map((m) => m.chat_id)).size;
const progress = setInterval(() => console.error(`  ${unique()}/${RECIPIENTS} delivered`), 2000);
try {
  await tg.waitUntil(() => unique() >= RECIPIENTS, {
    timeoutMs: (RECIPIENTS / LIMIT) * 4000 + 30_000,
    what: "every recipient",
  });
} catch (error) {
  console.error(String(error));
}
// Let anything still in flight land, so late duplicates would be counted.
await new Promise((r) => setTimeout(r, 1000));
clearInterval(progress);

const messages = tg.messages();
const times = messages.map((m) => m.at).sort((a, b) => a - b);
// The steady rate between the 10th and 90th percentile sends: the first and last limiter
// windows are partial, and counting them would flatter (or understate) the rate.
const lo = Math.floor(times.length * 0.1);
const hi = Math.floor(times.length * 0.9);
const spanMs = (times[hi] ?? 0) - (times[lo] ?? 0);
const received = new Set(messages.map((m) => m.chat_id));
const achieved = spanMs > 0 ? ((hi - lo) / spanMs) * 1000 : 0;
const stats = tg.stats();
const sends = stats.byMethod["sendMessage"] ?? 0;
const metrics = {
  recipients: RECIPIENTS,
  limit_per_s: LIMIT,
  achieved_per_s: Math.round(achieved * 10) / 10,
  ratio: Math.round((achieved / LIMIT) * 1000) / 1000,
  lost: chats.filter((id) => !received.has(id)).length,
  duplicates: messages.length - received.size,
  status_429: stats.status429,
  status_429_share: sends > 0 ? Math.round((stats.status429 / sends) * 10_000) / 10_000 : 0,
  /** From publishing the alert to the last message accepted, fan-out included. */
  end_to_end_s: Math.round(((times.at(-1) ?? publishedAt) - publishedAt) / 100) / 10,
};

await dispatcher.stop();
await delivery.close();
await stores.close();
await tg.close();
await deleteByPrefix(redis, prefix);
redis.disconnect();
console.log(JSON.stringify({ suite: "broadcast", metrics }));
