import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseDockerfile } from "./helpers/dockerfile.js";
import { APPS, infraDir } from "./helpers/paths.js";

interface Service {
  image?: string;
  command?: string[];
  build?: { context: string; dockerfile: string; target: string };
  environment?: Record<string, string>;
  volumes?: string[];
  depends_on?: Record<string, unknown> | string[];
  networks?: Record<string, { ipv4_address?: string }> | string[];
  healthcheck?: unknown;
  profiles?: string[];
  ports?: string[];
}

const compose = parse(readFileSync(join(infraDir, "docker-compose.yml"), "utf8"), { merge: true }) as {
  services: Record<string, Service>;
};
const svc = (name: string) => {
  const s = compose.services[name];
  if (!s) throw new Error(`docker-compose.yml has no service ${name}`);
  return s;
};

describe("infra/docker-compose.yml", () => {
  it("names redis, the three apps and nginx, and Prometheus and Grafana in the monitoring profile", () => {
    const always = Object.entries(compose.services).filter(([, s]) => s.profiles === undefined);
    expect(always.map(([name]) => name).sort()).toEqual([...APPS, "nginx", "redis"].sort());
    expect(svc("prometheus").profiles).toEqual(["monitoring"]);
    expect(svc("grafana").profiles).toEqual(["monitoring"]);
  });

  it("monitoring: Prometheus scrapes each app where compose runs it, Grafana gets its provisioning", () => {
    for (const name of ["prometheus", "grafana"]) {
      const mounts = (svc(name).volumes ?? []).filter((v) => v.startsWith("./"));
      expect(mounts.length).toBeGreaterThanOrEqual(2);
      // The API key file is the operator's to create (never committed); everything else ships.
      for (const m of mounts.filter((v) => !v.includes("api-key"))) {
        expect(existsSync(resolve(infraDir, m.split(":")[0]!)), m).toBe(true);
      }
      expect(svc(name).ports?.every((p) => p.startsWith("127.0.0.1:"))).toBe(true);
    }
    const config = readFileSync(join(infraDir, "prometheus", "prometheus.compose.yml"), "utf8");
    expect(config).toContain(`gpt-api:${svc("gpt-api").environment?.PORT}`);
    expect(config).toContain(`alert-worker:${svc("alert-worker").environment?.WORKER_PORT}`);
    expect(config).toContain(`telegram-bot:${svc("telegram-bot").environment?.BOT_METRICS_PORT}`);
    expect(svc("alert-worker").environment?.WORKER_HOST).toBe("0.0.0.0");
    expect(svc("telegram-bot").environment?.BOT_METRICS_HOST).toBe("0.0.0.0");
  });

  it("keeps Redis data with append-only persistence on a volume", () => {
    const redis = svc("redis");
    expect(redis.command?.join(" ")).toMatch(/--appendonly yes/);
    expect(redis.volumes?.some((v) => v.endsWith(":/data"))).toBe(true);
    expect(redis.healthcheck).toBeDefined();
  });

  it.each(APPS)("builds %s from its Dockerfile target and points it at the compose Redis", (app) => {
    const s = svc(app);
    const dockerfile = resolve(infraDir, s.build!.context, s.build!.dockerfile);
    expect(existsSync(dockerfile)).toBe(true);
    const targets = parseDockerfile(readFileSync(dockerfile, "utf8")).stages.map((st) => st.name);
    expect(targets).toContain(s.build!.target);
    expect(s.environment?.REDIS_URL).toBe("redis://redis:6379");
    expect(s.depends_on).toHaveProperty("redis");
  });

  it("trusts exactly nginx's address for the API's client IP", () => {
    const nginx = svc("nginx");
    const nets = nginx.networks as Record<string, { ipv4_address?: string }>;
    const address = Object.values(nets)[0]?.ipv4_address;
    expect(address).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(svc("gpt-api").environment?.GPT_API_TRUST_PROXY).toBe(address);
  });

  it("mounts nginx config files that exist", () => {
    const mounts = (svc("nginx").volumes ?? []).filter((v) => v.startsWith("./nginx/"));
    expect(mounts.length).toBeGreaterThanOrEqual(2);
    for (const mount of mounts) expect(existsSync(resolve(infraDir, mount.split(":")[0]!))).toBe(true);
  });
});
