import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { toApiError } from "../http/errors.js";
import type { Operation } from "../operation.js";
import { callTool, visibleTools } from "./call.js";
import { chartTool } from "./chart.js";
import { operationTool } from "./operation-tools.js";
import { RESOURCES, readResource, toolsGuide } from "./resources.js";
import type { McpTool, ToolContext } from "./tool.js";

export type Sdk = [
  typeof import("@modelcontextprotocol/sdk/server/index.js"),
  typeof import("@modelcontextprotocol/sdk/server/streamableHttp.js"),
  typeof import("@modelcontextprotocol/sdk/types.js"),
];

/** What the server tells a model about itself at initialize. */
const INSTRUCTIONS =
  "TELEGLAS answers read-only crypto derivatives data from CoinGlass: prices, open interest, funding, liquidations, order books, whales, ETFs, options and macro events. Start with getMarketSnapshot for any question about one coin; getPriceChart draws a chart. Figures CoinGlass did not give are null and listed in meta.missing, never 0.";

/** MCP's "resource not found" (the spec's -32002) and JSON-RPC's internal error. */
const RESOURCE_NOT_FOUND = -32002;
const INTERNAL_ERROR = -32603;

/** The tools of this server, built once from the operation table, and the chart. */
export function mcpTools(ops: readonly Operation[]) {
  const tools: McpTool[] = [...ops.map(operationTool), chartTool()];
  const byName = new Map(tools.map((t) => [t.name, t]));
  const symbols = ops.find((o) => o.operationId === "listSymbols");
  if (symbols === undefined) throw new Error("the operation table has no listSymbols");
  return { tools, byName, symbols, guide: toolsGuide(tools) };
}
export type McpTools = ReturnType<typeof mcpTools>;

/**
 * A low-level SDK server for one request (stateless Streamable HTTP), showing the caller only the
 * tools its scopes cover. The low-level server, not McpServer: arguments are validated by the
 * tools' own schemas so errors read in plain words, and output schemas come from zod as-is.
 */
export function createMcpServer(
  [{ Server: ServerClass }, , types]: Sdk,
  version: string,
  t: McpTools,
  ctx: ToolContext,
  onTool: (tool: string, ok: boolean) => void,
): Server {
  const server = new ServerClass(
    { name: "teleglas", title: "TELEGLAS crypto derivatives data", version },
    { capabilities: { tools: { listChanged: false }, resources: {} }, instructions: INSTRUCTIONS },
  );
  server.setRequestHandler(types.ListToolsRequestSchema, () => ({
    tools: visibleTools(t.tools, ctx.principal).map((tool) => tool.listing),
  }));
  server.setRequestHandler(types.CallToolRequestSchema, (request) =>
    callTool(t.byName, request.params.name, request.params.arguments, ctx, onTool),
  );
  server.setRequestHandler(types.ListResourcesRequestSchema, () => ({ resources: RESOURCES }));
  server.setRequestHandler(types.ReadResourceRequestSchema, async (request) => {
    try {
      return await readResource(request.params.uri, t.symbols, t.guide, ctx);
    } catch (error) {
      // In plain words like a tool error: never a stack or an upstream detail.
      const api = toApiError(error, "mcp");
      const code = api.code === "NOT_FOUND" ? RESOURCE_NOT_FOUND : INTERNAL_ERROR;
      throw new types.McpError(code, api.message, { hint: api.extra.hint });
    }
  });
  return server;
}
