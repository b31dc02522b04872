import { teleglasVitestConfig } from "../vitest.shared.mjs";

/** The fault suite only: long, sequential, against built JavaScript (`npm run test:faults`). */
const config = teleglasVitestConfig({ testTimeout: 240_000 });
config.test = {
  ...config.test,
  include: ["faults/**/*.test.ts"],
  fileParallelism: false,
  hookTimeout: 120_000,
  passWithNoTests: false,
};
export default config;
