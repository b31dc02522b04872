import { mergeConfig } from "vitest/config";
import { teleglasVitestConfig } from "../../vitest.shared.mjs";

// The suites mostly wait on sockets and Telegram-style rate limits, not the CPU: run the files
// side by side (each uses its own Redis prefix, ports and fake servers).
export default mergeConfig(teleglasVitestConfig(), { test: { maxWorkers: 4 } });
