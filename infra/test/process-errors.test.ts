import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createFakeTelegram } from "@teleglas/fake-telegram";
import { waitFor } from "@teleglas/market-data-core/testing";
import { afterAll, describe, expect, it } from "vitest";
import { appMain, freePort, type Managed, managed } from "../faults/harness/processes.js";
import { infraDir, repoRoot } from "./helpers/paths.js";

// Each app, as its own process on its sources, gets a promise rejected with nobody listening (the
// preload fires it on SIGUSR2). The API and the bot log it and keep serving; the worker logs it and
// stops through its graceful stop with exit code 1 (main.ts of each says why).
const logDir = mkdtempSync(join(tmpdir(), "teleglas-process-errors-"));
const running: Managed[] = [];
afterAll(async () => {
  for (const m of running) await m.stop("SIGKILL");
  rmSync(logDir, { recursive: true, force: true });
});

function app(name: string, env: Record<string, string>, ready: (out: () => string) => Promise<unknown>) {
  let out = () => "";
  const m = managed({
    name,
    command: process.execPath,
    args: [
      "--import",
      "tsx",
      "--conditions=@teleglas/source",
      "--import",
      join(infraDir, "test", "fixtures", "stray-rejection.mjs"),
      join("apps", name, "src", "main.ts"),
    ],
    env: { LOG_LEVEL: "info", ...env },
    logDir,
    ready: (o) => {
      out = o;
      return ready(o);
    },
  });
  running.push(m);
  return Object.assign(m, { out: () => out() });
}

async function ownRedis(): Promise<string> {
  const port = await freePort();
  const redis = managed({
    name: "redis",
    command: "redis-server",
    args: ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    logDir,
    ready: (out) => waitFor(() => (/Ready to accept connections/.test(out()) ? true : undefined), "redis"),
  });
  running.push(redis);
  await redis.start();
  return `redis://127.0.0.1:${port}`;
}

const ok = async (url: string) => ((await fetch(url)).ok ? true : undefined);

describe("an unhandled rejection never ends a process abruptly", () => {
  it("gpt-api logs it and keeps answering", async () => {
    const port = await freePort();
    const api = app("gpt-api", { PORT: String(port), HOST: "127.0.0.1" }, () =>
      waitFor(() => ok(`http://127.0.0.1:${port}/health`), "gpt-api /health"),
    );
    await api.start();
    api.child()?.kill("SIGUSR2");
    await waitFor(
      () => (api.out().includes("unhandled promise rejection") ? true : undefined),
      "the log line",
    );
    expect(api.out()).toContain("still serving");
    expect(await ok(`http://127.0.0.1:${port}/health`)).toBe(true);
    expect(api.crashes()).toEqual([]);
  });

  it("telegram-bot logs it and keeps answering users", async () => {
    const tg = await createFakeTelegram();
    try {
      const bot = app(
        "telegram-bot",
        {
          REDIS_URL: await ownRedis(),
          TELEGRAM_BOT_TOKEN: "7000000002:process-errors-test",
          TELEGRAM_API_ROOT: tg.apiRoot,
          WORKER_HEALTH_URL: "http://127.0.0.1:9/health",
        },
        () =>
          waitFor(() => ((tg.stats().byMethod.getUpdates ?? 0) > 0 ? true : undefined), "the bot to poll"),
      );
      await bot.start();
      bot.child()?.kill("SIGUSR2");
      await waitFor(
        () => (bot.out().includes("unhandled promise rejection") ? true : undefined),
        "the log line",
      );
      tg.injectMessage({ userId: 55, text: "/help" });
      expect((await tg.waitForMessage((m) => m.chat_id === 55)).text).toContain("/raw SYMBOL");
      expect(bot.crashes()).toEqual([]);
      await bot.stop("SIGTERM");
    } finally {
      await tg.close();
    }
  });

  it("alert-worker logs it and stops cleanly with exit code 1", async () => {
    const port = await freePort();
    const worker = app("alert-worker", { REDIS_URL: await ownRedis(), WORKER_PORT: String(port) }, () =>
      waitFor(() => ok(`http://127.0.0.1:${port}/health`), "worker /health"),
    );
    await worker.start();
    const child = worker.child()!;
    const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
    child.kill("SIGUSR2");
    expect(await exited).toBe(1);
    expect(worker.out()).toContain("unhandled promise rejection: stopping");
    expect(worker.out()).toContain('"signal":"unhandledRejection"');
  });
});

