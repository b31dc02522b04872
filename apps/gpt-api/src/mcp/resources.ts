import type { ReadResourceResult, Resource } from "@modelcontextprotocol/sdk/types.js";
import { ApiError } from "../http/errors.js";
import type { Operation } from "../operation.js";
import type { McpTool, ToolContext } from "./tool.js";

const SYMBOLS = "teleglas://symbols";
const DOCS = "teleglas://docs/tools";

export const RESOURCES: Resource[] = [
  {
    uri: SYMBOLS,
    name: "symbols",
    title: "Supported coins",
    description: "Every coin symbol the market-data tools accept, sorted (the listSymbols answer).",
    mimeType: "application/json",
  },
  {
    uri: DOCS,
    name: "tools-guide",
    title: "TELEGLAS tools guide",
    description:
      "What each tool answers, its parameters with their defaults and maxima, and the answer format.",
    mimeType: "text/markdown",
  },
];

type Property = { description?: string; default?: unknown; enum?: unknown[] };

/** The guide, written from the tool listings themselves so it cannot drift from them. */
export function toolsGuide(tools: readonly McpTool[]): string {
  const parts = [
    "# TELEGLAS MCP tools",
    "",
    "Read-only crypto derivatives data from CoinGlass, aggregated across exchanges. Every answer is",
    "`{ success, timestamp, symbol?, data, meta }` (tools/list gives each tool's outputSchema):",
    "",
    "- `data`: the figures, snake_case; units are in the names (`_usd` US dollars, `_pct` percent,",
    "  `time` epoch milliseconds UTC).",
    "- `meta.as_of`: when CoinGlass gave the oldest part (ISO 8601 UTC); `meta.age_ms` its age;",
    "  `meta.cached`: every part came from the cache.",
    "- `meta.stale`: true only when CoinGlass failed and older data was served; `meta.stale_reason`",
    "  says why: timeout, upstream_error, quota, plan or bad_answer.",
    "- `meta.missing`: paths of figures CoinGlass did not give. They are null, never 0.",
    "",
    "Errors come as `{ success: false, error: { code, message, hint } }` with isError.",
    "",
  ];
  for (const t of tools) {
    parts.push(`## ${t.name} — ${t.listing.title}`, "", t.listing.description ?? "", "");
    const props = (t.listing.inputSchema.properties ?? {}) as Record<string, Property>;
    const required = new Set(t.listing.inputSchema.required ?? []);
    for (const [name, p] of Object.entries(props)) {
      const need = required.has(name) ? "required" : "optional";
      parts.push(`- \`${name}\` (${need}): ${p.description ?? ""}`);
    }
    if (Object.keys(props).length === 0) parts.push("- no parameters");
    parts.push("");
  }
  return parts.join("\n");
}

/** resources/read: the symbol list from the same held answer as listSymbols, or the guide. */
export async function readResource(
  uri: string,
  symbols: Operation,
  guide: string,
  ctx: ToolContext,
): Promise<ReadResourceResult> {
  if (uri === SYMBOLS) {
    const text = await ctx.answers.serve(symbols, {});
    return { contents: [{ uri, mimeType: "application/json", text }] };
  }
  if (uri === DOCS) return { contents: [{ uri, mimeType: "text/markdown", text: guide }] };
  throw new ApiError("NOT_FOUND", `No resource ${uri.slice(0, 100)}.`, {
    hint: `The resources are ${RESOURCES.map((r) => r.uri).join(" and ")}.`,
  });
}
