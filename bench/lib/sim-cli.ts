// Starts the built simulator CLI in a process of its own (so autocannon and the WebSocket client
// do not share its core) and returns its URLs.
import { type ChildProcess, spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, "..", "..", "packages", "coinglass-sim", "dist", "cli.js");

export interface SimProcess {
  restUrl: string;
  wsUrl: string;
  /** POST /__sim/<op> with a JSON body. */
  control<T>(op: string, body?: unknown): Promise<T>;
  stop(): Promise<void>;
}

export async function startSimCli(args: string[]): Promise<SimProcess> {
  const child: ChildProcess = spawn(process.execPath, [cli, "--port", "0", ...args], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const line = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("\n")) resolve(out.split("\n")[0] as string);
    });
    child.once("exit", (code) => reject(new Error(`coinglass-sim exited with ${code}`)));
  });
  const restUrl = /rest=(\S+)/.exec(line)?.[1] as string;
  const wsUrl = /ws=(\S+)/.exec(line)?.[1] as string;
  return {
    restUrl,
    wsUrl,
    async control<T>(op: string, body: unknown = {}) {
      const res = await fetch(`${restUrl}/__sim/${op}`, { method: "POST", body: JSON.stringify(body) });
      return (await res.json()) as T;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** A bare node:http server answering one small pre-serialised body: the baseline for ratios. */
export async function startBareHttp(): Promise<{ url: string; stop(): void }> {
  const script = `const b=JSON.stringify({code:"0",msg:"success",data:["BTC","ETH"]});
const s=require("node:http").createServer((q,r)=>{r.writeHead(200,{"Content-Type":"application/json"});r.end(b)});
s.listen(0,"127.0.0.1",()=>console.log("rest=http://127.0.0.1:"+s.address().port));`;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.once("data", (d: Buffer) =>
      resolve((/rest=(\S+)/.exec(d.toString())?.[1] ?? "") as string),
    );
    child.once("exit", (code) => reject(new Error(`bare server exited with ${code}`)));
  });
  return { url, stop: () => child.kill("SIGTERM") };
}
