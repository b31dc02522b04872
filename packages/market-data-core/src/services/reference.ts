/** The exchange whose pair-level series (L/S ratios, candles, RSI) stand for the market. */
export const REFERENCE_EXCHANGE = "Binance";
