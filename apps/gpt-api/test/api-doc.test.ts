import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { apiConfig } from "../src/config.js";
import { ERROR_CODES, ERROR_STATUS } from "../src/http/errors.js";
import { buildOpenApiDocuments } from "../src/openapi-build.js";

const doc = readFileSync(new URL("../../../docs/api.md", import.meta.url), "utf8");

describe("docs/api.md", () => {
  it("lists every operation of the OpenAPI document with its path", async () => {
    const { openapi, chatgpt } = await buildOpenApiDocuments({
      ...apiConfig(),
      publicUrl: "https://x.example.com",
    });
    for (const [path, item] of Object.entries(openapi.paths ?? {})) {
      const id = (item?.get as { operationId?: string } | undefined)?.operationId;
      expect(doc, path).toContain(`\`${path}`);
      expect(doc, path).toContain(`\`${id}\``);
    }
    for (const item of Object.values(chatgpt.paths ?? {})) {
      const id = (item?.get as { operationId?: string } | undefined)?.operationId;
      expect(doc.split("## Envelope")[0]?.split("GPT Actions schema")[1], `${id} in the GPT list`).toContain(
        `\`${id}\``,
      );
    }
  });

  it("gives every error code with its status", () => {
    for (const code of ERROR_CODES) {
      expect(doc).toMatch(new RegExp(`\\|\\s*\`${code}\`\\s*\\|\\s*${ERROR_STATUS[code]}\\s*\\|`));
    }
  });
});
