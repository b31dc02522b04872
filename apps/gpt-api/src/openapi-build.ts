import type { MarketDataService } from "@teleglas/market-data-core";
import type { OpenAPIV3_1 } from "openapi-types";
import pino from "pino";
import { buildApp } from "./app.js";
import type { ApiConfig } from "./config.js";
import { chatGptSchema } from "./openapi.js";
import { VERSION } from "./service.js";

/**
 * Build both OpenAPI documents from the route schemas without serving anything: the app is built
 * with placeholders for the core and stores (no route runs).
 */
export async function buildOpenApiDocuments(config: ApiConfig & { publicUrl: string }) {
  const unused = () => {
    throw new Error("not available while exporting the OpenAPI document");
  };
  const app = await buildApp({
    config,
    logger: pino({ level: "silent" }),
    version: VERSION,
    core: { market: {} as MarketDataService, stats: unused },
    stores: {
      alerts: {
        recent: unused,
        follow: unused,
        publish: unused,
        publishGuarded: unused,
        update: unused,
        latest: unused,
        join: unused,
        depth: unused,
      },
    },
  });
  await app.ready();
  const openapi = app.swagger() as OpenAPIV3_1.Document;
  await app.close();
  return {
    openapi,
    chatgpt: chatGptSchema(openapi, config.publicUrl),
    chatgptOAuth: chatGptSchema(openapi, config.publicUrl, "oauth"),
  };
}
