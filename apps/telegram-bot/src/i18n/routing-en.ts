/** English strings of alert routing: /route (forum topics) and /channel (a linked channel). */
export const routingEn = `
route-group-liquidations = 💥 Liquidations
route-group-whales = 🐋 Whales
route-group-radar = 📡 Radar
route-group-etf = 🏦 ETF flows
route-group-transfers = 🔁 Whale transfers
route-group-rules = 🎯 Personal rules
route-group-digest = 🗞 Digest
route-title = 🧭 <b>Where alerts go</b> — { $chat }
route-general = General
route-chat = this chat
route-topic = topic “{ $name }”
route-topic-unnamed = topic #{ $id }
route-channel = channel “{ $title }”
route-here = here
route-hint-topic = Tap a button to send that group of alerts to this topic; tap again to send it back to General. Or type <code>/route here liquidations</code>.
route-hint-general = To move alerts into a topic, open the topic and send <code>/route here liquidations</code> — names: { $names }, or <code>all</code>. Tap a button here to send a group back to General.
route-no-topics = This chat has no topics. Turn on Topics in the group settings to split alerts by topic, or post them to a channel: <code>/channel link @yourchannel</code>.
route-set = ✅ { $what } → { $where }.
route-usage = Usage: <code>/route here NAMES</code> inside a topic, <code>/route general NAMES</code> to move them back, <code>/route</code> to see where alerts go. Names: { $names }, or <code>all</code>. Example: <code>/route here liquidations whales</code>
route-unknown = I don't know “{ $word }”. Names: { $names }, or <code>all</code>. Example: <code>/route here liquidations</code>
route-admins-only = 🔒 Only the group's admins can change where alerts go. Ask one of them.
route-how-deleted = was deleted
route-how-closed = is closed
route-topic-gone = ⚠️ { $admin }, the topic “{ $topic }” { $how } (Telegram: { $reason }). Its alerts come to General now. To move them again, open a topic and send <code>/route here …</code>.
route-channel-gone = ⚠️ { $admin }, I can no longer post to the channel “{ $title }” (Telegram: { $reason }). The link is paused and its alerts come here again. Make me an administrator there with “Post messages”, then send <code>/channel link { $id }</code>.
channel-title = 📢 <b>Linked channel</b>
channel-none = No channel linked. Make me an administrator of your channel (with “Post messages”), then send <code>/channel link @yourchannel</code> — optionally with what to post there, e.g. <code>/channel link @yourchannel whales radar</code>.
channel-active = “{ $title }” gets: { $what }
channel-paused = “{ $title }” is paused: { $reason }. Send <code>/channel link { $id }</code> to try again.
channel-nothing = nothing yet (tap a button below)
channel-follows = Alerts follow this chat's /alerts settings (coins, kinds, minimum size). Tap a button to choose what the channel gets.
channel-linked = ✅ Linked “{ $title }”. It gets: { $what }.
channel-unlinked = Channel unlinked; its alerts come here again.
channel-unlink-button = ✖️ Unlink
channel-usage = Usage: <code>/channel link @name [NAMES]</code>, <code>/channel unlink</code>, or <code>/channel</code> to see it. Example: <code>/channel link @mychannel liquidations whales</code>
channel-not-found = I can't find { $target }. Check the name, and add me to the channel as an administrator first.
channel-not-channel = { $target } is not a channel. To split alerts inside a group, use topics: /route
channel-bot-not-admin = I'm not an administrator of “{ $title }” with “Post messages”. Add me as one, then try again.
channel-user-not-admin = Only an administrator of “{ $title }” can link it here.
channel-anonymous = Send this as yourself, not as the anonymous group admin: I need to check that you are an administrator of the channel too.
help-routing =
    <b>Routing</b>
    /route — which forum topic each kind of alert goes to; <code>/route here liquidations</code> inside a topic
    /channel link @name [NAMES] — post chosen alerts to a channel where I'm an administrator
`;
