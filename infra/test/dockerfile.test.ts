import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { contextSources, finalUser, parseDockerfile } from "./helpers/dockerfile.js";
import { APPS, infraDir, repoRoot } from "./helpers/paths.js";

const dockerfile = readFileSync(join(infraDir, "docker", "Dockerfile"), "utf8");
const { stages } = parseDockerfile(dockerfile);
const stage = (name: string) => {
  const found = stages.find((s) => s.name === name);
  if (!found) throw new Error(`no stage named ${name}; stages: ${stages.map((s) => s.name).join(", ")}`);
  return found;
};

describe("infra/docker/Dockerfile", () => {
  it.each(APPS)("has a %s target that runs the app's built main.js as a non-root user", (app) => {
    const target = stage(app);
    expect(finalUser(target)).not.toBe("root");
    const cmd = target.instructions.find((i) => i.keyword === "CMD");
    expect(cmd?.args).toContain(`apps/${app}/dist/main.js`);
    // Follow FROM <stage> up to the image it starts from.
    let base = target.base;
    for (let s = stages.find((st) => st.name === base); s; s = stages.find((st) => st.name === base))
      base = s.base;
    // A current LTS (Node 20 left LTS in April 2026).
    expect(base).toMatch(/^node:(22|24)\b/);
  });

  it.each(APPS)("checks the health of %s", (app) => {
    const health = stage(app).instructions.filter((i) => i.keyword === "HEALTHCHECK");
    expect(health).toHaveLength(1);
    expect(health[0]!.args).toMatch(/--interval=\d+s/);
    expect(health[0]!.args).not.toContain("NONE");
  });

  it.each(APPS)("gives %s production dependencies of that app only", (app) => {
    const deps = stage(`deps-${app}`);
    const install = deps.instructions.find((i) => i.keyword === "RUN")?.args ?? "";
    expect(install).toContain("--omit=dev");
    expect(install).toContain(`-w apps/${app}`);
    const copiesDeps = stage(app).instructions.some(
      (i) => i.keyword === "COPY" && i.args.includes(`--from=deps-${app}`),
    );
    expect(copiesDeps).toBe(true);
  });

  it("ships the compiled code of every workspace package the apps need at run time, and not the simulator", () => {
    const manifest = (dir: string) =>
      JSON.parse(readFileSync(join(repoRoot, dir, "package.json"), "utf8")) as {
        dependencies?: Record<string, string>;
      };
    // The @teleglas/* production dependencies of the apps, followed through the packages.
    const needed = new Set<string>();
    const visit = (dir: string) => {
      for (const name of Object.keys(manifest(dir).dependencies ?? {})) {
        const pkg = name.startsWith("@teleglas/") ? name.slice("@teleglas/".length) : null;
        if (!pkg || needed.has(pkg)) continue;
        needed.add(pkg);
        visit(`packages/${pkg}`);
      }
    };
    for (const app of APPS) visit(`apps/${app}`);
    const copied = stage("runtime")
      .instructions.filter((i) => i.keyword === "COPY")
      .map((i) => /\/src\/packages\/([\w-]+)\/dist/.exec(i.args)?.[1])
      .filter((p): p is string => p !== undefined);
    expect(copied.sort()).toEqual([...needed].sort());
    expect(needed.has("coinglass-sim")).toBe(false);
  });

  it("gives the bot and the API a font for their charts (/chart, the MCP chart tool)", () => {
    const runs = stage("runtime").instructions.filter((i) => i.keyword === "RUN");
    expect(runs.map((r) => r.args).join(" ")).toContain("fonts-dejavu-core");
    expect(stage("telegram-bot").base).toBe("runtime");
    expect(stage("gpt-api").base).toBe("runtime");
  });

  it("copies only files that exist in the build context (the repository root)", () => {
    const missing: string[] = [];
    for (const s of stages) {
      for (const ins of s.instructions) {
        for (const src of contextSources(ins) ?? []) {
          if (!existsSync(join(repoRoot, src))) missing.push(`${s.name}: ${src}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("keeps node_modules, build output and secrets out of the build context", () => {
    const ignore = readFileSync(join(infraDir, "docker", "Dockerfile.dockerignore"), "utf8").split("\n");
    for (const entry of ["**/node_modules", "**/dist", ".env", ".git"]) expect(ignore).toContain(entry);
  });

  it("rejects a Dockerfile that runs as root or copies a missing file (the checks can fail)", () => {
    const bad = parseDockerfile("FROM node:20 AS app\nCOPY does-not-exist.txt /app/\nCMD node x.js\n");
    expect(finalUser(bad.stages[0]!)).toBe("root");
    const src = contextSources(bad.stages[0]!.instructions[0]!) ?? [];
    expect(src.every((p) => existsSync(join(repoRoot, p)))).toBe(false);
  });
});
