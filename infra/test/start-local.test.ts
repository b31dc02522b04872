import { spawn } from "node:child_process";
import { join } from "node:path";
import { waitFor } from "@teleglas/market-data-core/testing";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./helpers/paths.js";

describe("scripts/start-local.mjs (npm start)", () => {
  it("starts the stack, and Ctrl-C stops it cleanly within 5 s", async () => {
    // The launcher as `npm start` runs it, on the TypeScript sources (tsx) instead of a build.
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "--conditions=@teleglas/source", join(repoRoot, "scripts", "start-local.mjs")],
      {
        cwd: repoRoot,
        env: {
          PATH: process.env.PATH ?? "",
          SIM_PORT: "0",
          PORT: "0",
          WORKER_PORT: "0",
          LOG_LEVEL: "silent",
        },
        stdio: ["pipe", "pipe", "pipe"],
      },
    );
    let out = "";
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on("data", (c: Buffer) => {
      out += c.toString();
    });
    const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
    try {
      await waitFor(
        () => (out.includes("Console chat: you are talking to the bot") ? true : undefined),
        "the banner",
        60_000,
      );
      expect(out).toMatch(/API docs\s+http:\/\/127\.0\.0\.1:\d+\/docs\//);
      const sentAt = Date.now();
      child.kill("SIGINT");
      const code = await exited;
      expect(Date.now() - sentAt).toBeLessThan(5000);
      expect(code).toBe(0);
      expect(out).toContain("Stopped.");
    } finally {
      child.kill("SIGKILL");
    }
  });
});
