import { createHash } from "node:crypto";
import { SCOPE_TEXT, type Scope } from "../security/principal.js";

export type Lang = "en" | "id";

/** Page language: `?lang=` first, then the browser's Accept-Language; English otherwise. */
export function pageLang(query: unknown, acceptLanguage: string | undefined): Lang {
  const asked = (query as { lang?: unknown } | undefined)?.lang;
  if (asked === "id" || asked === "en") return asked;
  return /^\s*id\b/i.test(acceptLanguage ?? "") ? "id" : "en";
}

const TEXT = {
  en: {
    title: "Connect to TELEGLAS",
    loginIntro:
      "An app wants to use TELEGLAS for you. Send /connect to the TELEGLAS bot in Telegram and type the code it gives you (valid 5 minutes, once). Operators may paste an API key instead.",
    credential: "Login code or API key",
    next: "Continue",
    wrong: "That code is not valid or has expired. Send /connect to the bot for a new one.",
    tooMany: "Too many attempts from this network. Wait 10 minutes, then try again.",
    consentIntro: (client: string, host: string) =>
      `${client} (${host}) asks to use TELEGLAS as you. It will be able to:`,
    approve: "Allow",
    deny: "Deny",
    readOnly: "Read-only: nothing can be changed or sent on your behalf. Rules are still set in the bot.",
    expired: "This login page has expired. Start again from your app.",
    failed: "The app's request could not be completed",
    other: "Bahasa Indonesia",
  },
  id: {
    title: "Hubungkan ke TELEGLAS",
    loginIntro:
      "Sebuah aplikasi ingin memakai TELEGLAS untuk Anda. Kirim /connect ke bot TELEGLAS di Telegram lalu ketik kode yang diberikan (berlaku 5 menit, sekali pakai). Operator boleh menempelkan API key.",
    credential: "Kode login atau API key",
    next: "Lanjut",
    wrong: "Kode itu tidak valid atau sudah kedaluwarsa. Kirim /connect ke bot untuk kode baru.",
    tooMany: "Terlalu banyak percobaan dari jaringan ini. Tunggu 10 menit, lalu coba lagi.",
    consentIntro: (client: string, host: string) =>
      `${client} (${host}) meminta izin memakai TELEGLAS atas nama Anda. Aplikasi itu dapat:`,
    approve: "Izinkan",
    deny: "Tolak",
    readOnly:
      "Hanya baca: tidak ada yang dapat diubah atau dikirim atas nama Anda. Aturan tetap diatur di bot.",
    expired: "Halaman login ini sudah kedaluwarsa. Mulai lagi dari aplikasi Anda.",
    failed: "Permintaan aplikasi tidak dapat diselesaikan",
    other: "English",
  },
} as const;

export const pageText = (lang: Lang) => TEXT[lang];

const CSS =
  "body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1b1d21}" +
  "main{max-width:26rem;margin:0 auto;padding:1.5rem 1rem}h1{font-size:1.4rem;margin:0 0 1rem}" +
  "label{display:block;font-weight:600;margin:1rem 0 .3rem}" +
  "input[type=text]{box-sizing:border-box;width:100%;font-size:1.2rem;padding:.7rem;border:1px solid #9aa0a6;border-radius:8px;letter-spacing:.05em}" +
  "button{font-size:1.05rem;padding:.8rem 1.2rem;border-radius:8px;border:0;margin:1rem .5rem 0 0;min-width:7rem}" +
  ".go{background:#1f6feb;color:#fff}.no{background:#d8dbe0;color:#1b1d21}" +
  ".err{background:#fde7e9;border-left:4px solid #d1242f;padding:.6rem .8rem}" +
  "ul{padding-left:1.2rem}small{color:#57606a}a{color:#1f6feb}";

/** The pages' CSP: only this inline style, nothing else loads, never framed. */
export const PAGE_CSP = `default-src 'none'; style-src 'sha256-${createHash("sha256").update(CSS).digest("base64")}'; base-uri 'none'; frame-ancestors 'none'`;

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

function page(lang: Lang, body: string, switchHref?: string): string {
  const t = TEXT[lang];
  const other =
    switchHref === undefined ? "" : `<p><small><a href="${esc(switchHref)}">${t.other}</a></small></p>`;
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="referrer" content="no-referrer"><title>${t.title}</title><style>${CSS}</style></head><body><main><h1>${t.title}</h1>${body}${other}</main></body></html>`;
}

const langSwitch = (action: string, lang: Lang) =>
  `${action.replace(/\/(login|consent)$/, "")}?lang=${lang === "en" ? "id" : "en"}`;

export function loginPage(o: { lang: Lang; action: string; csrf: string; error?: string }): string {
  const t = TEXT[o.lang];
  const error = o.error === undefined ? "" : `<p class="err" role="alert">${esc(o.error)}</p>`;
  return page(
    o.lang,
    `<p>${t.loginIntro}</p>${error}<form method="post" action="${esc(o.action)}"><input type="hidden" name="csrf" value="${esc(o.csrf)}"><input type="hidden" name="lang" value="${o.lang}"><label for="credential">${t.credential}</label><input type="text" id="credential" name="credential" autocomplete="one-time-code" autocapitalize="characters" spellcheck="false" required maxlength="200" placeholder="ABCD-EFGH-JKMN" autofocus><button class="go" type="submit">${t.next}</button></form>`,
    langSwitch(o.action, o.lang),
  );
}

export function consentPage(o: {
  lang: Lang;
  action: string;
  csrf: string;
  client: string;
  redirectHost: string;
  scopes: Scope[];
}): string {
  const t = TEXT[o.lang];
  const items = o.scopes.map((s) => `<li><code>${s}</code>: ${SCOPE_TEXT[s][o.lang]}</li>`).join("");
  return page(
    o.lang,
    `<p>${esc(t.consentIntro(o.client, o.redirectHost))}</p><ul>${items}</ul><p><small>${t.readOnly}</small></p><form method="post" action="${esc(o.action)}"><input type="hidden" name="csrf" value="${esc(o.csrf)}"><input type="hidden" name="lang" value="${o.lang}"><button class="go" type="submit" name="decision" value="approve">${t.approve}</button><button class="no" type="submit" name="decision" value="deny">${t.deny}</button></form>`,
    langSwitch(o.action, o.lang),
  );
}

export function messagePage(lang: Lang, title: string, detail?: string): string {
  const more = detail === undefined ? "" : `<p><small>${esc(detail)}</small></p>`;
  return page(lang, `<p class="err" role="alert">${esc(title)}</p>${more}`);
}
