/** The Telegram user a test speaks as. */
export interface FakeUser {
  id: number;
  first_name: string;
  username?: string;
  language_code?: string;
  is_bot: false;
}

export interface FakeChat {
  id: number;
  type: "private" | "group" | "supergroup" | "channel";
  first_name?: string;
  title?: string;
}

/** One message the bot sent (sendMessage or sendPhoto), as the fake stored it. */
export interface SentMessage {
  message_id: number;
  chat_id: number;
  method: "sendMessage" | "sendPhoto";
  /** The forum topic it was posted in (`message_thread_id`); absent in General and other chats. */
  message_thread_id?: number;
  /** Message text, or the photo caption. */
  text: string;
  parse_mode?: string;
  reply_markup?: unknown;
  disable_notification?: boolean;
  /** The uploaded photo bytes (sendPhoto with a file), or null. */
  photo: Buffer | null;
  /** Epoch ms the fake accepted it. */
  at: number;
  /** Earlier texts, oldest first, when editMessageText changed it. */
  edits: string[];
  /** Epoch ms of each accepted edit, oldest first. */
  editedAt: number[];
}

export interface CallbackAnswer {
  callback_query_id: string;
  text?: string;
  show_alert?: boolean;
}

/** Counters of what the fake answered. */
export interface FakeStats {
  requests: number;
  sent: number;
  /** Accepted editMessageText calls. */
  edited: number;
  byMethod: Record<string, number>;
  status429: number;
  status403: number;
  status400: number;
}

export interface FakeTelegramOptions {
  port?: number;
  host?: string;
  /** The only token accepted (401 otherwise); any token when absent. */
  token?: string;
  /** Messages per second across all chats (default 30). */
  globalPerSecond?: number;
  /** Messages per second per private chat (default 1). */
  perChatPerSecond?: number;
  /** Messages per minute per group (default 20). */
  groupPerMinute?: number;
  /** The bot getMe returns. */
  botUsername?: string;
}

export interface InjectMessageOptions {
  /** The sender; the chat is the same id (a private chat) unless chatId is given. */
  userId: number;
  text: string;
  chatId?: number;
  firstName?: string;
  username?: string;
  languageCode?: string;
  /** Posted inside this forum topic (`message_thread_id`) of a registered forum. */
  threadId?: number;
  /** Sent by an anonymous group admin (from GroupAnonymousBot, sender_chat = the group). */
  anonymousAdmin?: boolean;
}

export interface InjectCallbackOptions {
  userId: number;
  /** The bot message the button belongs to. */
  messageId: number;
  data: string;
  firstName?: string;
}
