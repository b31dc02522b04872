/** Strings of /digest and the digest message (Fluent), appended to en.ts and id.ts. */
export const digestEn = `
digest-title = Digest
digest-since = Since { $time }
digest-watchlist = Watchlist
digest-default-watchlist = Default coins — pick yours with /subscribe BTC ETH
digest-more-coins = …and { $count } more coins
digest-funding = Funding /8h
digest-oi = OI 24h
digest-liquidations = Biggest liquidations
digest-whales = Whale moves
digest-fired = Your rules that fired
digest-calendar = Next 24 h · high importance
digest-none = None in this period.
digest-calendar-none = No high-importance releases.
digest-footer = /digest to change or stop it
digest-status-off = No digest in this chat.
digest-daily = daily at { $time }
digest-every = every { $hours } h
digest-next = Next
digest-in-quiet = In quiet hours
digest-quiet-wait = wait until they end
digest-quiet-skip = skip that digest
digest-tz-hint = Times are in UTC. Set your time zone: /settings tz Asia/Jakarta
digest-help =
    Set it with the buttons or:
    <code>/digest daily 08:00</code> · <code>/digest every 4h</code> · <code>/digest off</code>
    <code>/digest quiet wait</code> or <code>skip</code> — what to do in quiet hours
digest-bad = Not a digest setting. Examples: <code>/digest daily 08:00</code>, <code>/digest every 4h</code>, <code>/digest off</code>.
digest-bad-time = The time is HH:MM on a 24-hour clock, e.g. <code>/digest daily 08:00</code> or <code>/digest daily 19:30</code>.
digest-bad-hours = Every 1, 2, 3, 4, 6, 8 or 12 hours, e.g. <code>/digest every 4h</code>.
digest-bad-quiet = Set a digest first, then <code>/digest quiet wait</code> (send when quiet hours end) or <code>/digest quiet skip</code>.
digest-btn-daily = Daily { $time }
digest-btn-every = Every { $hours }h
digest-btn-wait = Quiet hours: wait
digest-btn-skip = Quiet hours: skip
digest-btn-off = Off
`;

export const digestId = `
digest-title = Ringkasan
digest-since = Sejak { $time }
digest-watchlist = Daftar pantau
digest-default-watchlist = Koin bawaan — pilih koinmu dengan /subscribe BTC ETH
digest-more-coins = …dan { $count } koin lagi
digest-funding = Funding /8j
digest-oi = OI 24j
digest-liquidations = Likuidasi terbesar
digest-whales = Gerakan paus
digest-fired = Aturanmu yang terpicu
digest-calendar = 24 jam ke depan · penting
digest-none = Tidak ada pada periode ini.
digest-calendar-none = Tidak ada rilis penting.
digest-footer = /digest untuk mengubah atau menghentikannya
digest-status-off = Belum ada ringkasan di chat ini.
digest-daily = setiap hari pukul { $time }
digest-every = setiap { $hours } jam
digest-next = Berikutnya
digest-in-quiet = Saat jam tenang
digest-quiet-wait = tunggu sampai selesai
digest-quiet-skip = lewati ringkasan itu
digest-tz-hint = Waktu dalam UTC. Atur zona waktumu: /settings tz Asia/Jakarta
digest-help =
    Atur dengan tombol atau:
    <code>/digest daily 08:00</code> · <code>/digest every 4h</code> · <code>/digest off</code>
    <code>/digest quiet wait</code> atau <code>skip</code> — apa yang dilakukan saat jam tenang
digest-bad = Bukan pengaturan ringkasan. Contoh: <code>/digest daily 08:00</code>, <code>/digest every 4h</code>, <code>/digest off</code>.
digest-bad-time = Waktu ditulis JJ:MM format 24 jam, mis. <code>/digest daily 08:00</code> atau <code>/digest daily 19:30</code>.
digest-bad-hours = Setiap 1, 2, 3, 4, 6, 8 atau 12 jam, mis. <code>/digest every 4h</code>.
digest-bad-quiet = Atur ringkasan dulu, lalu <code>/digest quiet wait</code> (kirim saat jam tenang selesai) atau <code>/digest quiet skip</code>.
digest-btn-daily = Harian { $time }
digest-btn-every = Tiap { $hours }j
digest-btn-wait = Jam tenang: tunggu
digest-btn-skip = Jam tenang: lewati
digest-btn-off = Matikan
`;
