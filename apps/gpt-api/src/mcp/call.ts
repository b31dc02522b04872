import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { errorBody } from "../http/envelope.js";
import { ApiError, toApiError } from "../http/errors.js";
import { numberFields, strictNumbers } from "../schemas/params.js";
import { hasScope, type Principal } from "../security/principal.js";
import type { McpTool, ToolContext } from "./tool.js";

/** Marks tool arguments that were not an object, so the tool answers in plain words. */
export const NOT_AN_OBJECT = "__teleglas_arguments_not_an_object";

/** The tools a caller may see and call. */
export const visibleTools = (tools: readonly McpTool[], principal: Principal | undefined) =>
  tools.filter((t) => hasScope(principal, t.scope));

/** Validate arguments with the tool's query schema; errors in plain words naming the parameter. */
function parseArgs(tool: McpTool, args: unknown): Record<string, unknown> {
  const given = (args ?? {}) as Record<string, unknown>;
  if (given[NOT_AN_OBJECT] !== undefined) {
    throw new ApiError("INVALID_PARAM", 'arguments must be an object of parameters, e.g. {"symbol":"BTC"}.', {
      param: "arguments",
    });
  }
  const parsed = tool.query.safeParse(strictNumbers(given, numberFields(tool.query)));
  if (parsed.success) return parsed.data as Record<string, unknown>;
  const issue = parsed.error.issues[0];
  const param = String(issue?.path[0] ?? "arguments");
  const message = issue?.message.startsWith(`${param} `) ? `${issue.message}.` : `${param} is not valid.`;
  throw new ApiError("INVALID_PARAM", message, { param });
}

/**
 * One tools/call. Errors are answered in the API's error envelope with `isError` (never the SDK's
 * validator text); a tool the caller's login does not cover is refused like an unknown one would
 * be listed: by what it needs.
 */
export async function callTool(
  tools: ReadonlyMap<string, McpTool>,
  name: string,
  args: unknown,
  ctx: ToolContext,
  onTool: (tool: string, ok: boolean) => void,
): Promise<CallToolResult> {
  const tool = tools.get(name);
  try {
    if (tool === undefined) {
      const names = visibleTools([...tools.values()], ctx.principal).map((t) => t.name);
      throw new ApiError("NOT_FOUND", `No tool named "${name}".`, {
        hint: `The tools are ${names.join(", ")} (tools/list describes them).`,
      });
    }
    if (!hasScope(ctx.principal, tool.scope)) {
      throw new ApiError("UNAUTHORIZED", `The tool ${name} needs a login with the ${tool.scope} scope.`, {
        hint: "Connect this client with OAuth (sign in with a code from the Telegram bot's /connect).",
      });
    }
    const result = await tool.answer(parseArgs(tool, args), ctx);
    onTool(name, true);
    return result;
  } catch (error) {
    if (tool !== undefined) onTool(name, false);
    return {
      isError: true,
      content: [{ type: "text", text: errorBody(toApiError(error, "mcp").body()) }],
    };
  }
}
