// Writes openapi.json and chatgpt_schema.json (the GPT Actions schema) into the package folder.
// `npm run openapi -w apps/gpt-api`; PUBLIC_URL names the https origin the GPT will call.
// With `-- --oauth` it also writes chatgpt_schema.oauth.json: the same operations, signed in with
// OAuth (authorization and token URLs from PUBLIC_URL, scope market:read) instead of an API key.
import { writeFileSync } from "node:fs";
import { loadApiConfig } from "./config.js";
import { buildOpenApiDocuments } from "./openapi-build.js";

const { config } = loadApiConfig(process.env);
const publicUrl = config.publicUrl ?? "https://teleglas.example.com";
if (config.publicUrl === undefined) console.error(`PUBLIC_URL unset: writing ${publicUrl} as the server`);
const { openapi, chatgpt, chatgptOAuth } = await buildOpenApiDocuments({ ...config, publicUrl });
const dir = new URL("../", import.meta.url);
writeFileSync(new URL("openapi.json", dir), `${JSON.stringify(openapi, null, 2)}\n`);
// Minified: it is pasted into (or imported by) the GPT editor, which reads all of it.
writeFileSync(new URL("chatgpt_schema.json", dir), `${JSON.stringify(chatgpt)}\n`);
if (process.argv.includes("--oauth")) {
  writeFileSync(new URL("chatgpt_schema.oauth.json", dir), `${JSON.stringify(chatgptOAuth)}\n`);
  console.error("wrote chatgpt_schema.oauth.json (OAuth: authorization code, scope market:read)");
}
console.error(
  `wrote openapi.json (${Object.keys(openapi.paths ?? {}).length} paths) and chatgpt_schema.json (${Object.keys(chatgpt.paths ?? {}).length} operations)`,
);
