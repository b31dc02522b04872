/** The scopes a token, key or visitor may hold. */
export const SCOPES = ["market:read", "alerts:read"] as const;
export type Scope = (typeof SCOPES)[number];

/** What each scope lets a client see (consent page, metadata, docs). */
export const SCOPE_TEXT: Record<Scope, { en: string; id: string }> = {
  "market:read": {
    en: "Read market data (prices, liquidations, funding, open interest, alerts feed)",
    id: "Membaca data pasar (harga, likuidasi, funding, open interest, umpan alert)",
  },
  "alerts:read": {
    en: "Read your own Telegram alert settings and the alerts you received",
    id: "Membaca pengaturan alert Telegram Anda dan alert yang Anda terima",
  },
};

/**
 * Who is asking. `subject` names them in rate limits and logs (never a secret): `k_…` for an
 * operator key (the digest prefix), `tg_<id>` for a Telegram user, `ip_<address>` for a visitor.
 */
export interface Principal {
  subject: string;
  scopes: ReadonlySet<Scope>;
  kind: "key" | "oauth" | "public";
}

const MARKET_ONLY: ReadonlySet<Scope> = new Set(["market:read"]);

export const keyPrincipal = (keyId: string): Principal => ({
  subject: keyId,
  scopes: MARKET_ONLY,
  kind: "key",
});
export const publicPrincipal = (ip: string): Principal => ({
  subject: `ip_${ip}`,
  scopes: MARKET_ONLY,
  kind: "public",
});

/** The Telegram user id of a subject logged in with a /connect code; undefined for anyone else. */
export function telegramUserOf(principal: Principal | undefined): number | undefined {
  const m = principal?.subject.match(/^tg_(\d{1,20})$/);
  return m === null || m === undefined ? undefined : Number(m[1]);
}
