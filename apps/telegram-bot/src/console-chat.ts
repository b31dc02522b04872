import { mkdir, readdir, rm, stat, writeFile } from "node:fs/promises";
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

/** Where console charts go unless told: one folder, pruned to the newest `KEEP_CHARTS`. */
export const DEFAULT_CHART_DIR = join(tmpdir(), "teleglas-charts");
const KEEP_CHARTS = 20;

/** What the console remembers between lines: the last keyboard, so its buttons can be pressed. */
export interface ConsoleState {
  lastKeyboardMessage: number;
  /** callback_data of the last keyboard's buttons, in the order they were numbered. */
  buttons: string[];
  chartDir: string;
}

/**
 * An API transformer that answers every Bot API call locally and prints what the bot says:
 * the bot runs its full pipeline (middleware, i18n, formatters, delivery) with no Telegram.
 * Photos go to a PNG in `state.chartDir` whose path is printed. Buttons are numbered: typing the
 * number presses one (so does `#data`).
 */
export function consoleTransformer(out: Writable, state: ConsoleState): Transformer {
  let nextId = 1;
  const tty = "isTTY" in out && Boolean((out as { isTTY?: boolean }).isTTY);
  const print = (s: string) => out.write(`${s}\n`);
  const printKeyboard = (markup: unknown, messageId: number) => {
    const kb = markup as Keyboard | undefined;
    if (!kb?.inline_keyboard) return;
    state.lastKeyboardMessage = messageId;
    state.buttons = [];
    for (const row of kb.inline_keyboard) {
      const cells = row.map((b) => {
        state.buttons.push(b.callback_data ?? "");
        return `${state.buttons.length}) ${b.text}`;
      });
      print(`  ${cells.join("   ")}`);
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
        await mkdir(state.chartDir, { recursive: true });
        const file = join(state.chartDir, `chart-${Date.now()}-${id}.png`);
        const raw = await payload.photo.toRaw();
        await writeFile(
          file,
          raw instanceof Uint8Array ? raw : Buffer.concat([...(raw as Iterable<Uint8Array>)]),
        );
        await pruneCharts(state.chartDir);
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

/** Keeps the newest charts only, so a long session does not fill the disk. */
export async function pruneCharts(dir: string, keep = KEEP_CHARTS): Promise<void> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(".png"));
  if (files.length <= keep) return;
  const dated = await Promise.all(
    files.map(async (f) => ({ f, at: (await stat(join(dir, f)).catch(() => null))?.mtimeMs ?? 0 })),
  );
  dated.sort((a, b) => b.at - a.at);
  await Promise.all(dated.slice(keep).map(({ f }) => rm(join(dir, f), { force: true })));
}

/** The text a line stands for: a button's data for `3` or `#data`, else null (a message). */
function pressed(text: string, state: ConsoleState): string | null {
  if (text.startsWith("#")) return text.slice(1);
  if (/^\d+$/.test(text)) return state.buttons[Number(text) - 1] ?? null;
  return null;
}

/**
 * Read stdin lines as messages from the local user; a button number (or `#data`) presses that
 * button of the last keyboard. A `› ` prompt shows when the bot has answered.
 */
export function startConsoleChat(
  bot: Bot<BotContext>,
  input: Readable,
  out: Writable,
  opts: { chartDir?: string } = {},
): { stop(): void } {
  const state: ConsoleState = {
    lastKeyboardMessage: 0,
    buttons: [],
    chartDir: opts.chartDir ?? DEFAULT_CHART_DIR,
  };
  bot.api.config.use(consoleTransformer(out, state));
  const rl = createInterface({ input });
  let updateId = 1;
  let messageId = 100_000;
  let chain: Promise<void> = Promise.resolve();
  const prompt = (): void => void out.write("› ");
  out.write("Console chat: type a command (/help, /raw BTC …); a button's number presses it.\n");
  prompt();
  rl.on("line", (line) => {
    const text = line.trim();
    if (text === "") return void prompt();
    const date = Math.floor(Date.now() / 1000);
    const chat = { id: CONSOLE_USER.id, type: "private" as const, first_name: CONSOLE_USER.first_name };
    const command = /^\/[A-Za-z0-9_]+/.exec(text);
    const data = pressed(text, state);
    const update =
      data !== null
        ? {
            update_id: updateId++,
            callback_query: {
              id: String(updateId),
              from: CONSOLE_USER,
              chat_instance: "console",
              data,
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
      })
      .then(prompt);
  });
  return { stop: () => rl.close() };
}
