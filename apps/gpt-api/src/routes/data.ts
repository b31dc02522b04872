import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { OperationServer } from "../http/serve.js";
import type { Operation } from "../operation.js";
import { ERROR_RESPONSES, successEnvelope } from "../schemas/envelope.js";
import { numberFields, strictNumbers } from "../schemas/params.js";

export const JSON_TYPE = "application/json; charset=utf-8";

/** Send an already serialized JSON body: Fastify skips serialization for strings. */
export function sendJson(reply: unknown, body: string | Buffer): FastifyReply {
  return (reply as FastifyReply).type(JSON_TYPE).send(body);
}

/** GET routes of the read-only operations. Handlers send pre-serialized bytes (no serializer). */
export function registerOperationRoutes(
  app: FastifyInstance,
  ops: readonly Operation[],
  server: OperationServer,
): void {
  const z = app.withTypeProvider<ZodTypeProvider>();
  for (const op of ops) {
    const numbers = numberFields(op.query);
    z.get(
      op.path,
      {
        // Number parameters are read strictly (decimal digits only) before the schema checks them.
        ...(numbers.length === 0
          ? {}
          : {
              preValidation: (request: FastifyRequest, _reply: FastifyReply, done: () => void) => {
                request.query = strictNumbers(request.query as Record<string, unknown>, numbers);
                done();
              },
            }),
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
      // The request is answered here: the held answer's bytes (serve.ts), or the answer made now.
      async (request, reply) =>
        sendJson(reply, await server.send(op, request.query as Record<string, unknown>)),
    );
  }
}
