import type { CallToolResult, Tool } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import type { ApiDeps } from "../deps.js";
import type { OperationServer } from "../http/serve.js";
import type { Principal, Scope } from "../security/principal.js";

/** What a tool answers with: the caller, the app's services, the shared answer cache. */
export interface ToolContext {
  principal: Principal | undefined;
  deps: ApiDeps;
  answers: OperationServer;
}

/** One MCP tool: its listing, its parameters and how it answers validated arguments. */
export interface McpTool {
  name: string;
  /** The scope a caller needs; tools/list hides the tool from callers without it. */
  scope: Scope;
  listing: Tool;
  /** The arguments, with plain-words errors (schemas/params.ts). */
  query: z.ZodObject;
  answer(args: Record<string, unknown>, ctx: ToolContext): Promise<CallToolResult>;
}

type Json = Record<string, unknown>;

/** Drop `examples` everywhere: they document HTTP answers and only lengthen tools/list. */
function withoutExamples(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutExamples);
  if (node === null || typeof node !== "object") return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) if (k !== "examples") out[k] = withoutExamples(v);
  return out;
}

/**
 * A zod schema as the JSON Schema MCP lists: parameters as clients send them (`input`), answers
 * as the server writes them (`output`, without examples). No `$schema`: MCP's default dialect is
 * 2020-12, and draft-07 validators (the SDK client's Ajv) refuse the 2020-12 meta-schema URI.
 */
export function jsonSchema(schema: z.ZodType, io: "input" | "output"): Tool["inputSchema"] {
  const { $schema: _s, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" });
  return (io === "output" ? withoutExamples(rest) : rest) as Tool["inputSchema"];
}

/** The annotations every TELEGLAS tool carries: read-only, CoinGlass-reaching unless local. */
export const annotations = (title: string, openWorld: boolean) => ({
  title,
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: openWorld,
});
