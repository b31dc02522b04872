/** English strings (Fluent). Kept in TS so the built dist needs no asset copying. */
export const en = `
side-long = Long
side-short = Short
side-buy = Buy
side-sell = Sell
side-mixed = Mixed
kind-large_liquidation = Large liquidation
kind-liquidation_storm = Liquidation storm
kind-whale_trade = Whale trade
kind-whale_cluster = Whale cluster
kind-whale_position = Hyperliquid whale
kind-radar = Radar
kind-etf_flow = Spot ETF flow
kind-whale_transfer = Whale transfer
kind-rule = My alert
kind-short-large_liquidation = Liquidations
kind-short-liquidation_storm = Storms
kind-short-whale_trade = Whales
kind-short-whale_cluster = Clusters
kind-short-whale_position = HL positions
kind-short-radar = Radar
kind-short-etf_flow = ETF flows
kind-short-whale_transfer = On-chain whales
kind-short-rule = My alerts
alert-large-liq = { $side } liquidated: { $amount }
alert-storm = { $side } liquidations: { $amount } in { $count } orders over { $window } s
storm-active = ⏳ Still going · updated { $time }
storm-ended = ✅ Ended
alert-whale-trade = { $side } { $amount }
alert-whale-cluster = { $side } { $amount } in { $count } trades over { $window } s
alert-whale-position = { $action } { $direction } { $amount }
alert-radar = { $pressure } pressure: { $amount } across { $count } events
alert-rule = Your rule fired: { $value } (level { $level })
whale-opened = Opened
whale-closed = Closed
pressure-bullish = Bullish
pressure-bearish = Bearish
pressure-mixed = Mixed
entry = entry
side-inflow = Inflow
side-outflow = Outflow
etf-inflow = Net inflow { $amount } on { $day }
etf-outflow = Net outflow { $amount } on { $day }
etf-flat = No net flow on { $day }
etf-funds = { $reported } of { $listed } funds reported
transfer-in = { $amount } onto { $exchange }
transfer-out = { $amount } off { $exchange }
transfer-between = { $amount } from { $from } to { $to }
transfer-hint-in = Exchange inflow: coins moved onto an exchange can be sold there — possible sell pressure.
transfer-hint-out = Exchange outflow: coins leaving an exchange are no longer on hand to sell there.
transfer-hint-in-stable = Stablecoin exchange inflow: buying power arriving — possible buy pressure.
transfer-hint-out-stable = Stablecoin exchange outflow: buying power leaving the exchange.
transfer-hint-between = Between exchanges: the coins stay on exchanges.
start =
    👋 Hi <b>{ $name }</b>! I read CoinGlass derivatives data for you and push whale and liquidation alerts.

    📊 /raw BTC — full snapshot
    💥 /liq ETH 4h — liquidations
    🐋 /whale — Hyperliquid whales
    📚 /orderbook BTC — walls and depth
    🔔 /subscribe — alerts in this chat

    /help lists everything.
help =
    <b>Market</b>
    /raw SYMBOL — price, OI, volume, funding, liquidations, long/short, taker flow, RSI, depth
    /liq SYMBOL [1h|4h|12h|24h] — liquidations
    /whale [SYMBOL] — Hyperliquid whale positions and moves
    /orderbook SYMBOL (/ob) — walls, depth, imbalance across exchanges
    /funding [SYMBOL] · /oi [SYMBOL] · /rsi [SYMBOL] — without a symbol: the 10 largest coins by open interest
    /sentiment — fear and greed, trend, funding, OI, long/short, Coinbase premium, Bitfinex margin, basis
    /chart SYMBOL [5m|15m|30m|1h|4h|12h|1d] — candles with liquidations
    /etf [btc|eth|sol|xrp] — spot-ETF daily net flows, net assets, bar chart
    /arb — funding arbitrage: best long/short exchange pairs, per 8 h and APR
    /transfers [SYMBOL] — on-chain transfers ≥ $10M, onto and off exchanges
    /onchain SYMBOL — coins held on exchanges, 1d/7d/30d flows
    /calendar — today's and this week's high-importance macro releases, in your time zone
    /options [btc|eth] — max pain per expiry vs price, put/call, OI by exchange
    /liqmap SYMBOL [12h|24h|3d|7d|30d] — liquidation heatmap, nearest large clusters above and below the price

    <b>Alerts</b>
    /subscribe [SYMBOL …|all] — pick kinds and minimum size
    /unsubscribe [SYMBOL|all]
    /alert — personal alerts: <code>/alert BTC price &gt; 100000</code>, <code>/alert ETH move 5% 1h</code>, or tap through
    /alerts — this chat's alerts: pause, resume, edit, delete
    /settings — minimum USD, quiet hours, mute, language
    /digest — a summary daily at your time or every N hours
    /lang en|id

    /connect — a one-time login code for ChatGPT, Claude and other apps
    /status — live service figures
help-console = ⌨️ Console chat: buttons are numbered under each message; type a number to press that button of the last message (or <code>#data</code>, the button's data).
usage-raw = Usage: <code>/raw SYMBOL</code>, e.g. <code>/raw BTC</code>
usage-liq = Usage: <code>/liq SYMBOL [1h|4h|12h|24h]</code>, e.g. <code>/liq ETH 4h</code>
usage-whale = Usage: <code>/whale [SYMBOL]</code>, e.g. <code>/whale BTC</code>
usage-orderbook = Usage: <code>/orderbook SYMBOL</code>, e.g. <code>/ob BTC</code>
usage-chart = Usage: <code>/chart SYMBOL [5m|15m|30m|1h|4h|12h|1d]</code>, e.g. <code>/chart BTC 1h</code>
usage-subscribe = Usage: <code>/subscribe [SYMBOL …|all]</code>, e.g. <code>/subscribe BTC ETH</code>
usage-unsubscribe = Usage: <code>/unsubscribe [SYMBOL|all]</code>, e.g. <code>/unsubscribe BTC</code>
usage-lang = Usage: <code>/lang en</code> or <code>/lang id</code>
usage-admin = Usage: <code>/admin on|off KIND</code> — kinds: { $kinds }
unknown-symbol = Unknown symbol { $input }. Use a coin ticker, e.g. <code>BTC</code>, <code>ETH</code> or <code>SOL</code>.
unknown-symbol-suggest = Unknown symbol { $input } — did you mean { $list }?
unknown-command = I don't know { $command }. Try /help.
text-hint = Send a command, e.g. /raw BTC — /help lists them all.
access-denied = 🚫 This bot is private. Ask the owner to add your id <code>{ $id }</code>.
access-denied-short = 🚫 This bot is private.
slow-down = ⏳ Easy — too many requests. Try again in a few seconds.
error-internal = ⚠️ Something went wrong on our side. Please try again.
error-upstream = ⚠️ CoinGlass is not answering right now and nothing is cached. Try again in a minute.
error-busy = ⏳ CoinGlass is busy (rate limit). Try again in a minute.
error-plan = 🔒 This data is not included in the CoinGlass plan this bot uses.
stale = data may be stale ({ $age } old: { $why })
stale-timeout = CoinGlass did not answer in time
stale-upstream_error = CoinGlass answered with an error
stale-quota = the CoinGlass request limit is reached
stale-plan = not in this bot's CoinGlass plan
stale-bad_answer = CoinGlass sent an unusable answer
cached = cached { $ago }
raw-title = raw snapshot
price = Price
high-24h = 24h high
low-24h = low
open-interest = Open interest
volume-24h = Volume 24h
funding = Funding
oi-weighted = OI-weighted
vol-weighted = volume-weighted
funding-average = Per 8 h, OI-weighted: <b>{ $rate }</b> (APR { $apr }) · { $count } exchanges
funding-coinglass = CoinGlass averages (each exchange's own interval)
funding-basis = per 8 h
funding-spread = spread { $spread } per 8 h
funding-per-8h = (per 8 h, OI-weighted)
top-coins = top { $count } coins by open interest
overview-funding = Per 8 h: mean of exchanges · lowest … highest
overview-more = One coin in detail: { $example }
rsi = RSI
overview-plan = Listing the top coins needs the CoinGlass Standard plan (this bot uses a smaller one). Ask for one coin: { $example }
next-funding = Next funding
every-hours = every { $hours } h
liquidations = Liquidations
longs = longs
shorts = shorts
long-short = Long/short
ls-accounts = Accounts
ls-top-accounts = Top accounts
ls-top-positions = Top positions
taker-flow = Taker flow
net = net
unit-m = m
unit-h = h
unit-d = d
unit-w = w
buy = buy
sell = sell
orderbook-depth = Depth ±{ $range }%
bids = bids
asks = asks
imbalance = imbalance
liq-title = liquidations { $range }
total = Total
liq-dominant-long = 🔴 Longs took most of the pain.
liq-dominant-short = 🟢 Shorts took most of the pain.
by-exchange = By exchange
rsi-legend = 🔥 ≥ 70 overbought · 🧊 ≤ 30 oversold
sentiment-title = Market sentiment
fear-greed = Fear and greed
trend-up = up
trend-down = down
trend-flat = flat
bias-longs_pay = longs pay shorts
bias-shorts_pay = shorts pay longs
bias-neutral = neutral
whale-title = Hyperliquid whales
all-coins = all coins
positions-all = all { $count } positions ≥ { $min }
shown-of = { $shown } of { $total }
top-positions = Largest positions
recent-moves = Recent opens and closes
none = none
orderbook-title = order book ±{ $range }%
all-exchanges = All exchanges
bias-bids = 🟢 Bids dominate.
bias-asks = 🔴 Asks dominate.
bias-balanced = ⚖️ Balanced book.
walls = Walls
chart-longs = Longs liquidated
chart-shorts = Shorts liquidated
chart-liquidations = Liquidations (USD)
chart-time = Time (UTC)
chart-last = Last
chart-source = Data: CoinGlass
chart-empty = No price history for that symbol and interval.
chart-no-liq = Liquidation history unavailable (n/a).
alerts-none = This chat receives no alerts. /subscribe to start.
alerts-title = Alerts in this chat
coins = Coins
kinds = Kinds
min-usd = Minimum size
any-size = any size
quiet-hours = Quiet hours
quiet-silent = silent
quiet-hold = held
muted-until = muted until { $time }
kinds-off-by-admin = Struck-through kinds are switched off for everyone by an admin.
unsubscribe-all = Unsubscribe
done = Done
subscribed = Subscribed. Choose kinds and minimum size:
unsubscribed-all = You will no longer receive alerts here.
unsubscribe-from-all = This chat follows all coins. Use <code>/subscribe { $symbol }</code> to follow only some, or <code>/unsubscribe all</code>.
not-following = This chat does not follow { $symbol }.
unsubscribed-symbol = Stopped alerts for { $symbol }.
settings-title = Settings
settings-help =
    Change with the buttons or:
    <code>/settings min 500k</code>
    <code>/settings quiet 22:00 07:00 silent|hold Asia/Jakarta</code>
    <code>/settings tz Europe/Berlin</code> · <code>/settings mute 8</code> · <code>/settings unmute</code>
settings-bad-min = Minimum must be a number of USD, e.g. <code>/settings min 250000</code> or <code>500k</code>.
settings-bad-quiet = Quiet hours: <code>/settings quiet 22:00 07:00 silent</code> (or <code>hold</code>), or <code>/settings quiet off</code>.
settings-bad-tz = Unknown time zone. Use an IANA name such as <code>Asia/Jakarta</code> or <code>UTC</code>.
settings-bad-mute = Mute takes hours, e.g. <code>/settings mute 8</code>.
settings-unknown = Unknown setting. Try <code>min</code>, <code>quiet</code>, <code>tz</code>, <code>mute</code>, <code>unmute</code> or <code>lang</code>.
saved = Saved.
off = off
mute = Mute
unmute = Unmute
language = Language
language-set = 🇬🇧 Language set to English.
status-title = Status
quota-used = { $used }/{ $limit } requests in the last minute
upstream-calls = Upstream calls
errors = errors
cache-hit-rate = Cache hit rate
entries = entries
alert-worker = Alert worker
connected = connected
disconnected = disconnected
last-event = last event
ago-duration = { $d } ago
alert-queue = Alert queue
alerts-pending = alerts pending
messages-queued = messages queued
uptime = Uptime
admin-only = 🔒 Admins only.
admin-title = Admin: alert kinds for everyone
delivery-stats = Delivery
etf-title = spot ETFs, daily net flows (US)
etf-none = CoinGlass has published no flow days yet.
etf-latest = Latest { $day }
etf-last-days = Last { $count } trading days
etf-sum = { $count }-day sum
etf-net-assets = Net assets
etf-day-change = day change
etf-hong-kong = Hong Kong { $day }
etf-chart-caption = { $asset } spot-ETF net flows, last { $count } trading days (USD, UTC days)
usage-etf = Usage: <code>/etf [btc|eth|sol|xrp]</code>, e.g. <code>/etf eth</code>
etf-more-funds = +{ $count } more
arb-title = Funding arbitrage — best pairs, rates per 8 h
arb-none = CoinGlass lists no arbitrage pairs right now.
arb-gap = gap { $rate } per 8 h · APR { $apr }
arb-long = long
arb-short = short
arb-details = 7d paid: long { $long } · short { $short } · fees { $fee } · price gap { $gap }
arb-note = Long where funding is lower, short where it is higher. APR is simple, before fees and price moves.
error-plan-needs = 🔒 This needs the CoinGlass { $plan } plan or above; this bot uses { $current }.
help-plan = 📦 CoinGlass plan: <b>{ $plan }</b> — includes { $included }
help-plan-locked = 🔒 Needs a higher plan: { $locked }
options-title = options, max pain ({ $exchange })
options-expiries = Expiries
max-pain = max pain
options-put-call = Put/call open interest
options-oi-by-exchange = Options open interest by exchange
usage-options = Usage: <code>/options [btc|eth]</code> — CoinGlass has options data for BTC and ETH.
liqmap-title = liquidation map, { $range }, all exchanges
liqmap-above = Above the price — nearest large clusters
liqmap-below = Below the price — nearest large clusters
liqmap-totals = Σ on the { $range } map: { $above } above · { $below } below
liqmap-max-pain = CoinGlass max pain: long { $long } · short { $short }
liqmap-max-pain-none = CoinGlass max pain: n/a
liqmap-no-heatmap = ⚠️ The heatmap is unavailable right now, so there is no picture.
liqmap-note = Cluster = the levels in a { $band }% price band, summed; shown at its largest level, distance from the price in brackets.
liqmap-chart-title = liquidation heatmap
liqmap-chart-subtitle = All exchanges · brighter = more to liquidate · Data: CoinGlass
liqmap-chart-time = Time (UTC)
liqmap-chart-price = Price (USD)
liqmap-chart-amount = To liquidate (USD)
liqmap-chart-now = Now
usage-liqmap = Usage: <code>/liqmap SYMBOL [12h|24h|3d|7d|30d]</code>, e.g. <code>/liqmap BTC</code> or <code>/liqmap ETH 7d</code>
indicators-title = Indicators ({ $interval } bars)
coinbase-premium = Coinbase premium
bitfinex-margin = Bitfinex margin
basis = Basis
indicators = Indicators
cal-title = Economic calendar — high importance
cal-today = Today
cal-week = This week
cal-none = nothing
cal-actual = actual
cal-forecast = forecast
cal-previous = previous
cal-time-tbd = time not set
cal-more = +{ $count } more
onchain-title = exchange balances on chain
onchain-leaving = 🟢 Coins left exchanges over 7 days.
onchain-arriving = 🔴 Coins arrived on exchanges over 7 days.
usage-onchain = Usage: <code>/onchain SYMBOL</code>, e.g. <code>/onchain BTC</code>
transfers-title = On-chain whale transfers ≥ $10M, last 24 h
transfers-to-exchanges = Onto exchanges
transfers-from-exchanges = off exchanges
usage-transfers = Usage: <code>/transfers [SYMBOL]</code>, e.g. <code>/transfers BTC</code>
connect-code =
    🔑 Your TELEGLAS login code: <code>{ $code }</code>

    Type it on the TELEGLAS login page that ChatGPT, Claude or another app opens when you connect it. It works once, for { $minutes } minutes; a new /connect replaces it.
    The app can then read market data, your alert settings and the alerts you received here — nothing else, and it can change nothing. Never share this code.
connect-private = 🔒 Send /connect to me in a private chat: a login code must never be shown in a group.
`;
