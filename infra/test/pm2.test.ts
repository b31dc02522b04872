import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { APPS, repoRoot } from "./helpers/paths.js";

interface Pm2App {
  name: string;
  script: string;
  cwd: string;
  env: Record<string, string>;
  max_memory_restart: string;
  autorestart: boolean;
  max_restarts: number;
  kill_timeout: number;
  out_file: string;
  error_file: string;
}

const require = createRequire(import.meta.url);
const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Loads a copy of the PM2 file from a directory of our own, as PM2 would (require). */
function loadFrom(dir: string): { apps: Pm2App[] } {
  const file = join(dir, "ecosystem.config.js");
  copyFileSync(join(repoRoot, "ecosystem.config.js"), file);
  return require(file) as { apps: Pm2App[] };
}

describe("ecosystem.config.js", () => {
  it("lists the three apps, each starting its built main.js", () => {
    const { apps } = require(join(repoRoot, "ecosystem.config.js")) as { apps: Pm2App[] };
    expect(apps.map((a) => a.name).sort()).toEqual(APPS.map((a) => `teleglas-${a}`).sort());
    for (const app of apps) {
      expect(app.script).toMatch(/^apps\/[a-z-]+\/dist\/main\.js$/);
      expect(app.cwd).toBe(repoRoot);
    }
  });

  it("bounds memory and restarts and writes logs per app", () => {
    const { apps } = require(join(repoRoot, "ecosystem.config.js")) as { apps: Pm2App[] };
    for (const app of apps) {
      expect(app.max_memory_restart).toMatch(/^\d+M$/);
      expect(app.autorestart).toBe(true);
      expect(app.max_restarts).toBeGreaterThan(0);
      expect(app.kill_timeout).toBeGreaterThanOrEqual(5000);
      expect(app.out_file).toContain(app.name);
      expect(app.error_file).toContain(app.name);
      expect(app.env.REDIS_URL).toMatch(/^redis:\/\//);
      expect(app.env.NODE_ENV).toBe("production");
    }
  });

  it("passes the variables of a .env next to it to every app, overriding the defaults", () => {
    const dir = mkdtempSync(join(tmpdir(), "teleglas-pm2-"));
    temps.push(dir);
    writeFileSync(
      join(dir, ".env"),
      "COINGLASS_API_KEY=cg-test-value\nREDIS_URL=redis://10.0.0.5:6380\nPORT=9000\n",
    );
    const { apps } = loadFrom(dir);
    for (const app of apps) {
      expect(app.env.COINGLASS_API_KEY).toBe("cg-test-value");
      expect(app.env.REDIS_URL).toBe("redis://10.0.0.5:6380");
    }
    expect(apps.find((a) => a.name === "teleglas-gpt-api")?.env.PORT).toBe("9000");
  });

  it("keeps its defaults for variables left empty in .env, as .env.example leaves them", () => {
    const dir = mkdtempSync(join(tmpdir(), "teleglas-pm2-"));
    temps.push(dir);
    copyFileSync(join(repoRoot, ".env.example"), join(dir, ".env"));
    const { apps } = loadFrom(dir);
    for (const app of apps) expect(app.env.REDIS_URL).toBe("redis://127.0.0.1:6379");
    expect(apps.find((a) => a.name === "teleglas-gpt-api")?.env.GPT_API_TRUST_PROXY).toBe("127.0.0.1");
  });

  it("runs without a .env, holding no secret of its own", () => {
    const dir = mkdtempSync(join(tmpdir(), "teleglas-pm2-"));
    temps.push(dir);
    const { apps } = loadFrom(dir);
    for (const app of apps) {
      for (const key of ["COINGLASS_API_KEY", "TELEGRAM_BOT_TOKEN", "GPT_API_KEYS"]) {
        expect(app.env[key]).toBeUndefined();
      }
    }
  });
});
