import type { FastifyInstance } from "fastify";
import type { OpenAPIV3_1 } from "openapi-types";
import type { ApiConfig, PrivacyConfig } from "../config.js";
import { ApiError } from "../http/errors.js";
import { chatGptSchema } from "../openapi.js";

/** What the API logs, as the code does it (app.ts accessLog, refusal-log.ts, rate-store.ts). */
const DEFAULT_LOGGED =
  "For requests that are refused or fail (a sample of them under load): the time, method, path with its parameters, status, the client's IP address and an id derived from the API key, never the key itself. Successful requests are only counted, not logged. Per-key request counters are kept in Redis for one minute. The questions asked in ChatGPT are not sent here: a GPT sends only the parameters of each call (a coin, a time range, a limit).";

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

/** The privacy-policy page, or undefined until the operator and a contact are configured. */
export function privacyPage(p: PrivacyConfig): string | undefined {
  if (!p.operator || !p.contact) return undefined;
  const section = (title: string, text: string) => `<h2>${title}</h2>\n<p>${escapeHtml(text)}</p>\n`;
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Privacy policy — TELEGLAS GPT API</title></head>
<body>
<h1>Privacy policy — TELEGLAS GPT API</h1>
${section("Who runs this service", `${p.operator}. Contact: ${p.contact}.`)}${section(
  "What this service does",
  "It answers read-only crypto market data (from CoinGlass) to a custom GPT or an MCP client. It sets no cookies, runs no tracking, and sells or shares no data.",
)}${section("What is logged", p.logged ?? DEFAULT_LOGGED)}${section(
  "How long",
  `Logs are kept for ${p.logRetention}, then deleted. To ask about or remove data, write to ${p.contact}.`,
)}</body>
</html>
`;
}

/**
 * `/privacy` (the privacy-policy URL a public GPT needs) and `/openapi.gpt.json` (the GPT Actions
 * schema with `servers` from PUBLIC_URL, so it can be imported by URL). Both public; both answer
 * 404 in the envelope, naming the variables to set, until configured.
 */
export function registerDocuments(app: FastifyInstance, config: ApiConfig): void {
  const page = privacyPage(config.privacy);
  app.get("/privacy", { schema: { hide: true } }, async (_request, reply) => {
    if (page === undefined) {
      throw new ApiError("NOT_FOUND", "No privacy policy is configured on this server.", {
        hint: "The operator sets PRIVACY_OPERATOR and PRIVACY_CONTACT (and PRIVACY_LOG_RETENTION).",
      });
    }
    return reply.type("text/html; charset=utf-8").send(page);
  });

  const schemas: { bearer?: string; oauth?: string } = {};
  app.get("/openapi.gpt.json", { schema: { hide: true } }, async (request, reply) => {
    const url = config.publicUrl;
    if (url === undefined || !url.startsWith("https://")) {
      throw new ApiError("NOT_FOUND", "The GPT Actions schema needs this server's public https origin.", {
        hint: "The operator sets PUBLIC_URL=https://your.domain.",
      });
    }
    // `?auth=oauth`: the schema for Actions that sign in with OAuth rather than an API key.
    const auth = (request.query as { auth?: unknown }).auth === "oauth" ? "oauth" : "bearer";
    schemas[auth] ??= JSON.stringify(chatGptSchema(app.swagger() as OpenAPIV3_1.Document, url, auth));
    return reply.type("application/json; charset=utf-8").send(schemas[auth]);
  });
}
