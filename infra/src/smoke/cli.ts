// `npm run smoke -- --url https://api.example.com --key KEY [--symbols BTC,ETH] [--verbose]`
// Checks a deployed GPT API from outside and exits non-zero when any check fails.
import { parseArgs } from "node:util";
import { runSmoke } from "./checks.js";
import { formatSmokeTable } from "./table.js";

const usage =
  "usage: npm run smoke -- --url https://host --key KEY [--symbols BTC,ETH] [--slow-ms 3000] [--verbose]";

const { values } = parseArgs({
  options: {
    url: { type: "string" },
    key: { type: "string" },
    symbols: { type: "string" },
    "slow-ms": { type: "string" },
    verbose: { type: "boolean", short: "v", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (values.help || !values.url || !values.key) {
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}

const report = await runSmoke({
  url: values.url,
  key: values.key,
  symbols: values.symbols?.split(",").map((s) => s.trim().toUpperCase()),
  slowMs: values["slow-ms"] ? Number(values["slow-ms"]) : undefined,
});
console.log(`Smoke test of ${values.url}\n`);
console.log(formatSmokeTable(report, values.verbose));
process.exit(report.ok ? 0 : 1);
