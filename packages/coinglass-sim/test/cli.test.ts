import { spawn } from "node:child_process";
import { readFileSync, realpathSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
const tsx = join(here, "..", "..", "..", "node_modules", ".bin", "tsx");

describe("coinglass-sim CLI", () => {
  it("prints the REST and WebSocket URLs, serves, and stops on SIGTERM", async () => {
    const child = spawn(
      tsx,
      [
        join(here, "..", "src", "cli.ts"),
        "--port",
        "0",
        "--seed",
        "9",
        "--plan",
        "standard",
        "--keys",
        "demo,other",
      ],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    const line = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (d: Buffer) => {
        out += d.toString();
        if (out.includes("\n")) resolve(out.split("\n")[0] as string);
      });
      child.once("exit", (code) => reject(new Error(`exited ${code}`)));
    });
    const rest = /rest=(http:\/\/\S+)/.exec(line)?.[1];
    const ws = /ws=(ws:\/\/\S+)/.exec(line)?.[1];
    expect(ws).toMatch(/\/ws-api$/);
    const res = await fetch(`${rest}/api/futures/coins-markets`, { headers: { "CG-API-KEY": "demo" } });
    expect(res.headers.get("API-KEY-MAX-LIMIT")).toBe("300");
    expect(((await res.json()) as { code: string }).code).toBe("0");
    const bad = await fetch(`${rest}/api/futures/coins-markets`, { headers: { "CG-API-KEY": "x" } });
    expect(((await bad.json()) as { code: string }).code).toBe("400");
    const exit = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    expect(await exit).toBe(0);
  });
});

describe("the coinglass-sim bin", () => {
  it("is a committed, executable file npm can link at install, before dist/ is built", () => {
    const pkgDir = join(here, "..");
    const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")) as {
      bin: Record<string, string>;
    };
    const bin = pkg.bin["coinglass-sim"]!;
    expect(bin.startsWith("dist/")).toBe(false);
    expect(statSync(join(pkgDir, bin)).mode & 0o111).not.toBe(0);
    // What `npx coinglass-sim` runs in this workspace.
    const linked = join(here, "..", "..", "..", "node_modules", ".bin", "coinglass-sim");
    expect(realpathSync(linked)).toBe(realpathSync(join(pkgDir, bin)));
  });
});
