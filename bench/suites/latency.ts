// How fast an alert reaches a person: the simulator streams a liquidation storm or a whale trade,
// the alert worker detects it, the bot fans it out to 1,000 subscribed chats through the fake
// Telegram Bot API at Telegram's limits (30 messages/s, 1 per chat per second), with the bot's own
// global rate BOT_GLOBAL_RATE = 25. The apps run as separate processes on their built JavaScript
// with their own Redis (the fault suite's stack). For each alert: from the CoinGlass event's own
// timestamp (the alert's last_at) to the fake accepting the first and the last subscriber's message.
// One alert at a time: the next event waits until the bot's delivery queue is empty (read from its
// /metrics). A fan-out of 1,000 takes 1,000 / 25 = 40 s, and a storm's edits (each newer state
// edits the 1,000 messages, under the same global rate) take as long again per revision, so
// alerts queued behind each other would measure the queue, not the path. How long the queue took
// to drain after each kind is reported as `queue_drained_s`.
import type { Alert, AlertKind } from "@teleglas/market-data-core";
import { waitFor } from "@teleglas/market-data-core/testing";
import { startFaultStack, subscribeChats } from "../../infra/faults/harness/stack.js";

const SUBSCRIBERS = Number(process.env["BENCH_SUBSCRIBERS"] ?? 1_000);
const GLOBAL_RATE = 25; // the fault stack's BOT_GLOBAL_RATE
const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 3); // per kind
// Each round on a fresh coin (a coin's cooldown would refuse a second alert); DOT warms up.
const COINS = ["BTC", "ETH", "SOL", "BNB", "XRP", "ADA", "DOGE", "AVAX"];
const WARM_COIN = "DOT";
const WARM_CHAT = 19_999;
const KINDS: AlertKind[] = ["liquidation_storm", "whale_trade"];
const lastGoalS = SUBSCRIBERS / GLOBAL_RATE + 2;

const stack = await startFaultStack();
const chats = Array.from({ length: SUBSCRIBERS }, (_, i) => 20_000 + i);
await subscribeChats(stack.stores, chats, COINS, KINDS);
await subscribeChats(stack.stores, [WARM_CHAT], [WARM_COIN], KINDS);
const firstSeen = new Map<string, Alert>();
const ended = new Set<string>(); // storms whose last state ("ended") was published
const follow = stack.stores.alerts.follow((a) => {
  if (!firstSeen.has(a.id)) firstSeen.set(a.id, a);
  if (a.status === "ended") ended.add(a.id);
});
await follow.ready;

const inject = (kind: AlertKind, coin: string) =>
  kind === "liquidation_storm"
    ? stack.sim.control("storm", {
        symbol: coin,
        side: "long",
        totalUsd: 8_000_000,
        count: 24,
        overSeconds: 0,
      })
    : stack.sim.control("whale-trades", {
        symbol: coin,
        side: "buy",
        totalUsd: 3_000_000,
        count: 1,
        overSeconds: 0,
      });

// Each chat's message times, indexed as the fake records them (a scan per poll stays cheap).
const byChat = new Map<number, number[]>(chats.map((id) => [id, []]));
let indexed = 0;
const index = () => {
  const all = stack.fake.messages();
  for (; indexed < all.length; indexed++) {
    const m = all[indexed]!;
    byChat.get(m.chat_id)?.push(m.at);
  }
};
const countOf = (id: number) => byChat.get(id)?.length ?? 0;

// Warm-up, not counted: one storm and one whale trade on DOT to one chat, so the figures are of
// running processes (compiled code paths, open connections), not of their first alert after start.
for (const [i, kind] of KINDS.entries()) {
  await inject(kind, WARM_COIN);
  await waitFor(() => (stack.fake.messages(WARM_CHAT).length > i ? true : undefined), `the warm-up ${kind}`);
}

const samples: Record<string, { first: number[]; last: number[]; drained: number[] }> = Object.fromEntries(
  KINDS.map((k) => [k, { first: [], last: [], drained: [] }]),
);
/** True once the bot's /metrics shows an empty delivery queue. */
const queueEmpty = async () => {
  const text = await (await fetch(stack.bot.metricsUrl)).text();
  return /^teleglas_bot_delivery_queue_depth 0$/m.test(text) ? true : undefined;
};
let lost = 0;
let expected = 0;
for (let round = 0; round < ROUNDS * KINDS.length; round++) {
  const kind = KINDS[round % KINDS.length]!;
  const coin = COINS[Math.floor(round / KINDS.length) % COINS.length]!;
  index();
  const before = new Map(chats.map((id) => [id, countOf(id)]));
  const startedAt = Date.now();
  await inject(kind, coin);
  const alert = await waitFor(
    () =>
      [...firstSeen.values()].find(
        (a) => a.kind === kind && a.symbol === coin && a.last_at >= startedAt - 5_000,
      ),
    `the ${kind} alert on ${coin}`,
  );
  const delivered = () => {
    index();
    return chats.filter((id) => countOf(id) > (before.get(id) ?? 0)).length;
  };
  await waitFor(
    () => (delivered() >= SUBSCRIBERS ? true : undefined),
    `${kind} ${coin} at every subscriber`,
    lastGoalS * 3_000,
  ).catch((error: unknown) => console.error(String(error)));
  await new Promise((r) => setTimeout(r, 1_000)); // late duplicates would land by now
  index();
  const times = chats.flatMap((id) => {
    const at = byChat.get(id)?.[before.get(id) ?? 0];
    return at === undefined ? [] : [at];
  });
  lost += SUBSCRIBERS - times.length;
  expected += SUBSCRIBERS;
  const s = samples[kind]!;
  // A storm is edited until it ends (its window quiets): wait for its last state, then the queue.
  if (alert.status !== undefined)
    await waitFor(() => (ended.has(alert.id) ? true : undefined), "the storm's end", 300_000);
  await waitFor(queueEmpty, "the delivery queue to drain (storm edits included)", 600_000);
  const drained = Date.now() - startedAt;
  if (times.length === 0) continue;
  const first = Math.min(...times) - alert.last_at;
  const last = Math.max(...times) - alert.last_at;
  s.first.push(first);
  s.last.push(last);
  s.drained.push(drained);
  console.error(
    `  ${kind} ${coin}: first ${first} ms, last ${(last / 1000).toFixed(1)} s, ${times.length}/${SUBSCRIBERS}, queue empty after ${(drained / 1000).toFixed(1)} s`,
  );
}
index();
const sent = chats.reduce((n, id) => n + countOf(id), 0);
follow();
await stack.stop();

/** Nearest-rank percentile. */
const pct = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};
const seconds = (ms: number) => Math.round(ms / 100) / 10;
const summary = (first: number[], last: number[]) => ({
  first_p50_ms: Math.round(pct(first, 50)),
  first_p99_ms: Math.round(pct(first, 99)),
  last_s: seconds(Math.max(...last)),
});
const all = Object.values(samples);
const metrics = {
  subscribers: SUBSCRIBERS,
  ...summary(
    all.flatMap((s) => s.first),
    all.flatMap((s) => s.last),
  ),
  last_goal_s: lastGoalS,
  lost,
  duplicates: sent - (expected - lost),
  alerts: ROUNDS * KINDS.length,
  by_kind: Object.fromEntries(
    Object.entries(samples).map(([k, s]) => [
      k,
      { ...summary(s.first, s.last), queue_drained_s: seconds(Math.max(...s.drained)) },
    ]),
  ),
};
console.log(JSON.stringify({ suite: "latency", metrics }));