describe("a dead ingest thread", () => {
  it("stops the alert worker cleanly with exit code 1 instead of leaving it up and blind", async () => {
    const port = await freePort();
    const worker = managed({
      name: "alert-worker-thread",
      command: process.execPath,
      // The built worker: its ingest thread inherits the preload (from source it gets its own flags).
      args: [
        "--import",
        join(infraDir, "test", "fixtures", "crash-ingest-thread.mjs"),
        appMain("alert-worker"),
      ],
      env: { LOG_LEVEL: "info", REDIS_URL: await ownRedis(), WORKER_PORT: String(port) },
      logDir,
      ready: () => waitFor(() => ok(`http://127.0.0.1:${port}/health`), "worker /health"),
    });
    running.push(worker);
    await worker.start();
    const child = worker.child()!;
    const code = await new Promise<number | null>((r) => child.once("exit", (c) => r(c)));
    const log = readFileSync(worker.logFile, "utf8");
    expect(code).toBe(1);
    expect(log).toContain("ingest thread failed: stopping");
    expect(log).toContain('"signal":"ingest thread failed"');
  });
});

describe("a port already in use", () => {
  it("stops each app at start with one line naming the variable that moves it", async () => {
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, "127.0.0.1", r));
    const port = String((taken.address() as { port: number }).port);
    const tg = await createFakeTelegram();
    const cases: Array<{ app: string; variable: string; env: Record<string, string> }> = [
      { app: "gpt-api", variable: "PORT", env: { PORT: port, HOST: "127.0.0.1" } },
      {
        app: "alert-worker",
        variable: "WORKER_PORT",
        env: { REDIS_URL: await ownRedis(), WORKER_PORT: port },
      },
      {
        app: "telegram-bot",
        variable: "TELEGRAM_WEBHOOK_PORT",
        env: {
          REDIS_URL: await ownRedis(),
          TELEGRAM_BOT_TOKEN: "7000000003:port-taken-test",
          TELEGRAM_API_ROOT: tg.apiRoot,
          TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/webhook`,
          TELEGRAM_WEBHOOK_SECRET: "port-taken-secret-0123456789",
          TELEGRAM_WEBHOOK_PORT: port,
        },
      },
      {
        app: "telegram-bot",
        variable: "BOT_METRICS_PORT",
        env: {
          REDIS_URL: await ownRedis(),
          TELEGRAM_BOT_TOKEN: "7000000003:port-taken-test",
          TELEGRAM_API_ROOT: tg.apiRoot,
          BOT_METRICS_PORT: port,
        },
      },
    ];
    try {
      for (const c of cases) {
        const { code, stderr } = await runToExit(c.app, { LOG_LEVEL: "silent", ...c.env });
        expect({ app: c.app, code, stderr: stderr.trim() }).toEqual({
          app: c.app,
          code: 2,
          stderr: `Invalid configuration: ${c.variable} = ${port}, but that port is already in use on 127.0.0.1: stop what listens there or set ${c.variable} to a free port`,
        });
      }
      // npm start: the one-process stack names its own variable for the simulator's port.
      const local = await runToExit(join(repoRoot, "scripts", "start-local.mjs"), {
        SIM_PORT: port,
        PORT: "0",
        WORKER_PORT: "0",
        LOG_LEVEL: "silent",
      });
      expect(local.code).toBe(1);
      expect(local.stderr).toContain(
        `Local stack failed to start: Invalid configuration: SIM_PORT = ${port}, but that port is already in use`,
      );
    } finally {
      taken.close();
      await tg.close();
    }
  });
});

/** Runs an app's main.ts (by name) or a script (by path) on the sources until it exits. */
function runToExit(
  name: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string }> {
  const entry = name.includes("/") ? name : join("apps", name, "src", "main.ts");
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=@teleglas/source", entry], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (c: Buffer) => {
    stderr += c.toString();
  });
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, stderr })));
}
