/**
 * Telegram's flood limits as the fake enforces them. Telegram documents them loosely ("about 30
 * messages per second overall, no more than one per second in a chat, 20 per minute in a group");
 * the fake makes them exact so a client that overshoots sees a 429 with `retry_after`.
 */
export interface LimitOptions {
  /** Messages per second across all chats; a bucket holding one second's worth (default 30). */
  globalPerSecond?: number;
  /** Messages per second in one private chat (default 1). */
  perChatPerSecond?: number;
  /** Messages per minute in one group (negative chat id) (default 20). */
  groupPerMinute?: number;
}

export interface Limiter {
  /** Null when the send may go ahead (and counts it); otherwise the seconds to wait (>= 1). */
  admit(chatId: number, now: number): number | null;
  set(opts: LimitOptions): void;
  reset(): void;
}

export function createLimiter(initial: LimitOptions = {}): Limiter {
  let globalRate = initial.globalPerSecond ?? 30;
  let perChat = initial.perChatPerSecond ?? 1;
  let groupPerMin = initial.groupPerMinute ?? 20;
  // Token bucket for the global limit: capacity = one second's worth, so short bursts of a
  // client pacing at the rate do not trip it but a sustained overshoot does.
  let tokens = globalRate;
  let refilledAt = 0;
  // Sliding windows per chat: send times inside the window.
  const chatSends = new Map<number, number[]>();

  const refill = (now: number) => {
    if (refilledAt === 0) refilledAt = now;
    tokens = Math.min(globalRate, tokens + ((now - refilledAt) / 1000) * globalRate);
    refilledAt = now;
  };

  return {
    admit(chatId, now) {
      const group = chatId < 0;
      const windowMs = group ? 60_000 : 1_000;
      const max = group ? groupPerMin : perChat;
      const sends = (chatSends.get(chatId) ?? []).filter((t) => now - t < windowMs);
      if (sends.length >= max) {
        chatSends.set(chatId, sends);
        const oldest = sends[0] ?? now;
        return Math.max(1, Math.ceil((oldest + windowMs - now) / 1000));
      }
      refill(now);
      if (tokens < 1) return Math.max(1, Math.ceil((1 - tokens) / globalRate));
      tokens -= 1;
      sends.push(now);
      chatSends.set(chatId, sends);
      return null;
    },
    set(opts) {
      if (opts.globalPerSecond !== undefined) {
        globalRate = opts.globalPerSecond;
        tokens = Math.min(tokens, globalRate);
      }
      if (opts.perChatPerSecond !== undefined) perChat = opts.perChatPerSecond;
      if (opts.groupPerMinute !== undefined) groupPerMin = opts.groupPerMinute;
    },
    reset() {
      tokens = globalRate;
      refilledAt = 0;
      chatSends.clear();
    },
  };
}
