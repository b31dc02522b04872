import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Bot, Transformer } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { BotContext } from "./context.js";

/** The local user the console speaks as (a private chat with the same id). */
export const CONSOLE_USER = { id: 1, first_name: "Local", username: "local", is_bot: false as const };

export const CONSOLE_BOT_INFO: UserFromGetMe = {
  id: 0,
  is_bot: true,
  first_name: "Teleglas",
  username: "teleglas_console_bot",
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
} as UserFromGetMe;

/** Telegram HTML made readable on a terminal: tags dropped (bold kept on a TTY), entities decoded. */
export function htmlToText(html: string, tty = false): string {
  return html
    .replace(/<b>/g, tty ? "\x1b[1m" : "")
    .replace(/<\/b>/g, tty ? "\x1b[22m" : "")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

type Keyboard = { inline_keyboard?: Array<Array<{ text: string; callback_data?: string }>> };

/**
 * An API transformer that answers every Bot API call locally and prints what the bot says:
 * the bot runs its full pipeline (middleware, i18n, formatters, delivery) with no Telegram.
 * Photos go to a temp file whose path is printed. Buttons are printed as `#data` to type back.
 */
export function consoleTransformer(out: Writable, state: { lastKeyboardMessage: number }): Transformer {
  let nextId = 1;
  const tty = "isTTY" in out && Boolean((out as { isTTY?: boolean }).isTTY);
  const print = (s: string) => out.write(`${s}\n`);
  const printKeyboard = (markup: unknown, messageId: number) => {
    const kb = markup as Keyboard | undefined;
    if (!kb?.inline_keyboard) return;
    state.lastKeyboardMessage = messageId;
    for (const row of kb.inline_keyboard) {
      print(`  ${row.map((b) => `[${b.text}] #${b.callback_data ?? ""}`).join("  ")}`);
    }
  };
  // biome-ignore lint/suspicious/noExplicitAny: a transformer answers every method with its own result shape
  return (async (_prev, method, payload: any) => {
    const id = nextId++;
    const date = Math.floor(Date.now() / 1000);
    const chat = { id: CONSOLE_USER.id, type: "private", first_name: CONSOLE_USER.first_name };
    switch (method) {
      case "sendMessage":
      case "editMessageText":
        print(`\n${method === "editMessageText" ? "✏️  " : ""}${htmlToText(String(payload.text), tty)}`);
        printKeyboard(payload.reply_markup, payload.message_id ?? id);
        return { ok: true, result: { message_id: payload.message_id ?? id, date, chat, text: payload.text } };
      case "sendPhoto": {
        const file = join(tmpdir(), `teleglas-chart-${Date.now()}.png`);
        const raw = await payload.photo.toRaw();
        await writeFile(
          file,
          raw instanceof Uint8Array ? raw : Buffer.concat([...(raw as Iterable<Uint8Array>)]),
        );
        print(`\n🖼  ${htmlToText(String(payload.caption ?? ""), tty)} — saved to ${file}`);
        return { ok: true, result: { message_id: id, date, chat, photo: [] } };
      }
      case "answerCallbackQuery":
        if (payload.text) print(`  (${payload.text})`);
        return { ok: true, result: true };
      default:
        return { ok: true, result: true };
    }
  }) as Transformer;
}

/** Read stdin lines as messages (or `#data` button presses) from the local user. */
export function startConsoleChat(bot: Bot<BotContext>, input: Readable, out: Writable): { stop(): void } {
  const state = { lastKeyboardMessage: 0 };
  bot.api.config.use(consoleTransformer(out, state));
  const rl = createInterface({ input });
  let updateId = 1;
  let messageId = 100_000;
  let chain: Promise<void> = Promise.resolve();
  out.write("Console chat: type a command (/help, /raw BTC …); #data presses a button.\n");
  rl.on("line", (line) => {
    const text = line.trim();
    if (text === "") return;
    const date = Math.floor(Date.now() / 1000);
    const chat = { id: CONSOLE_USER.id, type: "private" as const, first_name: CONSOLE_USER.first_name };
    const command = /^\/[A-Za-z0-9_]+/.exec(text);
    const update = text.startsWith("#")
      ? {
          update_id: updateId++,
          callback_query: {
            id: String(updateId),
            from: CONSOLE_USER,
            chat_instance: "console",
            data: text.slice(1),
            message: { message_id: state.lastKeyboardMessage, date, chat, text: "" },
          },
        }
      : {
          update_id: updateId++,
          message: {
            message_id: messageId++,
            date,
            chat,
            from: CONSOLE_USER,
            text,
            ...(command
              ? { entities: [{ type: "bot_command" as const, offset: 0, length: command[0].length }] }
              : {}),
          },
        };
    // One update at a time, as a person reads replies in the order they asked.
    chain = chain
      .then(() => bot.handleUpdate(update))
      .catch((error: unknown) => {
        out.write(`error: ${String(error)}\n`);
      });
  });
  return { stop: () => rl.close() };
}
