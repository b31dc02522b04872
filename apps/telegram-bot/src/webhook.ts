// The webhook listener. Telegram waits for each POST and re-sends an update that is not answered
// 2xx in time, so — as grammY's deployment guide advises for handlers that may be slow — the
// update is acknowledged as soon as it is read and checked, and handled off the request. A slow
// CoinGlass then delays one reply, never the webhook, and a handler error is logged here instead
// of rejecting a promise nobody awaits (which ended the process before).
import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Update } from "grammy/types";
import type { Logger } from "pino";

/** Telegram's updates are a few KB; anything near this is not one. */
const MAX_BODY_BYTES = 1024 * 1024;
/** Updates handled at once; past it Telegram is asked to retry (503), so memory stays bounded. */
const MAX_IN_FLIGHT = 256;
/** How long a stop waits for updates still being handled. */
const DRAIN_MS = 5000;

export interface WebhookOptions {
  /** The URL path Telegram posts to (the pathname of TELEGRAM_WEBHOOK_URL). */
  path: string;
  /** TELEGRAM_WEBHOOK_SECRET: an update without it is refused before it is read. */
  secret: string;
  handleUpdate(update: Update): Promise<unknown>;
  log: Logger;
  maxInFlight?: number;
}

export interface WebhookListener {
  server: Server;
  /** Updates acknowledged and still being handled. */
  inFlight(): number;
  /** Stops accepting, then waits (bounded) for the updates in flight. */
  close(): Promise<void>;
}

export function createWebhookListener(o: WebhookOptions): WebhookListener {
  const inFlight = new Set<Promise<unknown>>();
  const maxInFlight = o.maxInFlight ?? MAX_IN_FLIGHT;
  const expected = Buffer.from(o.secret);
  const refused = aggregated(o.log, "webhook calls refused: wrong or missing secret token");

  const server = createServer((req, res) => {
    if (req.method !== "POST" || new URL(req.url ?? "/", "http://x").pathname !== o.path) {
      return void res.writeHead(404).end();
    }
    const given = Buffer.from(String(req.headers["x-telegram-bot-api-secret-token"] ?? ""));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      refused();
      return void res.writeHead(401).end("secret token is wrong");
    }
    if (inFlight.size >= maxInFlight) {
      o.log.warn({ in_flight: inFlight.size }, "webhook busy: asked Telegram to retry the update later");
      return void res.writeHead(503, { "retry-after": "1" }).end();
    }
    readBody(req, MAX_BODY_BYTES).then(
      (body) => accept(body, res),
      (error: Error) => {
        o.log.warn({ err: error.message }, "webhook body not read; update dropped");
        if (!res.headersSent) res.writeHead(413).end();
      },
    );
  });
  // A client that opens a request and trickles it must not hold a socket for Node's default 5 min.
  server.requestTimeout = 10_000;
  server.headersTimeout = 10_000;

  function accept(body: Buffer, res: ServerResponse): void {
    const update = parseUpdate(body);
    // Answered 200 even when dropped: Telegram would re-send the same bytes, which fail the same way.
    res.writeHead(200, { "content-type": "application/json" }).end("{}");
    if (!update) {
      o.log.warn({ bytes: body.length }, "malformed webhook body (not a JSON update): dropped");
      return;
    }
    const task = o
      .handleUpdate(update)
      .catch((error: unknown) => o.log.error({ err: error, update_id: update.update_id }, "update failed"))
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
  }

  return {
    server,
    inFlight: () => inFlight.size,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, DRAIN_MS);
      });
      await Promise.race([Promise.allSettled([...inFlight]), late]);
      clearTimeout(timer);
    },
  };
}

/** An object with an integer update_id, else null. */
export function parseUpdate(body: Buffer): Update | null {
  try {
    const value: unknown = JSON.parse(body.toString("utf8"));
    if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
    return Number.isInteger((value as { update_id?: unknown }).update_id) ? (value as Update) : null;
  } catch {
    return null;
  }
}

function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        reject(new Error(`body over ${max} bytes`));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** Logs the first occurrence at once, then at most one line a minute with the count since. */
function aggregated(log: Logger, msg: string): () => void {
  let count = 0;
  let last = 0;
  return () => {
    count++;
    if (Date.now() - last < 60_000) return;
    log.warn({ count }, msg);
    count = 0;
    last = Date.now();
  };
}
