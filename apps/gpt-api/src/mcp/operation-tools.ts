import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { type Operation, scopeOf } from "../operation.js";
import { successEnvelope } from "../schemas/envelope.js";
import { summarize } from "./summary.js";
import { annotations, jsonSchema, type McpTool } from "./tool.js";

/**
 * Longest envelope also sent as text (characters). Hosts differ in what they show the model (some
 * only the text, some only structuredContent, some both), so an answer carries both up to this
 * size and stays under 100 KB on the wire; a larger one is whole in structuredContent only.
 */
export const MAX_TEXT_JSON = 40_000;

/**
 * A tool's result: `structuredContent` is the HTTP route's envelope (validated by the same schema
 * as its `outputSchema`); the text holds a summary, then the same JSON for clients that show the
 * model only text (the MCP spec asks for the serialized JSON beside structured content).
 */
export function envelopeResult(title: string, text: string): CallToolResult {
  const structured = JSON.parse(text) as Record<string, unknown>;
  const summary = summarize(title, structured);
  const whole =
    text.length <= MAX_TEXT_JSON
      ? text
      : `The full answer (${Math.round(text.length / 1000)} KB of JSON) is in structuredContent only; ask again with a smaller limit or fewer days to get it here as text too.`;
  return {
    content: [
      { type: "text", text: summary },
      { type: "text", text: whole },
    ],
    structuredContent: structured,
  };
}

/**
 * The operation table as tools: name = operationId, parameters = the route's query schema,
 * output = the route's 200 envelope schema. Answers come from the same held cache as HTTP.
 */
export function operationTool(op: Operation): McpTool {
  const scope = scopeOf(op);
  return {
    name: op.operationId,
    scope,
    query: op.query,
    listing: {
      name: op.operationId,
      title: op.summary,
      description: op.description,
      inputSchema: jsonSchema(op.query, "input"),
      outputSchema: jsonSchema(successEnvelope(op.data, op.withSymbol), "output"),
      annotations: annotations(op.summary, !(op.local ?? scope !== "market:read")),
    },
    async answer(args, { answers, principal }) {
      return envelopeResult(op.summary, await answers.serve(op, args, principal));
    },
  };
}
