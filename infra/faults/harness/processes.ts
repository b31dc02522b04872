import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, type WriteStream } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../../test/helpers/paths.js";

export { freePort } from "@teleglas/market-data-core/testing";

/** A child process whose output is appended to one log file across restarts. */
export interface Managed {
  name: string;
  logFile: string;
  /** The current child, or null while stopped. */
  child(): ChildProcess | null;
  /** Exit codes/signals of every run that ended without being asked to. */
  crashes(): string[];
  start(): Promise<void>;
  /** Stops with `signal` and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  restart(): Promise<void>;
}

export interface ManagedOptions {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
  logDir: string;
  /** Resolves when the started process is ready to be used. */
  ready: (output: () => string) => Promise<unknown>;
}

/**
 * Runs a process the way PM2 or systemd would: its own env, stdout and stderr to a log file, and
 * start/stop/restart under the test's control. An exit the test did not ask for is a crash.
 */
export function managed(o: ManagedOptions): Managed {
  mkdirSync(o.logDir, { recursive: true });
  const logFile = join(o.logDir, `${o.name}.log`);
  let log: WriteStream | null = null;
  let current: ChildProcess | null = null;
  let expectedExit = false;
  let output = "";
  const crashes: string[] = [];

  const self: Managed = {
    name: o.name,
    logFile,
    child: () => current,
    crashes: () => [...crashes],
    async start() {
      log ??= createWriteStream(logFile, { flags: "a" });
      output = "";
      expectedExit = false;
      const child = spawn(o.command, o.args, {
        cwd: repoRoot,
        env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", ...o.env },
        stdio: ["ignore", "pipe", "pipe"],
      });
      current = child;
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        log?.write(chunk);
      };
      child.stdout?.on("data", onData);
      child.stderr?.on("data", onData);
      child.once("exit", (code, signal) => {
        if (!expectedExit) crashes.push(`${o.name} exited (code ${code}, signal ${signal})`);
        if (current === child) current = null;
      });
      await Promise.race([
        o.ready(() => output),
        new Promise((_, reject) =>
          child.once("exit", (code) =>
            reject(new Error(`${o.name} exited with code ${code} while starting:\n${output.slice(-2000)}`)),
          ),
        ),
      ]);
    },
    async stop(signal = "SIGTERM") {
      const child = current;
      if (!child || child.exitCode !== null) return;
      expectedExit = true;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill(signal);
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
    async restart() {
      await self.stop();
      await self.start();
    },
  };
  return self;
}

/** Closes the log files' streams of these processes after stopping them. */
export async function stopAll(list: Managed[]): Promise<void> {
  for (const m of [...list].reverse()) await m.stop().catch(() => undefined);
}

/** The built entry point of an app; the suite runs built JavaScript, as production does. */
export function appMain(app: string): string {
  const main = join(repoRoot, "apps", app, "dist", "main.js");
  if (!existsSync(main)) throw new Error(`${main} is missing: build first (npm run build)`);
  return main;
}
