import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { sendApiError } from "../http/error-handler.js";
import { ApiError } from "../http/errors.js";
import type { OperationServer } from "../http/serve.js";
import type { Operation } from "../operation.js";
import { PERSONAL_OPERATIONS } from "../operations-personal.js";
import { ERROR_RESPONSES, successEnvelope } from "../schemas/envelope.js";
import { hasScope, type Principal } from "../security/principal.js";
import { sendJson } from "./data.js";

/** The refusal of a caller without the operation's scope (RFC 6750 §3.1 `insufficient_scope`). */
export function scopeError(
  op: Pick<Operation, "scope">,
  principal: Principal | undefined,
): ApiError | undefined {
  const scope = op.scope ?? "market:read";
  if (hasScope(principal, scope)) return undefined;
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

/** GET routes of the person-scoped operations (scope alerts:read). */
export function registerPersonalRoutes(app: FastifyInstance, server: OperationServer): void {
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
        sendJson(reply, await server.serve(op, request.query as Record<string, unknown>, request.principal)),
    );
  }
}
