/** Indonesian strings (Fluent). */
export const id = `
side-long = Long
side-short = Short
side-buy = Beli
side-sell = Jual
side-mixed = Campuran
kind-large_liquidation = Likuidasi besar
kind-liquidation_storm = Badai likuidasi
kind-whale_trade = Transaksi paus
kind-whale_cluster = Klaster paus
kind-whale_position = Paus Hyperliquid
kind-radar = Radar
kind-etf_flow = Arus ETF spot
kind-whale_transfer = Transfer paus
kind-rule = Alert saya
kind-short-large_liquidation = Likuidasi
kind-short-liquidation_storm = Badai
kind-short-whale_trade = Paus
kind-short-whale_cluster = Klaster
kind-short-whale_position = Posisi HL
kind-short-radar = Radar
kind-short-etf_flow = Arus ETF
kind-short-whale_transfer = Paus on-chain
kind-short-rule = Alert saya
alert-large-liq = { $side } terlikuidasi: { $amount }
alert-storm = Likuidasi { $side }: { $amount } dalam { $count } order selama { $window } dtk
storm-active = ⏳ Masih berlangsung · diperbarui { $time }
storm-ended = ✅ Berakhir
alert-whale-trade = { $side } { $amount }
alert-whale-cluster = { $side } { $amount } dalam { $count } transaksi selama { $window } dtk
alert-whale-position = { $action } { $direction } { $amount }
alert-radar = Tekanan { $pressure }: { $amount } dari { $count } kejadian
alert-rule = Aturan Anda terpicu: { $value } (level { $level })
whale-opened = Membuka
whale-closed = Menutup
pressure-bullish = bullish
pressure-bearish = bearish
pressure-mixed = campuran
entry = entry
side-inflow = Masuk
side-outflow = Keluar
etf-inflow = Arus masuk bersih { $amount } pada { $day }
etf-outflow = Arus keluar bersih { $amount } pada { $day }
etf-flat = Tanpa arus bersih pada { $day }
etf-funds = { $reported } dari { $listed } dana melapor
transfer-in = { $amount } masuk ke { $exchange }
transfer-out = { $amount } keluar dari { $exchange }
transfer-between = { $amount } dari { $from } ke { $to }
transfer-hint-in = Arus masuk ke bursa: koin yang dipindah ke bursa bisa dijual di sana — kemungkinan tekanan jual.
transfer-hint-out = Arus keluar dari bursa: koin yang meninggalkan bursa tidak lagi siap dijual di sana.
transfer-hint-in-stable = Stablecoin masuk ke bursa: daya beli datang — kemungkinan tekanan beli.
transfer-hint-out-stable = Stablecoin keluar dari bursa: daya beli meninggalkan bursa.
transfer-hint-between = Antar bursa: koin tetap berada di bursa.
start =
    👋 Halo <b>{ $name }</b>! Saya membaca data derivatif CoinGlass untuk Anda dan mengirim alert paus dan likuidasi.

    📊 /raw BTC — ringkasan lengkap
    💥 /liq ETH 4h — likuidasi
    🐋 /whale — paus Hyperliquid
    📚 /orderbook BTC — tembok dan kedalaman
    🔔 /subscribe — alert di chat ini

    /help menampilkan semua perintah.
help =
    <b>Pasar</b>
    /raw SIMBOL — harga, OI, volume, funding, likuidasi, long/short, arus taker, RSI, kedalaman
    /liq SIMBOL [1h|4h|12h|24h] — likuidasi
    /whale [SIMBOL] — posisi dan gerakan paus Hyperliquid
    /orderbook SIMBOL (/ob) — tembok, kedalaman, ketidakseimbangan antar bursa
    /funding [SIMBOL] · /oi [SIMBOL] · /rsi [SIMBOL] — tanpa simbol: 10 koin terbesar menurut open interest
    /sentiment — fear and greed, tren, funding, OI, long/short, premi Coinbase, margin Bitfinex, basis
    /chart SIMBOL [5m|15m|30m|1h|4h|12h|1d] — candle dengan likuidasi
    /etf [btc|eth|sol|xrp] — arus bersih harian ETF spot, aset bersih, grafik batang
    /arb — arbitrase funding: pasangan bursa long/short terbaik, per 8 jam dan APR
    /transfers [SIMBOL] — transfer on-chain ≥ $10M, masuk dan keluar bursa
    /onchain SIMBOL — koin di bursa, arus 1h/7h/30h
    /calendar — rilis makro penting hari ini dan minggu ini, di zona waktu Anda
    /options [btc|eth] — max pain per jatuh tempo vs harga, put/call, OI per bursa
    /liqmap SIMBOL [12h|24h|3d|7d|30d] — heatmap likuidasi, klaster besar terdekat di atas dan di bawah harga

    <b>Alert</b>
    /subscribe [SIMBOL …|all] — pilih jenis dan ukuran minimum
    /unsubscribe [SIMBOL|all]
    /alert — alert pribadi: <code>/alert BTC price &gt; 100000</code>, <code>/alert ETH move 5% 1h</code>, atau ikuti tombolnya
    /alerts — alert chat ini: jeda, lanjutkan, ubah, hapus
    /settings — minimum USD, jam tenang, bisukan, bahasa
    /digest — ringkasan harian pada jam pilihanmu atau setiap N jam
    /lang en|id

    /connect — kode login sekali pakai untuk ChatGPT, Claude dan aplikasi lain
    /status — angka layanan terkini
help-console = ⌨️ Chat konsol: tombol diberi nomor di bawah tiap pesan; ketik nomornya untuk menekan tombol pesan terakhir (atau <code>#data</code>, data tombolnya).
usage-raw = Cara pakai: <code>/raw SIMBOL</code>, mis. <code>/raw BTC</code>
usage-liq = Cara pakai: <code>/liq SIMBOL [1h|4h|12h|24h]</code>, mis. <code>/liq ETH 4h</code>
usage-whale = Cara pakai: <code>/whale [SIMBOL]</code>, mis. <code>/whale BTC</code>
usage-orderbook = Cara pakai: <code>/orderbook SIMBOL</code>, mis. <code>/ob BTC</code>
usage-chart = Cara pakai: <code>/chart SIMBOL [5m|15m|30m|1h|4h|12h|1d]</code>, mis. <code>/chart BTC 1h</code>
usage-subscribe = Cara pakai: <code>/subscribe [SIMBOL …|all]</code>, mis. <code>/subscribe BTC ETH</code>
usage-unsubscribe = Cara pakai: <code>/unsubscribe [SIMBOL|all]</code>, mis. <code>/unsubscribe BTC</code>
usage-lang = Cara pakai: <code>/lang en</code> atau <code>/lang id</code>
usage-admin = Cara pakai: <code>/admin on|off JENIS</code> — jenis: { $kinds }
unknown-symbol = Simbol { $input } tidak dikenal. Pakai ticker koin, mis. <code>BTC</code>, <code>ETH</code> atau <code>SOL</code>.
unknown-symbol-suggest = Simbol { $input } tidak dikenal — maksud Anda { $list }?
unknown-command = Saya tidak mengenal { $command }. Coba /help.
text-hint = Kirim perintah, mis. /raw BTC — /help menampilkan semuanya.
access-denied = 🚫 Bot ini privat. Minta pemiliknya menambahkan id Anda <code>{ $id }</code>.
access-denied-short = 🚫 Bot ini privat.
slow-down = ⏳ Pelan-pelan — terlalu banyak permintaan. Coba lagi beberapa detik lagi.
error-internal = ⚠️ Terjadi kesalahan di sisi kami. Silakan coba lagi.
error-upstream = ⚠️ CoinGlass sedang tidak menjawab dan tidak ada cache. Coba lagi sebentar lagi.
error-busy = ⏳ CoinGlass sedang sibuk (batas permintaan). Coba lagi sebentar lagi.
error-plan = 🔒 Data ini tidak termasuk dalam paket CoinGlass yang dipakai bot ini.
stale = data mungkin usang (umur { $age }: { $why })
stale-timeout = CoinGlass tidak menjawab tepat waktu
stale-upstream_error = CoinGlass menjawab dengan galat
stale-quota = batas permintaan CoinGlass tercapai
stale-plan = tidak termasuk paket CoinGlass bot ini
stale-bad_answer = jawaban CoinGlass tidak dapat dipakai
cached = cache { $ago }
raw-title = ringkasan lengkap
price = Harga
high-24h = tertinggi 24j
low-24h = terendah
open-interest = Open interest
volume-24h = Volume 24j
funding = Funding
oi-weighted = bobot OI
vol-weighted = bobot volume
funding-average = Per 8 jam, bobot OI: <b>{ $rate }</b> (APR { $apr }) · { $count } bursa
funding-coinglass = Rata-rata CoinGlass (interval masing-masing bursa)
funding-basis = per 8 jam
funding-spread = selisih { $spread } per 8 jam
funding-per-8h = (per 8 jam, bobot OI)
top-coins = { $count } koin terbesar menurut open interest
overview-funding = Per 8 jam: rata-rata bursa · terendah … tertinggi
overview-more = Rincian satu koin: { $example }
rsi = RSI
overview-plan = Daftar koin teratas butuh paket CoinGlass Standard (bot ini memakai paket lebih kecil). Tanyakan satu koin: { $example }
next-funding = Funding berikutnya
every-hours = tiap { $hours } jam
liquidations = Likuidasi
longs = long
shorts = short
long-short = Long/short
ls-accounts = Akun
ls-top-accounts = Akun teratas
ls-top-positions = Posisi teratas
taker-flow = Arus taker
net = bersih
unit-m = m
unit-h = j
unit-d = h
unit-w = mg
buy = beli
sell = jual
orderbook-depth = Kedalaman ±{ $range }%
bids = bid
asks = ask
imbalance = ketidakseimbangan
liq-title = likuidasi { $range }
total = Total
liq-dominant-long = 🔴 Long paling banyak terlikuidasi.
liq-dominant-short = 🟢 Short paling banyak terlikuidasi.
by-exchange = Per bursa
rsi-legend = 🔥 ≥ 70 overbought · 🧊 ≤ 30 oversold
sentiment-title = Sentimen pasar
fear-greed = Fear and greed
trend-up = naik
trend-down = turun
trend-flat = datar
bias-longs_pay = long membayar short
bias-shorts_pay = short membayar long
bias-neutral = netral
whale-title = Paus Hyperliquid
all-coins = semua koin
positions-all = semua { $count } posisi ≥ { $min }
shown-of = { $shown } dari { $total }
top-positions = Posisi terbesar
recent-moves = Buka dan tutup terbaru
none = tidak ada
orderbook-title = order book ±{ $range }%
all-exchanges = Semua bursa
bias-bids = 🟢 Bid mendominasi.
bias-asks = 🔴 Ask mendominasi.
bias-balanced = ⚖️ Order book seimbang.
walls = Tembok
chart-longs = Long terlikuidasi
chart-shorts = Short terlikuidasi
chart-liquidations = Likuidasi (USD)
chart-time = Waktu (UTC)
chart-last = Terakhir
chart-source = Sumber: CoinGlass
chart-empty = Tidak ada riwayat harga untuk simbol dan interval itu.
chart-no-liq = Riwayat likuidasi tidak tersedia (n/a).
alerts-none = Chat ini tidak menerima alert. /subscribe untuk mulai.
alerts-title = Alert di chat ini
coins = Koin
kinds = Jenis
min-usd = Ukuran minimum
any-size = semua ukuran
quiet-hours = Jam tenang
quiet-silent = senyap
quiet-hold = ditahan
muted-until = dibisukan sampai { $time }
kinds-off-by-admin = Jenis yang dicoret dimatikan untuk semua oleh admin.
unsubscribe-all = Berhenti
done = Selesai
subscribed = Berlangganan. Pilih jenis dan ukuran minimum:
unsubscribed-all = Anda tidak akan lagi menerima alert di sini.
unsubscribe-from-all = Chat ini mengikuti semua koin. Pakai <code>/subscribe { $symbol }</code> untuk mengikuti sebagian saja, atau <code>/unsubscribe all</code>.
not-following = Chat ini tidak mengikuti { $symbol }.
unsubscribed-symbol = Alert untuk { $symbol } dihentikan.
settings-title = Pengaturan
settings-help =
    Ubah dengan tombol atau:
    <code>/settings min 500k</code>
    <code>/settings quiet 22:00 07:00 silent|hold Asia/Jakarta</code>
    <code>/settings tz Asia/Jakarta</code> · <code>/settings mute 8</code> · <code>/settings unmute</code>
settings-bad-min = Minimum harus angka USD, mis. <code>/settings min 250000</code> atau <code>500k</code>.
settings-bad-quiet = Jam tenang: <code>/settings quiet 22:00 07:00 silent</code> (atau <code>hold</code>), atau <code>/settings quiet off</code>.
settings-bad-tz = Zona waktu tidak dikenal. Pakai nama IANA seperti <code>Asia/Jakarta</code> atau <code>UTC</code>.
settings-bad-mute = Bisukan memakai jam, mis. <code>/settings mute 8</code>.
settings-unknown = Pengaturan tidak dikenal. Coba <code>min</code>, <code>quiet</code>, <code>tz</code>, <code>mute</code>, <code>unmute</code> atau <code>lang</code>.
saved = Tersimpan.
off = mati
mute = Bisukan
unmute = Bunyikan
language = Bahasa
language-set = 🇮🇩 Bahasa diatur ke Bahasa Indonesia.
status-title = Status
quota-used = { $used }/{ $limit } permintaan dalam satu menit terakhir
upstream-calls = Panggilan upstream
errors = galat
cache-hit-rate = Rasio cache
entries = entri
alert-worker = Alert worker
connected = terhubung
disconnected = terputus
last-event = event terakhir
ago-duration = { $d } lalu
alert-queue = Antrean alert
alerts-pending = alert tertunda
messages-queued = pesan antre
uptime = Waktu aktif
admin-only = 🔒 Khusus admin.
admin-title = Admin: jenis alert untuk semua
delivery-stats = Pengiriman
etf-title = ETF spot, arus bersih harian (AS)
etf-none = CoinGlass belum menerbitkan data arus harian.
etf-latest = Terbaru { $day }
etf-last-days = { $count } hari bursa terakhir
etf-sum = Jumlah { $count } hari
etf-net-assets = Aset bersih
etf-day-change = perubahan harian
etf-hong-kong = Hong Kong { $day }
etf-chart-caption = Arus bersih ETF spot { $asset }, { $count } hari bursa terakhir (USD, hari UTC)
usage-etf = Cara pakai: <code>/etf [btc|eth|sol|xrp]</code>, mis. <code>/etf eth</code>
etf-more-funds = +{ $count } lainnya
arb-title = Arbitrase funding — pasangan terbaik, rate per 8 jam
arb-none = CoinGlass belum mencantumkan pasangan arbitrase saat ini.
arb-gap = selisih { $rate } per 8 jam · APR { $apr }
arb-long = long
arb-short = short
arb-details = dibayar 7h: long { $long } · short { $short } · biaya { $fee } · selisih harga { $gap }
arb-note = Long di funding yang lebih rendah, short di yang lebih tinggi. APR sederhana, sebelum biaya dan pergerakan harga.
error-plan-needs = 🔒 Ini butuh paket CoinGlass { $plan } atau lebih tinggi; bot ini memakai { $current }.
help-plan = 📦 Paket CoinGlass: <b>{ $plan }</b> — termasuk { $included }
help-plan-locked = 🔒 Butuh paket lebih tinggi: { $locked }
options-title = opsi, max pain ({ $exchange })
options-expiries = Jatuh tempo
max-pain = max pain
options-put-call = Open interest put/call
options-oi-by-exchange = Open interest opsi per bursa
usage-options = Cara pakai: <code>/options [btc|eth]</code> — CoinGlass punya data opsi untuk BTC dan ETH.
liqmap-title = peta likuidasi, { $range }, semua bursa
liqmap-above = Di atas harga — klaster besar terdekat
liqmap-below = Di bawah harga — klaster besar terdekat
liqmap-totals = Σ pada peta { $range }: { $above } di atas · { $below } di bawah
liqmap-max-pain = Max pain CoinGlass: long { $long } · short { $short }
liqmap-max-pain-none = Max pain CoinGlass: n/a
liqmap-no-heatmap = ⚠️ Heatmap sedang tidak tersedia, jadi tidak ada gambar.
liqmap-note = Klaster = jumlah level dalam satu pita harga { $band }%; ditampilkan di level terbesarnya, jarak dari harga dalam kurung.
liqmap-chart-title = heatmap likuidasi
liqmap-chart-subtitle = Semua bursa · makin terang = makin besar · Data: CoinGlass
liqmap-chart-time = Waktu (UTC)
liqmap-chart-price = Harga (USD)
liqmap-chart-amount = Akan dilikuidasi (USD)
liqmap-chart-now = Kini
usage-liqmap = Cara pakai: <code>/liqmap SIMBOL [12h|24h|3d|7d|30d]</code>, mis. <code>/liqmap BTC</code> atau <code>/liqmap ETH 7d</code>
indicators-title = Indikator (bar { $interval })
coinbase-premium = Premi Coinbase
bitfinex-margin = Margin Bitfinex
basis = Basis
indicators = Indikator
cal-title = Kalender ekonomi — penting
cal-today = Hari ini
cal-week = Minggu ini
cal-none = tidak ada
cal-actual = aktual
cal-forecast = perkiraan
cal-previous = sebelumnya
cal-time-tbd = jam belum pasti
cal-more = +{ $count } lainnya
onchain-title = saldo bursa on-chain
onchain-leaving = 🟢 Koin keluar dari bursa dalam 7 hari.
onchain-arriving = 🔴 Koin masuk ke bursa dalam 7 hari.
usage-onchain = Cara pakai: <code>/onchain SIMBOL</code>, mis. <code>/onchain BTC</code>
transfers-title = Transfer paus on-chain ≥ $10M, 24 jam terakhir
transfers-to-exchanges = Masuk ke bursa
transfers-from-exchanges = keluar dari bursa
usage-transfers = Cara pakai: <code>/transfers [SIMBOL]</code>, mis. <code>/transfers BTC</code>
connect-code =
    🔑 Kode login TELEGLAS Anda: <code>{ $code }</code>

    Ketik kode ini di halaman login TELEGLAS yang dibuka ChatGPT, Claude atau aplikasi lain saat Anda menghubungkannya. Berlaku sekali, selama { $minutes } menit; /connect baru menggantikannya.
    Aplikasi itu lalu dapat membaca data pasar, pengaturan alert Anda dan alert yang Anda terima di sini — tidak lebih, dan tidak dapat mengubah apa pun. Jangan pernah membagikan kode ini.
connect-private = 🔒 Kirim /connect kepada saya di chat pribadi: kode login tidak boleh terlihat di grup.
`;
