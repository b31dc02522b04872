/**
 * Who is asking: every authenticated (or, on the public MCP tier, anonymous) request carries one
 * principal. Routes and MCP tools decide by its scopes, never by how it logged in.
 */
export const SCOPES = ["market:read", "alerts:read"] as const;
export type Scope = (typeof SCOPES)[number];

export interface Principal {
  /** Stable id for rate limits and person-scoped data: a key id, a user, or `ip:<address>`. */
  readonly subject: string;
  readonly scopes: readonly Scope[];
  readonly kind: "key" | "oauth" | "public";
}

declare module "fastify" {
  interface FastifyRequest {
    principal?: Principal;
  }
}

/** A bearer key (or an open server): the market data, nobody's personal data. */
export const keyPrincipal = (keyId: string): Principal => ({
  subject: keyId,
  scopes: ["market:read"],
  kind: "key",
});

/** Anyone without a login on the public MCP tier (MCP_PUBLIC=true), counted per client address. */
export const publicPrincipal = (ip: string): Principal => ({
  subject: `ip:${ip}`,
  scopes: ["market:read"],
  kind: "public",
});

export const hasScope = (p: Principal | undefined, scope: Scope): boolean =>
  p?.scopes.includes(scope) ?? false;

/** What each scope lets a client see (consent page, OpenAPI, docs). */
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

/** The principal of a person logged in through OAuth with a /connect code (subject `tg_<id>`). */
export const telegramPrincipal = (userId: number, scopes: readonly Scope[]): Principal => ({
  subject: `tg_${userId}`,
  scopes,
  kind: "oauth",
});

/** The Telegram user id of a subject logged in with a /connect code; undefined for anyone else. */
export function telegramUserOf(principal: Principal | undefined): number | undefined {
  const m = principal?.subject.match(/^tg_(\d{1,20})$/);
  return m === null || m === undefined ? undefined : Number(m[1]);
}
