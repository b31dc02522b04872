import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { ApiConfig } from "../config.js";
import { errorBody } from "../http/envelope.js";
import { sendApiError } from "../http/error-handler.js";
import { ApiError, toApiError } from "../http/errors.js";
import type { OperationServer } from "../http/serve.js";
import type { Operation } from "../operation.js";
import { numberFields, strictNumbers } from "../schemas/params.js";
import type { BatchedRateStore } from "../security/rate-store.js";

type Sdk = [
  typeof import("@modelcontextprotocol/sdk/server/index.js"),
  typeof import("@modelcontextprotocol/sdk/server/streamableHttp.js"),
  typeof import("@modelcontextprotocol/sdk/types.js"),
];

/** Marks tool arguments that were not an object, so the tool answers in plain words. */
const NOT_AN_OBJECT = "__teleglas_arguments_not_an_object";

interface Tool {
  op: Operation;
  numbers: string[];
  listing: { name: string; title: string; description: string; inputSchema: Record<string, unknown> };
}

function toolsOf(ops: readonly Operation[]): Map<string, Tool> {
  const tools = new Map<string, Tool>();
  for (const op of ops) {
    const { $schema: _s, ...inputSchema } = z.toJSONSchema(op.query, { io: "input", unrepresentable: "any" });
    tools.set(op.operationId, {
      op,
      numbers: numberFields(op.query),
      listing: {
        name: op.operationId,
        title: op.summary,
        description: op.description,
        inputSchema: inputSchema as Record<string, unknown>,
        annotations: { title: op.summary, readOnlyHint: true, openWorldHint: true },
      } as Tool["listing"],
    });
  }
  return tools;
}

/** A tool's answer: the HTTP route's envelope, as text; errors in the envelope with isError. */
async function callTool(
  tools: Map<string, Tool>,
  answers: OperationServer,
  name: string,
  args: unknown,
  onTool: (tool: string, ok: boolean) => void,
) {
  try {
    const tool = tools.get(name);
    if (tool === undefined) {
      throw new ApiError("NOT_FOUND", `No tool named "${name}".`, {
        hint: `The tools are ${[...tools.keys()].join(", ")} (tools/list describes them).`,
      });
    }
    const given = (args ?? {}) as Record<string, unknown>;
    if (given[NOT_AN_OBJECT] !== undefined) {
      throw new ApiError(
        "INVALID_PARAM",
        'arguments must be an object of parameters, e.g. {"symbol":"BTC"}.',
        {
          param: "arguments",
        },
      );
    }
    const parsed = tool.op.query.safeParse(strictNumbers(given, tool.numbers));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const param = String(issue?.path[0] ?? "arguments");
      const message = issue?.message.startsWith(`${param} `) ? `${issue.message}.` : `${param} is not valid.`;
      throw new ApiError("INVALID_PARAM", message, { param });
    }
    const text = await answers.serve(tool.op, parsed.data as Record<string, unknown>);
    onTool(name, true);
    return { content: [{ type: "text" as const, text }] };
  } catch (error) {
    if (tools.has(name)) onTool(name, false);
    return {
      isError: true,
      content: [{ type: "text" as const, text: errorBody(toApiError(error, "mcp").body()) }],
    };
  }
}

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
 * `POST /mcp` and `GET /mcp` (Streamable HTTP, stateless, JSON responses), behind the same auth:
 * the read-only operations as tools (name = operationId), answered by a fresh low-level server per
 * request. Each tool call counts against the key's rate limit: the request itself counted once,
 * a JSON-RPC batch counts its further tool calls before any runs, and a batch that does not fit
 * in what the key has left is refused whole (429), so a batch never calls CoinGlass more than
 * the same calls sent one by one could.
 */
export function registerMcp(
  app: FastifyInstance,
  version: string,
  ops: readonly Operation[],
  answers: OperationServer,
  onTool: (tool: string, ok: boolean) => void,
  limits: { store: BatchedRateStore; config: ApiConfig },
): void {
  const tools = toolsOf(ops);
  const listing = { tools: [...tools.values()].map((t) => t.listing) };
  // The SDK is loaded on the first MCP request: it weighs about 20 MB of memory.
  let sdk: Promise<Sdk> | undefined;

  function createServer([{ Server: ServerClass }, , types]: Sdk): Server {
    const server = new ServerClass({ name: "teleglas", version }, { capabilities: { tools: {} } });
    server.setRequestHandler(types.ListToolsRequestSchema, () => listing);
    server.setRequestHandler(types.CallToolRequestSchema, (request) =>
      callTool(tools, answers, request.params.name, request.params.arguments, onTool),
    );
    return server;
  }

  const handle = async (request: FastifyRequest, reply: FastifyReply) => {
    const calls = prepareMessages(request.body);
    if (calls > 1) {
      const { config, store } = limits;
      const max = config.rateLimitPerMinute;
      const key = request.keyId ?? request.ip;
      const { current, ttl } = await store.add(key, calls - 1, config.rateWindowMs, max);
      reply.header("x-ratelimit-remaining", String(Math.max(0, max - current)));
      if (current > max) {
        const retryAfterS = Math.max(1, Math.ceil(ttl / 1000));
        return sendApiError(
          reply,
          new ApiError(
            "RATE_LIMITED",
            `This batch holds ${calls} tool calls; each counts against the limit of ${max} requests per ${Math.round(config.rateWindowMs / 1000)} s, and the key has not enough left.`,
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
    const server = createServer(loaded);
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
