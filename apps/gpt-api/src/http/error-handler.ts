import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
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

const CLIENT_ERRORS: Record<string, [number, string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, "The request was not received in time."],
  HPE_HEADER_OVERFLOW: [431, "The request headers are too large."],
};

/**
 * Fastify's `clientErrorHandler`: requests Node could not parse get the envelope too (Fastify's
 * default answers its own JSON shape), then the connection is closed.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === "ECONNRESET" || socket.destroyed || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, message] = CLIENT_ERRORS[error.code ?? ""] ?? [400, "The request is malformed HTTP."];
  const body = errorBody(new ApiError("INVALID_PARAM", message).body());
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${JSON_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * Answers odd requests in the envelope and returns true, else false: an HTTP/1.1 request without
 * Host (Node would answer an empty 400; the server is created with `requireHostHeader: false` so
 * it gets here), and an OPTIONS request that is not a CORS preflight (no Origin or requested
 * method; @fastify/cors would answer it in text/plain). Called from a root onRequest hook that
 * runs before @fastify/cors.
 */
export function answerOddRequest(request: FastifyRequest, reply: FastifyReply): boolean {
  const headers = request.headers;
  if (headers.host === undefined && request.raw.httpVersion === "1.1") {
    sendApiError(reply, new ApiError("INVALID_PARAM", "The Host header is required.", { param: "Host" }));
    return true;
  }
  if (request.method === "OPTIONS" && (!headers.origin || !headers["access-control-request-method"])) {
    sendApiError(
      reply,
      new ApiError(
        "INVALID_PARAM",
        "OPTIONS is answered only as a CORS preflight, with Origin and Access-Control-Request-Method headers.",
        { hint: "Call the route with GET (or POST for /mcp)." },
      ),
    );
    return true;
  }
  return false;
}
