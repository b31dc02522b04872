import { createHmac, timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type Provider from "oidc-provider";
import { createBearerAuth } from "../security/auth.js";
import { createAuthFailureLimit } from "../security/auth-failures.js";
import { SCOPES, type Scope } from "../security/principal.js";
import { consentPage, type Lang, loginPage, messagePage, PAGE_CSP, pageLang, pageText } from "./pages.js";

export interface InteractionOptions {
  provider: Provider;
  /** Operator keys (GPT_API_KEYS): a key typed as the credential logs the operator in. */
  apiKeys: readonly string[];
  /** Redeems a /connect code: the Telegram user id, or undefined when it is not (or no longer) valid. */
  redeemCode: (code: string) => Promise<number | undefined>;
  /** Secret of the CSRF tokens (a cookie key). */
  csrfSecret: string;
  /** Login attempts per client address per 10 minutes. */
  loginAttemptsPerIp?: number;
}

type Body = Record<string, string | undefined>;

function sendPage(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply
    .code(status)
    .header("content-security-policy", PAGE_CSP)
    .header("cache-control", "no-store")
    .type("text/html; charset=utf-8")
    .send(html);
}

/**
 * The two pages between the client's authorization request and its code: login (a /connect code
 * or an operator key in the field `credential`), then consent (`decision` = approve | deny).
 * oidc-provider keeps the interaction in Redis and a signed cookie bound to this path; each form
 * also carries a token derived from the interaction id, and cross-site posts are refused, so no
 * other site can submit either form in a person's browser.
 */
export function registerInteractions(app: FastifyInstance, o: InteractionOptions): void {
  const keys = createBearerAuth(o.apiKeys);
  const attempts = createAuthFailureLimit({ max: o.loginAttemptsPerIp ?? 20, windowMs: 600_000 });
  const csrfOf = (uid: string) =>
    createHmac("sha256", o.csrfSecret).update(`csrf:${uid}`).digest("base64url");
  const csrfOk = (uid: string, given: string | undefined) => {
    const want = Buffer.from(csrfOf(uid));
    const got = Buffer.from(given ?? "");
    return got.length === want.length && timingSafeEqual(got, want);
  };

  app.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "string", bodyLimit: 4096 },
    (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );

  /** The interaction of this browser, or a page saying it expired. */
  async function details(request: FastifyRequest, reply: FastifyReply, lang: Lang) {
    try {
      const d = await o.provider.interactionDetails(request.raw, reply.raw);
      if (d.uid === (request.params as { uid: string }).uid) return d;
    } catch {
      // SessionNotFound: no cookie, an expired interaction, or a cookie from another interaction.
    }
    sendPage(reply, 400, messagePage(lang, pageText(lang).expired));
    return undefined;
  }

  function consentView(lang: Lang, uid: string, params: Record<string, unknown>, clientName?: string) {
    const scopes = String(params.scope ?? "")
      .split(" ")
      .filter((s): s is Scope => (SCOPES as readonly string[]).includes(s));
    const redirect = String(params.redirect_uri ?? "");
    return consentPage({
      lang,
      action: `/oauth/interaction/${uid}/consent`,
      csrf: csrfOf(uid),
      client: clientName ?? String(params.client_id),
      redirectHost: URL.canParse(redirect) ? new URL(redirect).host : redirect,
      scopes: scopes.length > 0 ? scopes : ["market:read"],
    });
  }

  app.get<{ Params: { uid: string } }>(
    "/oauth/interaction/:uid",
    { schema: { hide: true } },
    async (request, reply) => {
      const lang = pageLang(request.query, request.headers["accept-language"]);
      const d = await details(request, reply, lang);
      if (d === undefined) return reply;
      const uid = d.uid;
      if (d.prompt.name === "login") {
        return sendPage(
          reply,
          200,
          loginPage({ lang, action: `/oauth/interaction/${uid}/login`, csrf: csrfOf(uid) }),
        );
      }
      const client = await o.provider.Client.find(String(d.params.client_id));
      return sendPage(reply, 200, consentView(lang, uid, d.params, client?.clientName));
    },
  );

  /** Refuses forms posted from another site or without this interaction's token. */
  function forged(request: FastifyRequest, uid: string): boolean {
    if (request.headers["sec-fetch-site"] === "cross-site") return true;
    return !csrfOk(uid, (request.body as Body | undefined)?.csrf);
  }

  app.post<{ Params: { uid: string } }>(
    "/oauth/interaction/:uid/login",
    { schema: { hide: true } },
    async (request, reply) => {
      const body = (request.body ?? {}) as Body;
      const lang = pageLang(body, request.headers["accept-language"]);
      const t = pageText(lang);
      const d = await details(request, reply, lang);
      if (d === undefined) return reply;
      const uid = d.uid;
      if (forged(request, uid)) return sendPage(reply, 403, messagePage(lang, t.expired));
      if (!attempts.allow(request.ip)) return sendPage(reply, 429, messagePage(lang, t.tooMany));
      const credential = (body.credential ?? "").trim().slice(0, 200);
      const key = keys.check(`Bearer ${credential}`);
      let accountId: string | undefined;
      if (key.ok) accountId = key.keyId;
      else {
        const userId = credential === "" ? undefined : await o.redeemCode(credential);
        if (userId !== undefined) accountId = `tg_${userId}`;
      }
      if (accountId === undefined) {
        const action = `/oauth/interaction/${uid}/login`;
        return sendPage(reply, 400, loginPage({ lang, action, csrf: csrfOf(uid), error: t.wrong }));
      }
      const to = await o.provider.interactionResult(request.raw, reply.raw, { login: { accountId } });
      return reply.redirect(to, 303);
    },
  );

  app.post<{ Params: { uid: string } }>(
    "/oauth/interaction/:uid/consent",
    { schema: { hide: true } },
    async (request, reply) => {
      const body = (request.body ?? {}) as Body;
      const lang = pageLang(body, request.headers["accept-language"]);
      const d = await details(request, reply, lang);
      if (d === undefined) return reply;
      if (forged(request, d.uid) || d.prompt.name !== "consent" || d.session?.accountId === undefined) {
        return sendPage(reply, 403, messagePage(lang, pageText(lang).expired));
      }
      if (body.decision !== "approve") {
        const to = await o.provider.interactionResult(request.raw, reply.raw, {
          error: "access_denied",
          error_description: "The person declined the request.",
        });
        return reply.redirect(to, 303);
      }
      const { details: missing } = d.prompt as { details: Record<string, unknown> };
      const grant =
        (d.grantId === undefined ? undefined : await o.provider.Grant.find(d.grantId)) ??
        new o.provider.Grant({ accountId: d.session.accountId, clientId: String(d.params.client_id) });
      const oidcScopes = missing.missingOIDCScope as string[] | undefined;
      if (oidcScopes !== undefined) grant.addOIDCScope(oidcScopes.join(" "));
      const resourceScopes = missing.missingResourceScopes as Record<string, string[]> | undefined;
      for (const [resource, scopes] of Object.entries(resourceScopes ?? {}))
        grant.addResourceScope(resource, scopes.join(" "));
      const grantId = await grant.save();
      const to = await o.provider.interactionResult(
        request.raw,
        reply.raw,
        { consent: { grantId } },
        { mergeWithLastSubmission: true },
      );
      return reply.redirect(to, 303);
    },
  );
}
