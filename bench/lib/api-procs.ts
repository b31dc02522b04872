// Child processes of the api bench: the built gpt-api and a bare Fastify hello-world, each its own
// process so throughput and RSS are theirs alone.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === "object" && addr ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });
}

/** Poll a URL until it answers 200 (or fail after timeoutMs). */
export async function waitHttp(url: string, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`${url} did not come up within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface Proc {
  child: ChildProcess;
  url: string;
  /** Resident set now and at its peak, MB (Linux /proc). */
  rss(): { nowMb: number; peakMb: number };
  /**
   * CPU time the process has used so far (user + system, all threads), µs, from /proc. Per request
   * it is what a server costs whatever else the machine runs, where req/s swings with the load.
   */
  cpuUs(): number;
  stop(): Promise<void>;
}

let ticks: number | undefined;
/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on most Linux). */
function clockTicks(): number {
  ticks ??= Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  return ticks;
}

function procOf(child: ChildProcess, url: string): Proc {
  return {
    child,
    url,
    rss() {
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
      return { nowMb: kb("VmRSS") / 1024, peakMb: kb("VmHWM") / 1024 };
    },
    cpuUs() {
      // Fields after the parenthesised command name; utime and stime are the 14th and 15th.
      const stat = readFileSync(`/proc/${child.pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return ((Number(fields[11]) + Number(fields[12])) * 1e6) / clockTicks();
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** The node flags of `npm run start -w apps/gpt-api`, so the bench runs the production command. */
function startFlags(): string[] {
  const pkg = JSON.parse(readFileSync(`${root}apps/gpt-api/package.json`, "utf8")) as {
    scripts: { start: string };
  };
  return pkg.scripts.start.split(/\s+/).filter((a) => a.startsWith("--"));
}

/** Start the built gpt-api (apps/gpt-api/dist/main.js) with the given environment. */
export async function startApiProcess(env: Record<string, string>): Promise<Proc> {
  const port = await freePort();
  const child = spawn(process.execPath, [...startFlags(), "apps/gpt-api/dist/main.js"], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", HOST: "127.0.0.1", PORT: String(port), ...env },
    stdio: ["ignore", 2, 2],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitHttp(`${url}/health`);
  return procOf(child, url);
}

const HELLO = `
const fastify = require("fastify")();
const fixed = process.env.FIXED_RESPONSE ? JSON.parse(process.env.FIXED_RESPONSE) : null;
const body = fixed && Buffer.from(fixed.body);
let opts = {};
if (process.env.LIFECYCLE) {
  // The API's request lifecycle on its hot route with no work in it: the hooks it runs (security
  // headers, CORS, auth and rate limit, two response hooks), zod query validation, an async handler.
  const { z } = require("zod");
  const zod = require("fastify-type-provider-zod");
  const none = (req, reply, done) => done();
  fastify.setValidatorCompiler(zod.validatorCompiler);
  fastify.setSerializerCompiler(zod.serializerCompiler);
  fastify.addHook("onRequest", none);
  fastify.addHook("onResponse", none);
  fastify.register(require("@fastify/cors"), { origin: ["https://chatgpt.com"], methods: ["GET", "POST", "OPTIONS"] });
  fastify.addHook("onRequest", none);
  opts = { onResponse: none, schema: { querystring: z.object({ symbol: z.string().min(1).max(30) }) } };
}
fastify.get("/", opts, !fixed
  ? async () => ({ hello: "world" })
  : process.env.LIFECYCLE
    ? async (req, reply) => reply.headers(fixed.headers).send(body)
    : (req, reply) => { reply.headers(fixed.headers).send(body); });
fastify.listen({ port: Number(process.env.PORT), host: "127.0.0.1" });
process.on("SIGTERM", () => fastify.close().then(() => process.exit(0)));
`;

/** A response to replay byte for byte: its body and the headers that go with it. */
export interface FixedResponse {
  body: string;
  headers: Record<string, string>;
}

/**
 * A bare Fastify hello-world, the baseline of the throughput ratio. Given a response, it answers
 * those bytes and headers instead: what Fastify alone achieves sending what the API sends. With
 * `lifecycle`, it runs the API's hooks, validation and async handler around them, doing nothing:
 * what the framework's lifecycle costs before any work of the API's own.
 */
export async function startBareFastify(fixed?: FixedResponse, lifecycle = false): Promise<Proc> {
  const port = await freePort();
  const env: Record<string, string> = { PATH: process.env.PATH ?? "", PORT: String(port) };
  if (fixed) env["FIXED_RESPONSE"] = JSON.stringify(fixed);
  if (lifecycle) env["LIFECYCLE"] = "1";
  const child = spawn(process.execPath, ["-e", HELLO], { cwd: root, env, stdio: ["ignore", 2, 2] });
  const url = `http://127.0.0.1:${port}`;
  await waitHttp(lifecycle ? `${url}/?symbol=BTC` : `${url}/`);
  return procOf(child, url);
}
