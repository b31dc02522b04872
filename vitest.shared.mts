import { defineConfig } from "vitest/config";

/**
 * Shared Vitest settings. Workspace packages resolve to their TypeScript sources through the
 * `@teleglas/source` export condition, so tests never need a prior build.
 */
export function teleglasVitestConfig(overrides: { testTimeout?: number } = {}) {
  return defineConfig({
    resolve: { conditions: ["@teleglas/source", "import", "module", "node", "default"] },
    ssr: {
      resolve: {
        conditions: ["@teleglas/source", "import", "node", "default"],
        externalConditions: ["@teleglas/source"],
      },
    },
    test: {
      include: ["test/**/*.test.ts"],
      testTimeout: overrides.testTimeout ?? 20_000,
      hookTimeout: 30_000,
      pool: "forks",
    },
  });
}
