import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { apiConfig } from "../src/config.js";
import { buildOpenApiDocuments } from "../src/openapi-build.js";
import { apiForFile, type Json, KEY } from "./harness.js";

/**
 * Acts as ChatGPT would: reads the published chatgpt_schema.json, calls every operation with its
 * example parameters and the bearer key, and validates each answer against the schema's own
 * response definition — so the published schema cannot drift from what the handlers send.
 */
const schema = JSON.parse(readFileSync(new URL("../chatgpt_schema.json", import.meta.url), "utf8"));
const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
// The whole document is registered so `#/components/schemas/...` references resolve.
ajv.addSchema(schema, "chatgpt");
const pointer = (...parts: string[]) =>
  parts.map((p) => p.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");
const responseValidator = (path: string, status: string) => {
  const v = ajv.getSchema(
    `chatgpt#/${pointer("paths", path, "get", "responses", status, "content", "application/json", "schema")}`,
  );
  if (v === undefined) throw new Error(`no ${status} schema for ${path}`);
  return v;
};

const srv = apiForFile();

const operations = Object.entries(schema.paths as Record<string, Json>).flatMap(([path, item]) =>
  Object.entries(item as Record<string, Json>).map(([method, op]) => ({ path, method, op: op as Json })),
);

describe("chatgpt_schema.json", () => {
  it("is what the code generates now (run `npm run openapi -w apps/gpt-api` after changing a route)", async () => {
    const { chatgpt } = await buildOpenApiDocuments({ ...apiConfig(), publicUrl: schema.servers[0].url });
    expect(JSON.parse(JSON.stringify(chatgpt))).toEqual(schema);
  });

  it.each(operations.map((o) => [o.op.operationId, o]))(
    "%s answers what the schema promises",
    async (_id, { path, op }) => {
      const query = new URLSearchParams();
      for (const p of op.parameters ?? []) {
        const example = p.example ?? p.schema?.examples?.[0];
        if (p.required || example !== undefined) query.set(p.name, String(example));
      }
      const res = await fetch(`${srv.api.url}${path}?${query}`, {
        headers: { authorization: `Bearer ${KEY}` },
      });
      const body = await res.json();
      expect(res.status, JSON.stringify(body)).toBe(200);
      const validateBody = responseValidator(path, "200");
      const valid = validateBody(body);
      expect(valid, ajv.errorsText(validateBody.errors, { separator: "\n" })).toBe(true);
    },
  );

  it("documents error answers that match the schema too", async () => {
    const res = await fetch(`${srv.api.url}/gpt/raw?symbol=BTX`, {
      headers: { authorization: `Bearer ${KEY}` },
    });
    const validateBody = responseValidator("/gpt/raw", "default");
    expect(validateBody(await res.json()), ajv.errorsText(validateBody.errors)).toBe(true);
    // The validators do reject what the schema does not promise.
    const ok = (await (
      await fetch(`${srv.api.url}/gpt/liq?symbol=BTC`, { headers: { authorization: `Bearer ${KEY}` } })
    ).json()) as Json;
    const liq = responseValidator("/gpt/liq", "200");
    expect(liq(ok)).toBe(true);
    expect(liq({ ...ok, data: { ...ok.data, total_usd: "12" } })).toBe(false);
    expect(liq({ ...ok, data: { ...ok.data, totalUsd: 1 } })).toBe(false);
  });
});
