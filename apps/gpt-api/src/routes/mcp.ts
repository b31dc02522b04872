import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { errorBody } from "../http/envelope.js";
import { sendApiError } from "../http/error-handler.js";
import { ApiError, toApiError } from "../http/errors.js";
import type { OperationServer } from "../http/serve.js";
import type { Operation } from "../operations.js";

/**
 * A fresh stateless MCP server per request, exposing the read-only operations as tools (name =
 * operationId). A tool answers with the same envelope JSON the HTTP route sends, as text.
 */
function createMcpServer(
  McpServerClass: typeof McpServer,
  version: string,
  ops: readonly Operation[],
  answers: OperationServer,
  onTool: (tool: string, ok: boolean) => void,
): McpServer {
  const server = new McpServerClass({ name: "teleglas", version });
  for (const op of ops) {
    server.registerTool(
      op.operationId,
      {
        title: op.summary,
        description: op.description,
        inputSchema: op.query.shape,
        annotations: { title: op.summary, readOnlyHint: true, openWorldHint: true },
      },
      async (args: Record<string, unknown>) => {
        try {
          const parsed = op.query.parse(args ?? {}) as Record<string, unknown>;
          const text = await answers.serve(op, parsed);
          onTool(op.operationId, true);
          return { content: [{ type: "text" as const, text }] };
        } catch (error) {
          onTool(op.operationId, false);
          return {
            isError: true,
            content: [{ type: "text" as const, text: errorBody(toApiError(error).body()) }],
          };
        }
      },
    );
  }
  return server;
}

/** `POST /mcp` and `GET /mcp` (Streamable HTTP, stateless, JSON responses), behind the same auth. */
export function registerMcp(
  app: FastifyInstance,
  version: string,
  ops: readonly Operation[],
  answers: OperationServer,
  /** Told of each tool call and whether it answered (metrics). */
  onTool: (tool: string, ok: boolean) => void = () => {},
): void {
  // The SDK is loaded on the first MCP request: it weighs about 20 MB of memory.
  let sdk:
    | Promise<
        [
          typeof import("@modelcontextprotocol/sdk/server/mcp.js"),
          typeof import("@modelcontextprotocol/sdk/server/streamableHttp.js"),
        ]
      >
    | undefined;
  const handle = async (request: FastifyRequest, reply: FastifyReply) => {
    sdk ??= Promise.all([
      import("@modelcontextprotocol/sdk/server/mcp.js"),
      import("@modelcontextprotocol/sdk/server/streamableHttp.js"),
    ]);
    const [{ McpServer }, { StreamableHTTPServerTransport }] = await sdk;
    const server = createMcpServer(McpServer, version, ops, answers, onTool);
    const transport = new StreamableHTTPServerTransport({
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
  const schema = { hide: true };
  app.post("/mcp", { schema }, handle);
  // A stateless server has nothing to push, so it opens no GET stream (the MCP spec's 405).
  app.get("/mcp", { schema }, (_request, reply) =>
    sendApiError(
      reply.header("allow", "POST"),
      new ApiError("METHOD_NOT_ALLOWED", "This MCP server is stateless and opens no event stream.", {
        hint: "Send JSON-RPC requests with POST /mcp.",
      }),
    ),
  );
}
