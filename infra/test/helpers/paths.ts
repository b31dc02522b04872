import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (infra/test/helpers -> ../../..). */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const infraDir = join(repoRoot, "infra");

/** The three deployable apps, by directory name under apps/. */
export const APPS = ["gpt-api", "alert-worker", "telegram-bot"] as const;
