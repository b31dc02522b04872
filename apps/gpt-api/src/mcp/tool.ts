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

/** The stock "missing is null" tail of leaf descriptions: the type says nullable, the guide why. */
const NULL_TAIL = /; null when (CoinGlass did not give it|not given)\.$/;

/** Without `examples` and stock null tails; without any description when `bare`. */
function lean(node: unknown, bare = false): unknown {
  if (Array.isArray(node)) return node.map((n) => lean(n, bare));
  if (node === null || typeof node !== "object") return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === "examples" || (bare && k === "description")) continue;
    out[k] = k === "description" && typeof v === "string" ? v.replace(NULL_TAIL, ".") : lean(v, bare);
  }
  return out;
}

/**
 * An output schema made lean for tools/list, which carries one per tool: no `examples`, no stock
 * null tails, and the envelope parts every tool shares (`success`, `timestamp`, `meta`) without
 * descriptions; the server instructions and the tools guide describe those once.
 */
function leanEnvelope(schema: Json): Json {
  const out = lean(schema) as Json & { properties: Json; $defs?: Json };
  for (const k of ["success", "timestamp"]) out.properties[k] = lean(out.properties[k], true);
  if (out.$defs?.Meta !== undefined) out.$defs.Meta = lean(out.$defs.Meta, true);
  return out;
}

/**
 * A zod schema as the JSON Schema MCP lists: parameters as clients send them (`input`), answers
 * as the server writes them (`output`, made lean). No `$schema`: MCP's default dialect is
 * 2020-12, and draft-07 validators (the SDK client's Ajv) refuse the 2020-12 meta-schema URI.
 */
export function jsonSchema(schema: z.ZodType, io: "input" | "output"): Tool["inputSchema"] {
  const { $schema: _s, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" });
  return (io === "output" ? leanEnvelope(rest) : rest) as Tool["inputSchema"];
}

/** The annotations every TELEGLAS tool carries: read-only, CoinGlass-reaching unless local. */
export const annotations = (title: string, openWorld: boolean) => ({
  title,
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: openWorld,
});
