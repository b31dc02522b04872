/** Indonesian strings of alert routing: /route (forum topics) and /channel (a linked channel). */
export const routingId = `
route-group-liquidations = 💥 Likuidasi
route-group-whales = 🐋 Paus
route-group-radar = 📡 Radar
route-group-etf = 🏦 Arus ETF
route-group-transfers = 🔁 Transfer paus
route-group-rules = 🎯 Aturan pribadi
route-group-digest = 🗞 Ringkasan
route-title = 🧭 <b>Ke mana alert dikirim</b> — { $chat }
route-general = General
route-chat = chat ini
route-topic = topik “{ $name }”
route-topic-unnamed = topik #{ $id }
route-channel = channel “{ $title }”
route-here = di sini
route-hint-topic = Ketuk tombol untuk mengirim kelompok alert itu ke topik ini; ketuk lagi untuk mengembalikannya ke General. Atau ketik <code>/route here likuidasi</code>.
route-hint-general = Untuk memindahkan alert ke sebuah topik, buka topiknya lalu kirim <code>/route here likuidasi</code> — nama: { $names }, atau <code>semua</code>. Ketuk tombol di sini untuk mengembalikan kelompok ke General.
route-no-topics = Chat ini tidak punya topik. Aktifkan Topik di pengaturan grup untuk memisahkan alert per topik, atau kirim ke channel: <code>/channel link @channelkamu</code>.
route-set = ✅ { $what } → { $where }.
route-usage = Cara pakai: <code>/route here NAMA</code> di dalam topik, <code>/route general NAMA</code> untuk mengembalikan, <code>/route</code> untuk melihat ke mana alert dikirim. Nama: { $names }, atau <code>semua</code>. Contoh: <code>/route here likuidasi paus</code>
route-unknown = Saya tidak kenal “{ $word }”. Nama: { $names }, atau <code>semua</code>. Contoh: <code>/route here likuidasi</code>
route-admins-only = 🔒 Hanya admin grup yang bisa mengubah ke mana alert dikirim. Minta salah satu dari mereka.
route-how-deleted = sudah dihapus
route-how-closed = ditutup
route-topic-gone = ⚠️ { $admin }, topik “{ $topic }” { $how } (Telegram: { $reason }). Alert-nya sekarang masuk ke General. Untuk memindahkannya lagi, buka sebuah topik dan kirim <code>/route here …</code>.
route-channel-gone = ⚠️ { $admin }, saya tidak bisa lagi memposting ke channel “{ $title }” (Telegram: { $reason }). Tautannya dijeda dan alert-nya kembali ke sini. Jadikan saya administrator di sana dengan izin “Post messages”, lalu kirim <code>/channel link { $id }</code>.
channel-title = 📢 <b>Channel tertaut</b>
channel-none = Belum ada channel tertaut. Jadikan saya administrator channel kamu (dengan “Post messages”), lalu kirim <code>/channel link @channelkamu</code> — bisa dengan apa yang diposting, mis. <code>/channel link @channelkamu paus radar</code>.
channel-active = “{ $title }” menerima: { $what }
channel-paused = “{ $title }” dijeda: { $reason }. Kirim <code>/channel link { $id }</code> untuk mencoba lagi.
channel-nothing = belum ada (ketuk tombol di bawah)
channel-follows = Alert mengikuti pengaturan /alerts chat ini (koin, jenis, ukuran minimum). Ketuk tombol untuk memilih apa yang diterima channel.
channel-linked = ✅ “{ $title }” tertaut. Channel menerima: { $what }.
channel-unlinked = Tautan channel dilepas; alert-nya kembali ke sini.
channel-unlink-button = ✖️ Lepas tautan
channel-usage = Cara pakai: <code>/channel link @nama [NAMA]</code>, <code>/channel unlink</code>, atau <code>/channel</code> untuk melihatnya. Contoh: <code>/channel link @channelku likuidasi paus</code>
channel-not-found = Saya tidak menemukan { $target }. Periksa namanya, dan tambahkan saya dulu ke channel sebagai administrator.
channel-not-channel = { $target } bukan channel. Untuk memisahkan alert di dalam grup, pakai topik: /route
channel-bot-not-admin = Saya bukan administrator “{ $title }” dengan izin “Post messages”. Tambahkan saya, lalu coba lagi.
channel-user-not-admin = Hanya administrator “{ $title }” yang bisa menautkannya ke sini.
channel-anonymous = Kirim ini sebagai diri kamu sendiri, bukan sebagai admin anonim grup: saya perlu memeriksa bahwa kamu juga administrator channel.
help-routing =
    <b>Rute</b>
    /route — ke topik forum mana tiap jenis alert dikirim; <code>/route here likuidasi</code> di dalam topik
    /channel link @nama [NAMA] — posting alert pilihan ke channel tempat saya administrator
`;
