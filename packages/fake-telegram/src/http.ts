import type { IncomingMessage, ServerResponse } from "node:http";

/** Parameters of a Bot API call: JSON, form-urlencoded, multipart (files as Buffers) or query. */
export type Params = Record<string, unknown>;

/**
 * Read a Bot API request's parameters the way Telegram accepts them: query string, JSON,
 * form-urlencoded or multipart. `attach://name` references point at a multipart file part.
 */
export async function readParams(req: IncomingMessage, url: URL): Promise<Params> {
  const params: Params = Object.fromEntries(url.searchParams);
  const type = req.headers["content-type"] ?? "";
  if (req.method !== "POST") return params;
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (type.startsWith("multipart/form-data") && boundary) {
    const form = parseMultipart(raw, boundary);
    for (const [key, value] of Object.entries(form)) {
      if (typeof value === "string" && value.startsWith("attach://")) form[key] = form[value.slice(9)];
    }
    return { ...params, ...form };
  }
  if (type.startsWith("application/x-www-form-urlencoded")) {
    return { ...params, ...Object.fromEntries(new URLSearchParams(raw.toString("utf8"))) };
  }
  const body = raw.toString("utf8");
  if (body.trim() === "") return params;
  return { ...params, ...(JSON.parse(body) as Params) };
}

/**
 * A small multipart/form-data reader: fields as strings, files as Buffers. Hand-rolled because
 * undici's `Request.formData()` rejects the streamed bodies grammY sends.
 */
export function parseMultipart(raw: Buffer, boundary: string): Params {
  const out: Params = {};
  const delimiter = Buffer.from(`--${boundary}`);
  let pos = raw.indexOf(delimiter);
  while (pos !== -1) {
    const start = pos + delimiter.length;
    if (raw.subarray(start, start + 2).toString() === "--") break;
    const next = raw.indexOf(delimiter, start);
    if (next === -1) break;
    const part = raw.subarray(start + 2, next - 2); // skip CRLF after the delimiter and before the next
    const split = part.indexOf("\r\n\r\n");
    if (split !== -1) {
      const headers = part.subarray(0, split).toString("utf8");
      const body = part.subarray(split + 4);
      const name = /name="([^"]*)"/i.exec(headers)?.[1];
      if (name !== undefined)
        out[name] = /filename=/i.test(headers) ? Buffer.from(body) : body.toString("utf8");
    }
    pos = next;
  }
  return out;
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
