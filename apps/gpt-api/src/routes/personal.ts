import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { ApiDeps } from "../deps.js";
import { successBody } from "../http/envelope.js";
import { sendApiError } from "../http/error-handler.js";
import { ApiError } from "../http/errors.js";
import { snakePath, toSnake } from "../http/snake-case.js";
import type { Operation } from "../operation.js";
import { PERSONAL_OPERATIONS } from "../operations-personal.js";
import { ERROR_RESPONSES, successEnvelope } from "../schemas/envelope.js";
import type { Principal } from "../security/principal.js";
import { sendJson } from "./data.js";

/** The refusal of a caller without the operation's scope (RFC 6750 §3.1 `insufficient_scope`). */
export function scopeError(
  op: Pick<Operation, "scope">,
  principal: Principal | undefined,
): ApiError | undefined {
  const scope = op.scope ?? "market:read";
  if (principal?.scopes.has(scope)) return undefined;
  return new ApiError(
    "INSUFFICIENT_SCOPE",
    `This needs the ${scope} scope, which your key or token does not have.`,
    {
      hint:
        scope === "alerts:read"
          ? "Log in through OAuth with a code from the bot's /connect command and allow alerts:read."
          : `Authorize again with scope ${scope}.`,
    },
  );
}

/** Runs an operation for the principal and renders its envelope (never held: answers differ per person). */
export async function runForPrincipal(
  deps: ApiDeps,
  op: Operation,
  query: Record<string, unknown>,
  principal: Principal | undefined,
): Promise<string> {
  const r = await op.run(deps, query, principal);
  const meta = { ...r.meta, missing: r.meta.missing.map(snakePath) };
  return successBody(toSnake(r.data), meta, op.withSymbol ? r.symbol : undefined);
}

/** GET routes of the person-scoped operations (scope alerts:read). */
export function registerPersonalRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const z = app.withTypeProvider<ZodTypeProvider>();
  for (const op of PERSONAL_OPERATIONS) {
    const refuse = (request: FastifyRequest, reply: FastifyReply) => {
      const error = scopeError(op, request.principal);
      if (error === undefined) return false;
      reply.header("www-authenticate", `Bearer error="insufficient_scope", scope="${op.scope}"`);
      sendApiError(reply, error);
      return true;
    };
    z.get(
      op.path,
      {
        preValidation: (request, reply, done) => {
          if (!refuse(request, reply)) done();
        },
        schema: {
          operationId: op.operationId,
          summary: op.summary,
          description: op.description,
          tags: ["personal"],
          security: [{ oauth: [op.scope ?? "market:read"] }],
          querystring: op.query,
          response: { 200: successEnvelope(op.data, false), ...ERROR_RESPONSES },
        },
      },
      async (request, reply) =>
        sendJson(
          reply,
          await runForPrincipal(deps, op, request.query as Record<string, unknown>, request.principal),
        ),
    );
  }
}
