import { staleReasonOf } from "@teleglas/market-data-core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../deps.js";
import { LIVE_META, successBody } from "../http/envelope.js";
import { ApiError } from "../http/errors.js";
import { ERROR_RESPONSES, successEnvelope } from "../schemas/envelope.js";
import { sendJson } from "./data.js";

const RootSchema = z.object({
  name: z.string().meta({ description: "Service name.", examples: ["TELEGLAS GPT API"] }),
  version: z.string().meta({ description: "Service version.", examples: ["0.1.0"] }),
  links: z
    .record(z.string(), z.string())
    .meta({ description: "Where to go next.", examples: [{ docs: "/docs/" }] }),
});
const HealthSchema = z.object({
  status: z.literal("ok"),
  uptime_s: z.number().meta({ description: "Seconds since the process started.", examples: [3600] }),
});
const ReadySchema = z.object({
  status: z.literal("ready"),
  checks: z
    .record(z.string(), z.enum(["ok", "not_configured"]))
    .meta({ description: "Each dependency checked.", examples: [{ redis: "ok", coinglass: "ok" }] }),
});

/** A promise that rejects after `ms` so a hung dependency cannot hang /ready. */
function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
    p.then(resolve, reject).finally(() => clearTimeout(t));
  });
}

/** `/`, `/health` (liveness, no upstream call) and `/ready` (Redis and the core answer). */
export function registerPublicRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const started = Date.now();
  const common = { tags: ["service"], security: [] };

  r.get(
    "/",
    {
      schema: {
        ...common,
        operationId: "getRoot",
        summary: "Service name and links",
        description: "Name, version and links to the documentation.",
        response: { 200: successEnvelope(RootSchema, false) },
      },
    },
    async (_req, reply) => {
      const links = {
        docs: "/docs/",
        openapi: "/openapi.json",
        gpt_schema: "/openapi.gpt.json",
        privacy: "/privacy",
        health: "/health",
        ready: "/ready",
        mcp: "/mcp",
      };
      return sendJson(
        reply,
        successBody({ name: "TELEGLAS GPT API", version: deps.version, links }, LIVE_META),
      );
    },
  );

  r.get(
    "/health",
    {
      schema: {
        ...common,
        operationId: "getHealth",
        summary: "Liveness",
        description: "Answers while the process runs; never calls CoinGlass.",
        response: { 200: successEnvelope(HealthSchema, false) },
      },
    },
    async (_req, reply) => {
      return sendJson(
        reply,
        successBody({ status: "ok", uptime_s: Math.round((Date.now() - started) / 1000) }, LIVE_META),
      );
    },
  );

  r.get(
    "/ready",
    {
      schema: {
        ...common,
        operationId: "getReady",
        summary: "Readiness",
        description:
          "Ready when Redis answers and CoinGlass (or the simulator) answers within its quota; 503 otherwise.",
        response: { 200: successEnvelope(ReadySchema, false), 503: ERROR_RESPONSES[503] },
      },
    },
    async (_req, reply) => {
      const checks: Record<string, "ok" | "not_configured"> = { redis: "not_configured", coinglass: "ok" };
      try {
        if (deps.redis) {
          // A reconnecting client would queue the ping: say so at once instead.
          if (["reconnecting", "close", "end"].includes(deps.redis.status))
            throw new Error(`the connection is ${deps.redis.status}`);
          await within(deps.redis.ping(), 2000, "Redis");
          checks.redis = "ok";
        }
      } catch (error) {
        const share = deps.core.stats().quota.fallback;
        throw new ApiError("UPSTREAM_UNAVAILABLE", `Redis is not reachable: ${(error as Error).message}.`, {
          hint: share
            ? `Check REDIS_URL. Meanwhile CoinGlass calls use this process's own share of the quota (${share.limitPerWindow} per minute).`
            : "Check REDIS_URL.",
          retryAfterS: 5,
        });
      }
      try {
        // Supported coins are cached for minutes, so readiness probes spend almost no quota.
        await within(deps.core.market.listSymbols(), 5000, "CoinGlass");
      } catch (error) {
        throw new ApiError("UPSTREAM_UNAVAILABLE", `CoinGlass is not reachable (${staleReasonOf(error)}).`, {
          hint: "Retry shortly.",
          retryAfterS: 5,
        });
      }
      return sendJson(reply, successBody({ status: "ready", checks }, LIVE_META));
    },
  );
}
