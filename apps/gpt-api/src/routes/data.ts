import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { JSON_TYPE } from "../http/envelope.js";
import type { OperationServer } from "../http/serve.js";
import type { Operation } from "../operations.js";
import { ERROR_RESPONSES, successEnvelope } from "../schemas/envelope.js";

/** Send an already serialized JSON body: Fastify skips serialization for strings. */
export function sendJson(reply: unknown, body: string | Buffer): FastifyReply {
  return (reply as FastifyReply).type(JSON_TYPE).send(body);
}

/**
 * GET routes of the read-only operations. Handlers send pre-serialized strings (no serializer); a
 * repeated request of a held answer is already answered by the protection hook (security.ts).
 */
export function registerOperationRoutes(
  app: FastifyInstance,
  ops: readonly Operation[],
  server: OperationServer,
): void {
  const z = app.withTypeProvider<ZodTypeProvider>();
  for (const op of ops) {
    z.get(
      op.path,
      {
        schema: {
          operationId: op.operationId,
          summary: op.summary,
          description: op.description,
          tags: [op.path.startsWith("/gpt/") ? "market" : "service"],
          security: [{ bearerAuth: [] }],
          querystring: op.query,
          response: { 200: successEnvelope(op.data, op.withSymbol), ...ERROR_RESPONSES },
        },
      },
      async (request, reply) => {
        return sendJson(reply, await server.serve(op, request.query as Record<string, unknown>, request.url));
      },
    );
  }
}
