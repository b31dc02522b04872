import cors from "@fastify/cors";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
  type onResponseHookHandler,
} from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from "fastify-type-provider-zod";
import type { ApiDeps } from "./deps.js";
import { answerOddRequest, clientErrorHandler, installErrorHandling } from "./http/error-handler.js";
import { lazyChildLogger } from "./http/lazy-logger.js";
import { createRefusalLog } from "./http/refusal-log.js";
import { installIpAllowlist, installProtection } from "./http/security.js";
import { API_SECURITY_HEADERS, DOCS_SECURITY_HEADERS } from "./http/security-headers.js";
import { createOperationServer } from "./http/serve.js";
import { registerMcp } from "./mcp/route.js";
import { installOAuth, type OAuth } from "./oauth/index.js";
import { swaggerDocument } from "./openapi.js";
import { OPERATIONS } from "./operations.js";
import { PERSONAL_OPERATIONS } from "./operations-personal.js";
import { registerAlertStream } from "./routes/alerts-stream.js";
import { registerOperationRoutes } from "./routes/data.js";
import { registerDocuments } from "./routes/documents.js";
import { createMetrics, registerMetrics } from "./routes/metrics.js";
import { registerPersonalRoutes } from "./routes/personal.js";
import { registerPublicRoutes } from "./routes/public.js";
import { withErrorResponses } from "./schemas/error-responses.js";
import { createBatchedRateStore } from "./security/rate-store.js";

/**
 * Access log: client errors (4xx) sampled per status (refusal-log.ts), server errors at info each,
 * every request at debug (successful traffic is counted in /metrics). The key is named by its id,
 * never by its value.
 */
function accessLog(debug: boolean, refusals: ReturnType<typeof createRefusalLog>) {
  return (request: FastifyRequest, reply: FastifyReply) => {
    const status = reply.statusCode;
    if (status < 400 && !debug) return;
    const entry = {
      method: request.method,
      url: request.url.slice(0, 200),
      status,
      ip: request.ip,
      key: request.keyId,
      ms: Math.round(reply.elapsedTime),
    };
    if (status >= 500) request.log.info(entry, "request");
    else if (status < 400 || !refusals.note(entry)) request.log.debug(entry, "request");
  };
}

const EXPOSED = "Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset";

export interface BuildOptions {
  /** Redis key prefix of the rate-limit counters (tests use a unique one). */
  keyPrefix?: string;
}

/**
 * Build the Fastify app from ready-made deps (no listen, no env). Tests call `app.inject` or
 * `app.listen({ port: 0 })`; server.ts adds timeouts and graceful close.
 */
