import { defineConfig, mergeConfig } from "vitest/config";
import { teleglasVitestConfig } from "../vitest.shared.js";

/** The fault suite: long, sequential, against built JavaScript; `npm run test:faults`. */
export default mergeConfig(
  teleglasVitestConfig({ testTimeout: 240_000 }),
  defineConfig({
    test: {
      include: ["faults/**/*.test.ts"],
      fileParallelism: false,
      hookTimeout: 120_000,
      passWithNoTests: false,
    },
  }),
);
