// Writes openapi.json and chatgpt_schema.json (the GPT Actions schema) into the package folder.
// `npm run openapi -w apps/gpt-api`; PUBLIC_URL names the https origin the GPT will call.
import { writeFileSync } from "node:fs";
import { loadApiConfig } from "./config.js";
import { buildOpenApiDocuments } from "./openapi-build.js";

const { config } = loadApiConfig(process.env);
const publicUrl = config.publicUrl ?? "https://teleglas.example.com";
if (config.publicUrl === undefined) console.error(`PUBLIC_URL unset: writing ${publicUrl} as the server`);
const { openapi, chatgpt } = await buildOpenApiDocuments({ ...config, publicUrl });
const dir = new URL("../", import.meta.url);
writeFileSync(new URL("openapi.json", dir), `${JSON.stringify(openapi, null, 2)}\n`);
// Minified: it is pasted into (or imported by) the GPT editor, which reads all of it.
writeFileSync(new URL("chatgpt_schema.json", dir), `${JSON.stringify(chatgpt)}\n`);
console.error(
  `wrote openapi.json (${Object.keys(openapi.paths ?? {}).length} paths) and chatgpt_schema.json (${Object.keys(chatgpt.paths ?? {}).length} operations)`,
);
