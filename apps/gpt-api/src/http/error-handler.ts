import type { FastifyError, FastifyInstance, FastifyReply } from "fastify";
import { errorBody } from "./envelope.js";
import { ApiError, toApiError } from "./errors.js";

const JSON_TYPE = "application/json; charset=utf-8";

/** Send an ApiError in the envelope, with Retry-After when it has one. */
export function sendApiError(reply: FastifyReply, error: ApiError): FastifyReply {
  if (error.extra.retryAfterS !== undefined) reply.header("retry-after", String(error.extra.retryAfterS));
  return reply.code(error.status).type(JSON_TYPE).send(errorBody(error.body()));
}

/** The parameter a validation error is about (`/symbol` -> `symbol`). */
function validationParam(error: FastifyError): string {
  const first = error.validation?.[0];
  const path = first?.instancePath?.replace(/^\//, "").split("/")[0];
  const missing = (first?.params as { missingProperty?: string } | undefined)?.missingProperty;
  return path || missing || error.validationContext || "query";
}

/**
 * Every error leaves in the envelope: validation -> INVALID_PARAM naming the parameter, Fastify's
 * own 4xx (bad JSON, media type, body size) -> INVALID_PARAM with their status, core errors ->
 * their codes, anything else -> INTERNAL with the details only in the log.
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation) {
      // The parameter schemas word their own messages (schemas/params.ts): what is wrong, what is
      // allowed, an example. Anything else gets a generic line rather than validator text.
      const param = validationParam(error);
      const detail = error.validation[0]?.message ?? "";
      const message = detail.startsWith(`${param} `) ? `${detail}.` : `${param} is not valid.`;
      return sendApiError(reply, new ApiError("INVALID_PARAM", message, { param }));
    }
    if (
      !(error instanceof ApiError) &&
      typeof error.statusCode === "number" &&
      error.statusCode >= 400 &&
      error.statusCode < 500
    ) {
      const e = new ApiError("INVALID_PARAM", "The request is malformed.", { hint: error.code });
      return reply.code(error.statusCode).type(JSON_TYPE).send(errorBody(e.body()));
    }
    const api = toApiError(error);
    if (api.code === "INTERNAL") request.log.error({ err: error }, "request failed");
    else if (api.status >= 500)
      request.log.warn({ code: api.code, reason: error.message }, "upstream unavailable");
    return sendApiError(reply, api);
  });

  app.setNotFoundHandler((request, reply) =>
    sendApiError(
      reply,
      new ApiError("NOT_FOUND", `No route ${request.method} ${request.url.split("?")[0]?.slice(0, 100)}.`, {
        hint: "See /openapi.json for the routes.",
      }),
    ),
  );
}