export async function buildApp(deps: ApiDeps, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    // Only the named proxies may speak for the client; otherwise request.ip is the socket's.
    trustProxy: config.trustProxy.length > 0 ? config.trustProxy : false,
    // One log line per request would cost throughput; errors are logged by the error handler.
    logController: new LogController({ disableRequestLogging: true }),
    // The request's child logger is built only when the request writes a line (lazy-logger.ts).
    childLoggerFactory: lazyChildLogger,
    requestTimeout: 30_000,
    return503OnClosing: true,
    // A request without Host reaches the app, which answers it in the envelope (error-handler.ts).
    http: { requireHostHeader: false },
    clientErrorHandler,
  });
  // Declared up front so every request object keeps one shape (V8 keeps the hot path monomorphic).
  app.decorateRequest("keyId", undefined);
  app.decorateRequest("principal", undefined);
  const metrics = createMetrics(deps);
  const rateStore = createBatchedRateStore({
    redis: deps.redis,
    prefix: `${opts.keyPrefix ?? "teleglas:"}gpt:rl:`,
    syncMs: config.rateSyncMs,
    onError: (err) => deps.logger.warn({ err }, "rate-limit sync to Redis failed"),
  });
  app.addHook("onClose", () => rateStore.close());

  installErrorHandling(app);
  // Per-route onResponse hooks resolve their route label once, at registration: reading
  // request.routeOptions builds a new object on every access. Callback-style hooks cost less than
  // async ones on the hot path.
  const refusals = createRefusalLog(app.log);
  app.addHook("onClose", (_app, done) => {
    refusals.flush();
    done();
  });
  const log = accessLog(deps.logger.isLevelEnabled("debug"), refusals);
  const countUnmatched = metrics.requestCounter("unmatched");
  app.addHook("onRoute", (route) => {
    const count = metrics.requestCounter(route.url);
    const hook: onResponseHookHandler = (request, reply, done) => {
      count(reply.statusCode, reply.elapsedTime);
      log(request, reply);
      done();
    };
    route.onResponse = route.onResponse === undefined ? [hook] : [route.onResponse, hook].flat();
  });
  app.addHook("onResponse", (request, reply, done) => {
    if (request.is404) {
      countUnmatched(reply.statusCode, reply.elapsedTime);
      log(request, reply);
    }
    done();
  });
  app.addHook("onRequest", (request, reply, done) => {
    reply.headers(request.url.startsWith("/docs") ? DOCS_SECURITY_HEADERS : API_SECURITY_HEADERS);
    // Browsers read the limit headers of a cross-origin answer only when exposed; other clients
    // (GPT Actions, curl) do not need the extra header on every answer.
    if (request.headers.origin !== undefined) reply.header("access-control-expose-headers", EXPOSED);
    // Before CORS (one hook, not two, on the hot path): an OPTIONS that is no preflight, or a
    // request without Host, is answered in the envelope.
    if (!answerOddRequest(request, reply)) done();
  });
  // Before CORS too: a preflight from an address outside the allowlist is refused like any request.
  installIpAllowlist(app, config);
  await app.register(cors, {
    origin: config.corsOrigins,
    credentials: false,
    methods: ["GET", "POST", "OPTIONS"],
    allowedHeaders: ["Authorization", "Content-Type", "Mcp-Protocol-Version", "Mcp-Session-Id"],
    maxAge: 600,
  });
  await app.register(swagger, {
    openapi: swaggerDocument(config, deps.version),
    transform: jsonSchemaTransform,
    transformObject: (input) => withErrorResponses(jsonSchemaTransformObject(input)),
  });
  // Swagger UI's own policy, without upgrade-insecure-requests so the page also loads over plain
  // http on 127.0.0.1 (behind TLS nothing changes).
  await app.register(swaggerUi, {
    routePrefix: "/docs",
    staticCSP:
      "default-src 'self'; base-uri 'self'; font-src 'self' https: data:; frame-ancestors 'self'; img-src 'self' data: validator.swagger.io; object-src 'none'; script-src 'self'; script-src-attr 'none'; style-src 'self' https:",
  });

  const serve = createOperationServer(deps);

  // OAuth 2.1 whenever Redis holds its state and the login codes are there to redeem.
  const issuer = config.oauthIssuer;
  const loginCodes = deps.stores.loginCodes;
  let oauth: OAuth | undefined;
  if (deps.redis !== undefined && loginCodes !== undefined && issuer !== undefined) {
    oauth = await installOAuth(app, {
      publicUrl: issuer,
      redis: deps.redis,
      prefix: `${opts.keyPrefix ?? "teleglas:"}oauth:`,
      apiKeys: config.apiKeys,
      redeemCode: async (code) => {
        const r = await loginCodes.redeem(code);
        return r.ok ? r.userId : undefined;
      },
      logger: deps.logger,
      cookieKeys: config.oauthCookieKeys,
      jwks: config.oauthJwks,
      // Per client address: a person's whole login is about ten requests.
      perIpPerMinute: Math.max(60, config.rateLimitPerMinute),
    });
  }

  // zod compilers only in this scope: plain JSON-schema routes elsewhere keep Fastify's defaults.
  await app.register(async (scope) => {
    scope.setValidatorCompiler(validatorCompiler);
    scope.setSerializerCompiler(serializerCompiler);
    registerPublicRoutes(scope, deps);
    scope.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
    registerDocuments(scope, config);

    await scope.register(async (protectedScope) => {
      await installProtection(protectedScope, config, rateStore, { oauth });
      registerOperationRoutes(protectedScope, OPERATIONS, serve);
      registerPersonalRoutes(protectedScope, serve);
      metrics.watchStreams(registerAlertStream(protectedScope, deps));
      registerMetrics(protectedScope, metrics);
    });
    // Its own scope: the same auth, and the public tier when MCP_PUBLIC is on (mcp/access.ts).
    await registerMcp(
      scope,
      { ...deps, oauth },
      [...OPERATIONS, ...PERSONAL_OPERATIONS],
      serve,
      metrics.toolCalled,
      rateStore,
    );
  });
  return app;
}
