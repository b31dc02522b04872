import type { ServerResponse } from "node:http";
import type { Alert } from "@teleglas/market-data-core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../deps.js";
import { ApiError } from "../http/errors.js";
import { ERROR_RESPONSES } from "../schemas/envelope.js";

const HEARTBEAT_MS = 15_000;
/** Open streams per process; each holds a socket and a follower, so they are bounded. */
const MAX_STREAMS = 500;

/**
 * `GET /gpt/alerts/stream`: Server-Sent Events of alerts published from now on (`event: alert`,
 * `id:` the alert id, `data:` the alert JSON), with a comment heartbeat so proxies keep it open.
 * Open streams are ended when the app closes, so a graceful stop does not wait on them. Returns
 * how many are open (for /metrics).
 */
export function registerAlertStream(app: FastifyInstance, deps: ApiDeps): () => number {
  const open = new Set<ServerResponse>();
  app.addHook("preClose", async () => {
    for (const res of open) res.end();
  });

  app.withTypeProvider<ZodTypeProvider>().get(
    "/gpt/alerts/stream",
    {
      schema: {
        operationId: "streamAlerts",
        summary: "Live alerts (Server-Sent Events)",
        description:
          "A text/event-stream of new alerts as TELEGLAS raises them: event `alert`, data = the alert JSON. Not for GPT Actions.",
        tags: ["market"],
        security: [{ bearerAuth: [] }],
        querystring: z.object({
          symbol: z
            .string()
            .max(32)
            .optional()
            .meta({ description: "Only alerts of this coin (BTC).", examples: ["BTC"] }),
          kind: z
            .string()
            .max(32)
            .optional()
            .meta({ description: "Only alerts of this kind.", examples: ["whale_trade"] }),
        }),
        produces: ["text/event-stream"],
        response: {
          200: z
            .string()
            .meta({ description: "Server-Sent Events: `event: alert` with the alert as JSON data." }),
          ...ERROR_RESPONSES,
        },
      },
    },
    (request, reply) => {
      if (open.size >= MAX_STREAMS) {
        throw new ApiError("RATE_LIMITED", "Too many alert streams are open.", {
          hint: "Retry in a minute.",
          retryAfterS: 60,
        });
      }
      const symbol = request.query.symbol
        ?.trim()
        .toUpperCase()
        .replace(/[/-]?USDT?$/, "");
      const kind = request.query.kind;
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        ...(reply.getHeaders() as Record<string, string>),
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        connection: "keep-alive",
        "x-accel-buffering": "no",
      });
      res.write(": connected\n\n");
      const unfollow = deps.stores.alerts.follow((alert: Alert) => {
        if (symbol && alert.symbol !== symbol) return;
        if (kind && alert.kind !== kind) return;
        res.write(`id: ${alert.id}\nevent: alert\ndata: ${JSON.stringify(alert)}\n\n`);
      });
      const beat = setInterval(() => res.write(": ping\n\n"), HEARTBEAT_MS);
      beat.unref();
      open.add(res);
      res.on("close", () => {
        clearInterval(beat);
        unfollow();
        open.delete(res);
      });
    },
  );
  return () => open.size;
}
