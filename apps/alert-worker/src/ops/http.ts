import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { listenError } from "@teleglas/market-data-core";
import type { WorkerMetrics } from "./metrics.js";

export interface Health {
  status: "ok" | "degraded";
  role: "leader" | "standby";
  connected: boolean;
  reconnects: number;
  last_event_age_ms: number | null;
  events_per_second: number;
  alerts: Record<string, number>;
  /** Events the detectors did not take: stale (arrived too late), future (dated ahead), late (behind the window). */
  events_dropped: { stale: number; future: number; late: number };
  /** Frames the stream client refused this lead: not a push, or over the size cap (each a reconnect). */
  frames_refused: { malformed: number; oversize: number };
}

/**
 * `/health` (JSON; 503 when this worker leads but its stream is down) and `/metrics` (Prometheus).
 * Plain node:http: two routes do not need a framework.
 */
export async function startOpsServer(o: {
  host: string;
  port: number;
  metrics: WorkerMetrics;
  health: () => Health;
}): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/health") {
      const h = o.health();
      res.writeHead(h.status === "ok" ? 200 : 503, { "content-type": "application/json" });
      res.end(JSON.stringify(h));
    } else if (path === "/metrics") {
      o.metrics.registry.metrics().then(
        (text) => {
          res.writeHead(200, { "content-type": o.metrics.registry.contentType });
          res.end(text);
        },
        () => {
          res.writeHead(500).end();
        },
      );
    } else {
      res.writeHead(404, { "content-type": "application/json" }).end('{"error":"not found"}');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error) => reject(listenError(error, "WORKER_PORT", o.port, o.host)));
    server.listen(o.port, o.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${o.host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
