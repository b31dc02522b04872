import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ApiDeps } from "../deps.js";
import { sendApiError } from "../http/error-handler.js";
import { ApiError } from "../http/errors.js";
import { installProtection } from "../http/security.js";
import type { OperationServer } from "../http/serve.js";
import type { Operation } from "../operation.js";
import type { BatchedRateStore } from "../security/rate-store.js";
import { mcpProtection } from "./access.js";
import { NOT_AN_OBJECT } from "./call.js";
import { createMcpServer, mcpTools, type Sdk } from "./server.js";

/**
 * The JSON-RPC messages of a POST body, made safe for the SDK: `tools/call` arguments that are
 * null count as none, other non-objects are marked so the tool refuses them in plain words
 * (the SDK would answer with its validator's text). Returns how many tool calls the body holds.
 */
function prepareMessages(body: unknown): number {
  const messages = Array.isArray(body) ? body : [body];
  let calls = 0;
  for (const m of messages) {
    if (m === null || typeof m !== "object" || (m as { method?: unknown }).method !== "tools/call") continue;
    calls++;
    const params = (m as { params?: Record<string, unknown> }).params;
    if (params === null || typeof params !== "object") continue;
    const args = params.arguments;
    if (args === null) delete params.arguments;
    else if (args !== undefined && (typeof args !== "object" || Array.isArray(args)))
      params.arguments = { [NOT_AN_OBJECT]: typeof args };
  }
  return calls;
}

/**
 * `POST /mcp` and `GET /mcp` (Streamable HTTP, stateless, JSON responses) in a scope of their own:
 * the API's auth, or the public tier (access.ts), then a fresh SDK server per request. Each tool
 * call counts against the caller's rate limit: the request itself counted once, a JSON-RPC batch
 * counts its further tool calls before any runs, and a batch that does not fit in what the caller
 * has left is refused whole (429), so a batch never calls CoinGlass more than the same calls sent
 * one by one could.
 */
export async function registerMcp(
  app: FastifyInstance,
  deps: ApiDeps,
  ops: readonly Operation[],
  answers: OperationServer,
  onTool: (tool: string, ok: boolean) => void,
  store: BatchedRateStore,
): Promise<void> {
  const { config } = deps;
  const access = mcpProtection(config, deps.oauth);
  const tools = mcpTools(ops);
  // The SDK is loaded on the first MCP request: it weighs about 20 MB of memory.
  let sdk: Promise<Sdk> | undefined;

  const handle = async (request: FastifyRequest, reply: FastifyReply) => {
    const calls = prepareMessages(request.body);
    if (calls > 1) {
      const max = access.maxFor?.(request.principal) ?? config.rateLimitPerMinute;
      const key = request.keyId ?? request.ip;
      const { current, ttl } = await store.add(key, calls - 1, config.rateWindowMs, max);
      reply.header("x-ratelimit-remaining", String(Math.max(0, max - current)));
      if (current > max) {
        const retryAfterS = Math.max(1, Math.ceil(ttl / 1000));
        return sendApiError(
          reply,
          new ApiError(
            "RATE_LIMITED",
            `This batch holds ${calls} tool calls; each counts against the limit of ${max} requests per ${Math.round(config.rateWindowMs / 1000)} s, and the caller has not enough left.`,
            { hint: `Send fewer tool calls, or retry in ${retryAfterS} s.`, retryAfterS },
          ),
        );
      }
    }
    sdk ??= Promise.all([
      import("@modelcontextprotocol/sdk/server/index.js"),
      import("@modelcontextprotocol/sdk/server/streamableHttp.js"),
      import("@modelcontextprotocol/sdk/types.js"),
    ]);
    const loaded = await sdk;
    const ctx = { principal: request.principal, deps, answers };
    const server = createMcpServer(loaded, deps.version, tools, ctx, onTool);
    const transport = new loaded[1].StreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    reply.hijack();
    const raw = reply.raw;
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value !== undefined) raw.setHeader(name, value as string);
    }
    raw.on("close", () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(request.raw, raw, request.body);
  };

  await app.register(async (scope) => {
    await installProtection(scope, config, store, access);
    const schema = { hide: true };
    scope.post("/mcp", { schema }, handle);
    // A stateless server has nothing to push, so it opens no GET stream (the MCP spec's 405).
    scope.get("/mcp", { schema }, (_request, reply) =>
      sendApiError(
        reply.header("allow", "POST"),
        new ApiError("METHOD_NOT_ALLOWED", "This MCP server is stateless and opens no event stream.", {
          hint: "Send JSON-RPC requests with POST /mcp.",
        }),
      ),
    );
  });
}
