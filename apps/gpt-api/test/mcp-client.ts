import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { Ajv2020 } from "ajv/dist/2020.js";

/**
 * The SDK's own client on a real socket. `version` makes it offer an older protocol revision at
 * initialize (the SDK client always offers the newest), as an older client would.
 */
export async function connectMcp(
  url: string,
  opts: { key?: string; version?: string; headers?: Record<string, string> } = {},
) {
  const headers = { ...(opts.key ? { authorization: `Bearer ${opts.key}` } : {}), ...opts.headers };
  const transport = new StreamableHTTPClientTransport(new URL(`${url}/mcp`), { requestInit: { headers } });
  const version = opts.version;
  if (version !== undefined) {
    const send = transport.send.bind(transport);
    transport.send = (message: JSONRPCMessage, o) => {
      if ("method" in message && message.method === "initialize")
        return send({ ...message, params: { ...message.params, protocolVersion: version } }, o);
      return send(message, o);
    };
  }
  const client = new Client({ name: "teleglas-test", version: "1.0.0" });
  await client.connect(transport);
  return { client, transport };
}

const ajv = new Ajv2020({ strict: false, allErrors: true });

/** Validate a value against a JSON Schema (2020-12); the errors as text, or undefined. */
export function schemaErrors(schema: object, value: unknown): string | undefined {
  const validate = ajv.compile(schema);
  return validate(value) ? undefined : ajv.errorsText(validate.errors, { separator: "\n" });
}

/** Arguments that make each tool answer its largest (the limits the tools document). */
export const MAX_ARGS: Record<string, Record<string, unknown>> = {
  getMarketSnapshot: { symbol: "BTC" },
  getLiquidations: { symbol: "BTC", range: "24h" },
  getWhaleActivity: { min_usd: 0, limit: 100 },
  getOrderbook: { symbol: "BTC", exchange: "Binance", range: "10" },
  getMarketSentiment: {},
  getFundingRates: { symbol: "BTC" },
  getOpenInterest: { symbol: "BTC" },
  getEtfFlows: { asset: "BTC", days: 90 },
  getExchangeBalances: { symbol: "BTC" },
  getWhaleTransfers: { limit: 100 },
  getMarketIndicators: { symbol: "BTC" },
  getOptions: { symbol: "BTC", exchange: "Deribit" },
  getLiquidationMap: { symbol: "BTC", range: "30d" },
  getEconomicCalendar: { days: 14, importance: 1 },
  getFundingArbitrage: { limit: 50 },
  getRecentAlerts: { limit: 100 },
  listSymbols: {},
  getApiInfo: {},
  getPriceChart: { symbol: "BTC", interval: "5m", limit: 168 },
};
