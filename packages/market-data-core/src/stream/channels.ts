/** The documented liquidation channel. */
export const LIQUIDATION_CHANNEL = "liquidationOrders";

/**
 * The documented large-trade channel name: `futures_trades@{exchange}_{pair}@{minUsd}`
 * (an underscore between exchange and pair; the original project used `@` and subscribed to nothing).
 *
 * @example futuresTradesChannel("Binance", "BTCUSDT", 10000) // "futures_trades@Binance_BTCUSDT@10000"
 */
export function futuresTradesChannel(exchange: string, pair: string, minUsd: number): string {
  return `futures_trades@${exchange}_${pair.toUpperCase()}@${minUsd}`;
}

/** Which event type a channel carries; null for channels the client does not map (e.g. tickers). */
export function channelEventType(channel: string): "liquidation" | "trade" | null {
  if (channel === LIQUIDATION_CHANNEL || channel === "liquidation_orders") return "liquidation";
  if (channel.startsWith("futures_trades@") || channel.startsWith("spot_trades@")) return "trade";
  return null;
}
