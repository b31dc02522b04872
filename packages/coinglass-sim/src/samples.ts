/**
 * One valid query per REST endpoint the simulator serves — for tests that walk every endpoint
 * (e.g. parsing each response with the raw schemas in market-data-core).
 */
export const SAMPLE_QUERIES: Readonly<Record<string, string>> = {
  "/api/futures/supported-coins": "",
  "/api/futures/supported-exchanges": "",
  "/api/futures/supported-exchange-pairs": "",
  "/api/futures/coins-markets": "per_page=50",
  "/api/futures/pairs-markets": "symbol=BTC",
  "/api/futures/coins-price-change": "",
  "/api/futures/price/history": "exchange=Binance&symbol=BTCUSDT&interval=1h&limit=50",
  "/api/futures/exchange-rank": "",
  "/api/user/account/subscription": "",
  "/api/futures/liquidation/coin-list": "exchange=Binance",
  "/api/futures/liquidation/exchange-list": "symbol=BTC&range=24h",
  "/api/futures/liquidation/aggregated-history":
    "exchange_list=Binance,OKX,Bybit&symbol=BTC&interval=1h&limit=50",
  "/api/futures/liquidation/history": "exchange=Binance&symbol=BTCUSDT&interval=1h&limit=50",
  "/api/futures/liquidation/order": "exchange=Binance&symbol=BTC&min_liquidation_amount=0",
  "/api/hyperliquid/whale-alert": "",
  "/api/hyperliquid/whale-position": "",
  "/api/hyperliquid/position": "symbol=BTC",
  "/api/futures/funding-rate/exchange-list": "",
  "/api/futures/funding-rate/history": "exchange=Binance&symbol=BTCUSDT&interval=8h&limit=50",
  "/api/futures/funding-rate/oi-weight-history": "symbol=BTC&interval=8h&limit=50",
  "/api/futures/funding-rate/vol-weight-history": "symbol=BTC&interval=8h&limit=50",
  "/api/futures/open-interest/exchange-list": "symbol=BTC",
  "/api/futures/open-interest/history": "exchange=Binance&symbol=BTCUSDT&interval=1h&limit=50",
  "/api/futures/open-interest/aggregated-history": "symbol=BTC&interval=1h&limit=50",
  "/api/futures/open-interest/aggregated-stablecoin-history":
    "exchange_list=Binance,OKX&symbol=BTC&interval=1h&limit=50",
  "/api/futures/open-interest/exchange-history-chart": "symbol=BTC&range=4h",
  "/api/futures/global-long-short-account-ratio/history":
    "exchange=Binance&symbol=BTCUSDT&interval=1h&limit=50",
  "/api/futures/top-long-short-account-ratio/history": "exchange=Binance&symbol=BTCUSDT&interval=1h&limit=50",
  "/api/futures/top-long-short-position-ratio/history":
    "exchange=Binance&symbol=BTCUSDT&interval=1h&limit=50",
  "/api/futures/taker-buy-sell-volume/exchange-list": "symbol=BTC&range=24h",
  "/api/futures/v2/taker-buy-sell-volume/history": "exchange=Binance&symbol=BTCUSDT&interval=1h&limit=50",
  "/api/futures/aggregated-taker-buy-sell-volume/history":
    "exchange_list=Binance,OKX&symbol=BTC&interval=1h&limit=50",
  "/api/futures/orderbook/large-limit-order": "exchange=Binance&symbol=BTCUSDT",
  "/api/futures/orderbook/ask-bids-history": "exchange=Binance&symbol=BTCUSDT&interval=1h&limit=50&range=1",
  "/api/futures/orderbook/aggregated-ask-bids-history": "exchange_list=ALL&symbol=BTC&interval=1h&limit=50",
  "/api/futures/orderbook/history": "exchange=Binance&symbol=BTCUSDT&interval=1h&limit=10",
  "/api/futures/rsi/list": "",
  "/api/futures/indicators/rsi": "exchange=Binance&symbol=BTCUSDT&interval=1h&limit=50",
  "/api/futures/indicators/ema": "exchange=Binance&symbol=BTCUSDT&interval=1h&limit=50&window=20",
  "/api/futures/basis/history": "exchange=Binance&symbol=BTCUSDT&interval=1h&limit=50",
  "/api/index/fear-greed-history": "",
  "/api/etf/bitcoin/flow-history": "",
  "/api/etf/ethereum/flow-history": "",
  "/api/etf/solana/flow-history": "",
  "/api/etf/xrp/flow-history": "",
  "/api/hk-etf/bitcoin/flow-history": "",
  "/api/etf/bitcoin/net-assets/history": "",
  "/api/etf/ethereum/net-assets/history": "",
};
