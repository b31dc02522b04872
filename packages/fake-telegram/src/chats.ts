/**
 * Groups, forum topics and channels as the fake knows them, with members and their statuses.
 * Chats never registered here behave as before (any send is accepted), so older tests need no
 * setup; a registered chat answers sends, getChat and getChatMember as Telegram does.
 */

/** The id getMe answers; the bot's own membership is looked up under it. */
export const BOT_ID = 1_000_001;

export type MemberStatus = "creator" | "administrator" | "member" | "restricted" | "left" | "kicked";

/** A member's status and the rights that matter here (absent = Telegram's default for the status). */
export interface Member {
  status: MemberStatus;
  /** Administrators of channels: may post (default true). */
  can_post_messages?: boolean;
  /** Administrators of forums: may post in closed topics (default false). */
  can_manage_topics?: boolean;
  /** Restricted members: may send messages (default false). */
  can_send_messages?: boolean;
}

export interface Topic {
  message_thread_id: number;
  name: string;
  icon_color: number;
  closed: boolean;
  deleted: boolean;
}

export interface KnownChat {
  id: number;
  type: "group" | "supergroup" | "channel";
  title: string;
  username?: string;
  is_forum: boolean;
  members: Map<number, Member>;
  topics: Map<number, Topic>;
}

export interface ChatSetup {
  id: number;
  type: KnownChat["type"];
  title?: string;
  /** Public username without "@" (channels: `@name` resolves to the chat). */
  username?: string;
  /** A supergroup with topics enabled. */
  forum?: boolean;
  /** user id -> status; the bot (BOT_ID) is an administrator unless given. */
  members?: Record<number, MemberStatus | Member>;
}

export function makeChat(s: ChatSetup): KnownChat {
  const members = new Map<number, Member>([[BOT_ID, { status: "administrator" }]]);
  for (const [id, m] of Object.entries(s.members ?? {}))
    members.set(Number(id), typeof m === "string" ? { status: m } : m);
  return {
    id: s.id,
    type: s.type,
    title: s.title ?? `Chat ${s.id}`,
    ...(s.username ? { username: s.username } : {}),
    is_forum: s.forum === true,
    members,
    topics: new Map(),
  };
}

/** The Chat object Telegram returns for it. */
export function chatObject(c: KnownChat) {
  return {
    id: c.id,
    type: c.type,
    title: c.title,
    ...(c.username ? { username: c.username } : {}),
    ...(c.is_forum ? { is_forum: true } : {}),
  };
}

/** The ChatMember object for a user (absent = `left`), with the fields of its status. */
export function memberObject(c: KnownChat, userId: number, user: Record<string, unknown>) {
  const m = c.members.get(userId) ?? { status: "left" as const };
  const base = { user, status: m.status };
  switch (m.status) {
    case "creator":
      return { ...base, is_anonymous: false };
    case "administrator":
      return {
        ...base,
        can_be_edited: false,
        is_anonymous: false,
        can_manage_chat: true,
        can_delete_messages: true,
        can_manage_video_chats: true,
        can_restrict_members: true,
        can_promote_members: false,
        can_change_info: true,
        can_invite_users: true,
        ...(c.type === "channel"
          ? { can_post_messages: m.can_post_messages ?? true, can_edit_messages: true }
          : { can_pin_messages: true }),
        ...(c.is_forum ? { can_manage_topics: m.can_manage_topics ?? false } : {}),
      };
    case "restricted":
      return { ...base, is_member: true, can_send_messages: m.can_send_messages ?? false, until_date: 0 };
    case "kicked":
      return { ...base, until_date: 0 };
    default:
      return base;
  }
}

const isIn = (m: Member | undefined) => m !== undefined && m.status !== "left" && m.status !== "kicked";

/**
 * Why Telegram would refuse the bot a message in this chat (and topic), as its error code and
 * description; null when the send may go ahead. Texts as the Bot API words them.
 */
export function sendRefusal(c: KnownChat, threadId: number | undefined): [number, string] | null {
  const bot = c.members.get(BOT_ID);
  if (c.type === "channel") {
    if (!isIn(bot)) return [403, "Forbidden: bot is not a member of the channel chat"];
    if (bot?.status !== "creator" && (bot?.status !== "administrator" || bot.can_post_messages === false))
      return [400, "Bad Request: need administrator rights in the channel chat"];
    return null;
  }
  if (bot?.status === "kicked") return [403, `Forbidden: bot was kicked from the ${c.type} chat`];
  if (!isIn(bot)) return [403, `Forbidden: bot is not a member of the ${c.type} chat`];
  if (bot?.status === "restricted" && !bot.can_send_messages)
    return [400, "Bad Request: not enough rights to send text messages to the chat"];
  if (threadId === undefined) return null;
  const topic = c.topics.get(threadId);
  if (!c.is_forum || !topic || topic.deleted) return [400, "Bad Request: message thread not found"];
  if (topic.closed && !(bot?.status === "administrator" && bot.can_manage_topics))
    return [400, "Bad Request: TOPIC_CLOSED"];
  return null;
}

/** Can this member manage topics (create, close, delete)? */
export function canManageTopics(c: KnownChat, userId: number): boolean {
  const m = c.members.get(userId);
  return m?.status === "creator" || (m?.status === "administrator" && m.can_manage_topics === true);
}
