import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";

/** Parameters of a Bot API call: JSON, form-urlencoded, multipart (files as Buffers) or query. */
export type Params = Record<string, unknown>;

/**
 * Read a Bot API request's parameters the way Telegram accepts them. Multipart bodies go through
 * the platform's `Request.formData()` (undici), so the fake needs no multipart dependency.
 */
export async function readParams(req: IncomingMessage, url: URL): Promise<Params> {
  const params: Params = Object.fromEntries(url.searchParams);
  const type = req.headers["content-type"] ?? "";
  if (req.method !== "POST") return params;
  if (type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded")) {
    const request = new Request(url, {
      method: "POST",
      headers: { "content-type": type },
      body: Readable.toWeb(req) as ReadableStream,
      duplex: "half",
    } as RequestInit);
    const form = await request.formData();
    for (const [key, value] of form.entries()) {
      params[key] = typeof value === "string" ? value : Buffer.from(await value.arrayBuffer());
    }
    return params;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString("utf8");
  if (body.trim() === "") return params;
  return { ...params, ...(JSON.parse(body) as Params) };
}

/** Form fields arrive as strings; objects (reply_markup, entities) may be JSON inside them. */
export function maybeJson(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const t = value.trim();
  if (!(t.startsWith("{") || t.startsWith("["))) return value;
  try {
    return JSON.parse(t);
  } catch {
    return value;
  }
}

export function asBool(value: unknown): boolean | undefined {
  if (value === undefined) return undefined;
  return value === true || value === "true";
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

/** A Bot API error body as Telegram shapes it. */
export function apiError(code: number, description: string, parameters?: Record<string, number>) {
  return { ok: false, error_code: code, description, ...(parameters ? { parameters } : {}) };
}
