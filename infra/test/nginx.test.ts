import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { request } from "node:https";
import { type AddressInfo, createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { waitFor } from "@teleglas/market-data-core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { infraDir } from "./helpers/paths.js";

const NGINX =
  ["/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx"].find((p) => existsSync(p)) ?? "nginx";
const site = readFileSync(join(infraDir, "nginx", "teleglas.conf"), "utf8");
let dir = "";

beforeAll(() => {
  if (spawnSync(NGINX, ["-v"]).error) {
    throw new Error("nginx is not installed; install it with `apt-get install -y nginx` (.ci/run does).");
  }
  dir = mkdtempSync(join(tmpdir(), "teleglas-nginx-"));
  mkdirSync(join(dir, "logs"));
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "1",
      "-subj",
      "/CN=api.example.com",
      "-keyout",
      join(dir, "privkey.pem"),
      "-out",
      join(dir, "fullchain.pem"),
    ],
    { stdio: "ignore" },
  );
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A free TCP port on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createNetServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** The status of a GET over TLS to nginx on 127.0.0.1 (the test certificate is self-signed). */
function httpsGet(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path,
        servername: "api.example.com",
        rejectUnauthorized: false,
        headers: { host: "api.example.com" },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on("error", reject);
    req.end();
  });
}

/**
 * `nginx -t` on a wrapper config that includes the upstreams and the site (with the certificate
 * paths pointed at a self-signed pair), the way nginx.conf includes conf.d/*.conf in `http {}`.
 */
function writeWrapper(siteText: string, upstreams = join(infraDir, "nginx", "upstreams.host.conf")): string {
  const sitePath = join(dir, "site.conf");
  writeFileSync(sitePath, siteText.replaceAll("/etc/nginx/tls/", `${dir}/`));
  const wrapper = join(dir, "nginx.conf");
  writeFileSync(
    wrapper,
    [
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/logs/error.log;`,
      "events {}",
      "http {",
      `  access_log ${dir}/logs/access.log;`,
      `  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy;`,
      `  fastcgi_temp_path ${dir}/fastcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;`,
      `  include ${upstreams};`,
      `  include ${sitePath};`,
      "}",
      "",
    ].join("\n"),
  );
  return wrapper;
}

function nginxTest(siteText: string): { ok: boolean; output: string } {
  const wrapper = writeWrapper(siteText);
  const run = spawnSync(NGINX, ["-t", "-p", dir, "-e", `${dir}/logs/error.log`, "-c", wrapper], {
    encoding: "utf8",
  });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

describe("infra/nginx", () => {
  it("passes nginx -t with the host upstreams and a certificate", () => {
    const { ok, output } = nginxTest(site);
    expect(output).toContain("test is successful");
    expect(ok).toBe(true);
  });

  it("fails nginx -t on a site that nests an http block, as the original's snippet did", () => {
    const { ok, output } = nginxTest(`http {\n${site}\n}\n`);
    expect(ok).toBe(false);
    expect(output).toMatch(/"http" directive is not allowed here/);
  });

  it("rate-limits the API and the webhook and answers 429 when over", () => {
    expect(site).toMatch(/limit_req_zone \$binary_remote_addr zone=teleglas_api:\S+ rate=\d+r\/s;/);
    expect(site).toMatch(/limit_req zone=teleglas_api /);
    expect(site).toMatch(/limit_req zone=teleglas_webhook /);
    expect(site).toContain("limit_req_status 429;");
  });

  it("overwrites X-Forwarded-For with the peer address the API's trusted-proxy setting relies on", () => {
    expect(site).toContain("proxy_set_header X-Forwarded-For $remote_addr;");
    expect(site).not.toContain("$proxy_add_x_forwarded_for");
  });

  it("does not pass the API's /metrics through, however the path is written, and proxies the rest", async () => {
    // The site as shipped, on free loopback ports, in front of a stand-in API that records paths.
    const seen: string[] = [];
    const backend = createServer((req, res) => {
      seen.push(req.url ?? "");
      res.end("{}");
    });
    await new Promise<void>((r) => backend.listen(0, "127.0.0.1", r));
    const backendPort = (backend.address() as AddressInfo).port;
    const [httpPort, httpsPort] = [await freePort(), await freePort()];
    const upstreams = join(dir, "upstreams.conf");
    writeFileSync(
      upstreams,
      `upstream teleglas_gpt_api { server 127.0.0.1:${backendPort}; }\nupstream teleglas_bot { server 127.0.0.1:${backendPort}; }\n`,
    );
    const local = site
      .replace("listen 80;", `listen 127.0.0.1:${httpPort};`)
      .replace("listen [::]:80;", "")
      .replace("listen 443 ssl http2;", `listen 127.0.0.1:${httpsPort} ssl;`)
      .replace("listen [::]:443 ssl http2;", "");
    const wrapper = writeWrapper(local, upstreams);
    const nginx = spawn(NGINX, [
      "-p",
      dir,
      "-e",
      `${dir}/logs/error.log`,
      "-c",
      wrapper,
      "-g",
      "daemon off; master_process off;",
    ]);
    try {
      const get = (path: string) => httpsGet(httpsPort, path);
      await waitFor(async () => (await get("/health").catch(() => 0)) === 200);
      for (const path of [
        "/metrics",
        "/metrics/",
        "/metrics?x=1",
        "/%6detrics",
        "//metrics",
        "/metrics/../metrics",
      ])
        expect(await get(path), path).toBe(404);
      expect(await get("/gpt/raw?symbol=BTC")).toBe(200);
      expect(seen).toContain("/gpt/raw?symbol=BTC");
      expect(seen.some((p) => p.includes("etrics"))).toBe(false);
    } finally {
      nginx.kill();
      backend.close();
    }
  });

  it("redirects plain HTTP to HTTPS except the certificate challenge", () => {
    expect(site).toContain("return 301 https://$host$request_uri;");
    expect(site).toContain("location /.well-known/acme-challenge/");
  });

  it("has compose upstreams naming the compose services", () => {
    const compose = readFileSync(join(infraDir, "nginx", "upstreams.compose.conf"), "utf8");
    expect(compose).toContain("server gpt-api:8000;");
    expect(compose).toContain("server telegram-bot:");
  });
});
