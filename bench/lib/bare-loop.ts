// The worker bench's ceiling in a process of its own, so its garbage does not count in the worker's
// RSS: a bare `ws` client that only JSON.parses each frame and counts its events. Driven over IPC:
// {type:"run", wsUrl, channels, count} -> {type:"subscribed"}; the parent then starts the replay and
// gets {type:"done", rate} (events/s from "subscribed" to the last event).
import { WebSocket } from "ws";

interface Run {
  type: "run";
  wsUrl: string;
  channels: string[];
  count: number;
}

async function run(m: Run): Promise<number> {
  const ws = new WebSocket(`${m.wsUrl}?cg-api-key=bench`);
  await new Promise((resolve, reject) => {
    ws.once("open", resolve);
    ws.once("error", reject);
  });
  ws.send(JSON.stringify({ method: "subscribe", channels: m.channels }));
  await new Promise((r) => setTimeout(r, 200)); // the subscription lands before the replay starts
  let received = 0;
  let start = 0;
  const rate = new Promise<number>((resolve) => {
    ws.on("message", (data) => {
      const msg = JSON.parse(data.toString()) as { data?: unknown[] };
      received += msg.data?.length ?? 0;
      if (received >= m.count) resolve((received * 1000) / (performance.now() - start));
    });
  });
  start = performance.now();
  process.send?.({ type: "subscribed" });
  const r = await rate;
  ws.close();
  return r;
}

process.on("message", async (m: Run | { type: "close" }) => {
  if (m.type === "run") process.send?.({ type: "done", rate: await run(m) });
  else process.exit(0);
});
process.send?.({ type: "ready" });
