import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { OperationServer } from "../http/serve.js";
import type { Operation } from "../operations.js";
import { ERROR_RESPONSES, successEnvelope } from "../schemas/envelope.js";

export const JSON_TYPE = "application/json; charset=utf-8";

/** Send an already serialized JSON body: Fastify skips serialization for strings. */
export function sendJson(reply: unknown, body: string | Buffer): FastifyReply {
  return (reply as FastifyReply).type(JSON_TYPE).send(body);
}

/** GET routes of the read-only operations. Handlers send pre-serialized strings (no serializer). */
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
        // A held answer for this exact URL is sent before validation (see serve.ts).
        preValidation: op.hold
          ? (request, reply, done) => {
              const body = server.fromUrl(request.url);
              if (body === undefined) return done();
              sendJson(reply, body);
            }
          : undefined,
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
