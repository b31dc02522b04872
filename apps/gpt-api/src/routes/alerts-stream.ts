import type { ServerResponse } from "node:http";
import type { Alert } from "@teleglas/market-data-core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../deps.js";
import { ApiError } from "../http/errors.js";
import { ERROR_RESPONSES } from "../schemas/envelope.js";
import { kindParam, symbolParam } from "../schemas/params.js";

const HEARTBEAT_MS = 15_000;

/**
 * `GET /gpt/alerts/stream`: Server-Sent Events of alerts published from now on (`event: alert`,
 * `id:` the alert id, `data:` the alert JSON), with a comment heartbeat so proxies keep it open.
 * Open streams are bounded per process and per key (each holds a socket and a follower), so one
 * key cannot take every slot. HEAD answers the headers without opening a stream. Open streams are
 * ended when the app closes, so a graceful stop does not wait on them. Returns how many are open
 * (for /metrics).
 */
export function registerAlertStream(app: FastifyInstance, deps: ApiDeps): () => number {
  const open = new Set<ServerResponse>();
  const perKey = new Map<string, number>();
  const { maxStreams, maxStreamsPerKey } = deps.config;
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
          symbol: symbolParam.optional(),
          kind: kindParam.optional(),
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
    async (request, reply) => {
      const key = request.keyId ?? request.ip;
      const symbol =
        request.query.symbol === undefined
          ? undefined
          : await deps.core.market.resolveSymbol(request.query.symbol);
      const kind = request.query.kind;
      if (request.method === "HEAD") {
        return reply
          .code(200)
          .type("text/event-stream; charset=utf-8")
          .header("cache-control", "no-cache")
          .send("");
      }
      if (open.size >= maxStreams) {
        throw new ApiError("RATE_LIMITED", "Too many alert streams are open on this server.", {
          hint: "Retry in a minute.",
          retryAfterS: 60,
        });
      }
      const mine = perKey.get(key) ?? 0;
      if (mine >= maxStreamsPerKey) {
        throw new ApiError(
          "RATE_LIMITED",
          `This key already has ${mine} alert streams open (at most ${maxStreamsPerKey}).`,
          {
            hint: "Close a stream first, or filter one stream by symbol and kind on your side.",
            retryAfterS: 60,
          },
        );
      }
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
      perKey.set(key, mine + 1);
      res.on("close", () => {
        clearInterval(beat);
        unfollow();
        open.delete(res);
        const left = (perKey.get(key) ?? 1) - 1;
        if (left > 0) perKey.set(key, left);
        else perKey.delete(key);
      });
    },
  );
  return () => open.size;
}
