import { compileErrors, validate } from "@readme/openapi-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { apiConfig } from "../src/config.js";
import { ERROR_STATUS, type ErrorCode } from "../src/http/errors.js";
import { buildOpenApiDocuments } from "../src/openapi-build.js";
import { ERROR_EXAMPLES } from "../src/schemas/error-responses.js";
import type { Json } from "./harness.js";

type Doc = Awaited<ReturnType<typeof buildOpenApiDocuments>>["openapi"];
let openapi: Doc;
let chatgptBearer: Doc;
let chatgptOAuth: Doc;

beforeAll(async () => {
  ({
    openapi,
    chatgpt: chatgptBearer,
    chatgptOAuth,
  } = await buildOpenApiDocuments({
    ...apiConfig(),
    publicUrl: "https://teleglas.example.com",
  }));
});

const operations = (doc: Doc) =>
  Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item ?? {}).map(([method, op]) => ({ path, method, op: op as Json })),
  );

describe("OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await validate(structuredClone(openapi) as never);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
    expect(openapi.openapi).toBe("3.1.0");
    expect(openapi.servers).toEqual([{ url: "https://teleglas.example.com" }]);
    expect(openapi.components?.securitySchemes?.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it("gives every operation a unique camelCase operationId, a summary and short descriptions", () => {
    const ops = operations(openapi);
    const ids = ops.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path, op } of ops) {
      expect(op.operationId, path).toMatch(/^[a-z][A-Za-z0-9]+$/);
      expect(op.summary, path).toBeTruthy();
      expect(op.description?.length ?? 0, path).toBeGreaterThan(0);
      expect(op.description.length, path).toBeLessThanOrEqual(300);
      for (const p of op.parameters ?? []) {
        expect(p.description?.length ?? 0, `${path} ${p.name}`).toBeGreaterThan(0);
        expect(p.description.length, `${path} ${p.name}`).toBeLessThanOrEqual(700);
        expect(p.example ?? p.schema?.examples, `${path} ${p.name} example`).toBeDefined();
      }
      expect(op.responses?.["200"], path).toBeDefined();
    }
  });

  it("describes units on the response fields", () => {
    const raw = JSON.stringify(openapi.paths?.["/gpt/raw"]);
    expect(raw).toContain("in US dollars");
    expect(raw).toContain("in percent");
    expect(raw).toContain("epoch milliseconds");
  });

  it("shows each error status its own example, worded as the API answers it", async () => {
    const responses = openapi.components?.responses as Record<string, Json>;
    for (const [status, { name }] of Object.entries(ERROR_EXAMPLES)) {
      const examples = responses[name]?.content["application/json"].examples as Record<string, Json>;
      expect(Object.keys(examples).length, status).toBeGreaterThan(0);
      for (const [code, example] of Object.entries(examples)) {
        expect(String(ERROR_STATUS[code as ErrorCode]), `${status} ${code}`).toBe(status);
        expect(example.value.error.code).toBe(code);
      }
    }
    for (const { path, op } of operations(openapi)) {
      for (const [status, response] of Object.entries(op.responses as Record<string, Json>)) {
        if (status === "200") continue;
        expect(response.$ref, `${path} ${status}`).toBe(
          `#/components/responses/${ERROR_EXAMPLES[status]?.name}`,
        );
      }
    }
  });

  it("matches the committed snapshot", async () => {
    await expect(`${JSON.stringify(openapi, null, 2)}\n`).toMatchFileSnapshot("./__snapshots__/openapi.json");
  });
});

describe.each(["bearer", "oauth"] as const)("ChatGPT Actions schema (%s)", (auth) => {
  let chatgpt: Doc;
  beforeAll(() => {
    chatgpt = auth === "oauth" ? chatgptOAuth : chatgptBearer;
  });

  it("is valid OpenAPI 3.1.0 with one https server and at most 30 read-only operations", async () => {
    const result = await validate(structuredClone(chatgpt) as never);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
    expect(chatgpt.openapi).toBe("3.1.0");
    expect(chatgpt.servers).toHaveLength(1);
    expect(chatgpt.servers?.[0]?.url).toMatch(/^https:\/\//);
    const ops = operations(chatgpt);
    expect(ops.length).toBeGreaterThan(5);
    expect(ops.length).toBeLessThanOrEqual(30);
    for (const { path, method, op } of ops) {
      expect(method, path).toBe("get");
      expect(op["x-openai-isConsequential"], path).toBe(false);
      expect(path).not.toMatch(/stream|metrics|mcp|health|ready|openapi|\/me\//);
      expect(op.security, path).toEqual(
        auth === "oauth" ? [{ oauth: ["market:read"] }] : [{ bearerAuth: [] }],
      );
    }
    const schemes = chatgpt.components?.securitySchemes ?? {};
    if (auth === "bearer") expect(Object.keys(schemes)).toEqual(["bearerAuth"]);
    else
      expect(schemes).toEqual({
        oauth: expect.objectContaining({
          type: "oauth2",
          flows: {
            authorizationCode: expect.objectContaining({
              authorizationUrl: "https://teleglas.example.com/oauth/authorize",
              tokenUrl: "https://teleglas.example.com/oauth/token",
              scopes: { "market:read": expect.any(String) },
            }),
          },
        }),
      });
  });

  it("is small: examples only on parameters, one shared error response", () => {
    const text = JSON.stringify(chatgpt);
    // About 5 KB per operation today (the pretty-printed file was 17 KB per operation).
    expect(text.length / operations(chatgpt).length).toBeLessThan(6_500);
    expect(JSON.stringify(chatgpt.paths)).not.toContain('"examples":[{');
    for (const { path, op } of operations(chatgpt))
      expect(Object.keys(op.responses), path).toEqual(["200", "default"]);
  });

  it("refuses a non-https server", async () => {
    await expect(
      buildOpenApiDocuments({ ...apiConfig(), publicUrl: "http://plain.example.com" }),
    ).rejects.toThrow(/https/);
  });
});
