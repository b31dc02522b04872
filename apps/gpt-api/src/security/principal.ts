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
