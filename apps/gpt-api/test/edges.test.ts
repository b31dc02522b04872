import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERROR_EXAMPLES } from "../src/schemas/error-responses.js";
import { type Json, KEY, type Peers, startApi, startPeers } from "./harness.js";

// Edges of the API: alert-stream caps, answers outside the routes, the documents a public GPT
// needs, and the OpenAPI error examples checked against real answers.

let peers: Peers;
let api: Awaited<ReturnType<typeof startApi>>;

beforeAll(async () => {
  peers = await startPeers();
  api = await startApi(peers);
});
afterAll(async () => {
  await api?.close();
  await peers?.close();
});

async function json(res: Response) {
  return (await res.json()) as Json;
}

describe("alert stream limits", () => {
  const second = "stream-key-2-0123456789abcdef";
  it("answers HEAD without opening a stream, caps streams per key and validates its filters", async () => {
    const capped = await startApi(peers, { apiKeys: [KEY, second], maxStreamsPerKey: 2, maxStreams: 3 });
    const controller = new AbortController();
    const open = (key = KEY, query = "") =>
      fetch(`${capped.url}/gpt/alerts/stream${query}`, {
        headers: { authorization: `Bearer ${key}` },
        signal: controller.signal,
      });
    try {
      for (let i = 0; i < 5; i++) {
        const head = await fetch(`${capped.url}/gpt/alerts/stream`, {
          method: "HEAD",
          headers: { authorization: `Bearer ${KEY}` },
        });
        expect(head.status).toBe(200);
        expect(head.headers.get("content-type")).toContain("text/event-stream");
      }
      expect((await open()).status).toBe(200);
      expect((await open()).status).toBe(200);
      const third = await open();
      expect(third.status).toBe(429);
      expect((await json(third)).error.message).toContain("at most 2");
      // Another key still gets a stream; then the server-wide cap holds.
      expect((await open(second)).status).toBe(200);
      expect((await open(second)).status).toBe(429);

      const unknown = await json(await open(KEY, "?symbol=BTX"));
      expect(unknown.error.code).toBe("UNKNOWN_SYMBOL");
      const kind = await json(await open(KEY, "?kind=nope"));
      expect(kind.error).toMatchObject({ code: "INVALID_PARAM", param: "kind" });
    } finally {
      controller.abort();
      await capped.close();
    }
  });
});

/** Send raw bytes to the API and read the whole answer (the connection is closed after it). */
function rawRequest(text: string): Promise<string> {
  const { port } = new URL(api.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), "127.0.0.1", () => socket.write(text));
    let out = "";
    socket.on("data", (d) => {
      out += d.toString();
    });
    socket.on("end", () => resolve(out));
    socket.on("error", reject);
    socket.setTimeout(5000, () => socket.destroy(new Error("no answer")));
  });
}

describe("answers outside the routes stay in the envelope", () => {
  it("an HTTP/1.1 request without Host gets a 400 envelope, not an empty answer", async () => {
    const out = await rawRequest(
      `GET /gpt/raw?symbol=BTC HTTP/1.1\r\nAuthorization: Bearer ${KEY}\r\nConnection: close\r\n\r\n`,
    );
    expect(out).toMatch(/^HTTP\/1\.1 400/);
    const body = JSON.parse(out.slice(out.indexOf("\r\n\r\n") + 4));
    expect(body).toMatchObject({ success: false, error: { code: "INVALID_PARAM", param: "Host" } });
  });

  it("a request Node cannot parse gets a 400 envelope", async () => {
    const out = await rawRequest("GET /gpt/raw HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n");
    expect(out).toMatch(/^HTTP\/1\.1 400/);
    expect(out).toContain("application/json");
    expect(JSON.parse(out.slice(out.indexOf("\r\n\r\n") + 4)).success).toBe(false);
  });

  it("OPTIONS without Origin gets a JSON envelope; a real preflight still gets 204", async () => {
    const plain = await fetch(`${api.url}/gpt/raw`, { method: "OPTIONS" });
    expect(plain.status).toBe(400);
    expect(plain.headers.get("content-type")).toContain("application/json");
    expect((await json(plain)).error.code).toBe("INVALID_PARAM");
    const preflight = await fetch(`${api.url}/gpt/raw`, {
      method: "OPTIONS",
      headers: { origin: "https://chatgpt.com", "access-control-request-method": "GET" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("https://chatgpt.com");
  });
});

describe("error examples of the OpenAPI document", () => {
  it("are what the API answers", async () => {
    const unauthorized = await json(await fetch(`${api.url}/gpt/raw?symbol=BTC`));
    expect(unauthorized.error).toEqual(ERROR_EXAMPLES["401"]?.examples[0]?.error);
    const unknown = await json(await api.get("/gpt/raw?symbol=BTX"));
    expect(unknown.error).toEqual(ERROR_EXAMPLES["400"]?.examples[0]?.error);
    const invalid = await json(await api.get("/gpt/raw"));
    expect(invalid.error).toEqual(ERROR_EXAMPLES["400"]?.examples[1]?.error);
  });
});

describe("documents for a public GPT", () => {
  it("/privacy shows the configured policy, and says what to set when it is not", async () => {
    const missing = await fetch(`${api.url}/privacy`);
    expect(missing.status).toBe(404);
    expect((await json(missing)).error.hint).toContain("PRIVACY_OPERATOR");
    const privacy = {
      operator: "Example Ltd <b>",
      contact: "privacy@example.com",
      logRetention: "7 days",
      logged: undefined,
    };
    const configured = await startApi(peers, { privacy });
    try {
      const res = await fetch(`${configured.url}/privacy`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("text/html");
      const page = await res.text();
      expect(page).toContain("Example Ltd &lt;b&gt;");
      expect(page).toContain("privacy@example.com");
      expect(page).toContain("kept for 7 days");
      expect(page).toContain("never the key itself");
    } finally {
      await configured.close();
    }
  });

  it("/openapi.gpt.json serves the GPT schema for import by URL, servers from PUBLIC_URL", async () => {
    expect((await fetch(`${api.url}/openapi.gpt.json`)).status).toBe(404);
    const configured = await startApi(peers, { publicUrl: "https://gpt.example.org" });
    try {
      const res = await fetch(`${configured.url}/openapi.gpt.json`);
      expect(res.status).toBe(200);
      const text = await res.text();
      const doc = JSON.parse(text);
      expect(doc.servers).toEqual([{ url: "https://gpt.example.org" }]);
      expect(Object.keys(doc.paths)).toContain("/gpt/raw");
      expect(text.length).toBeLessThan(80_000);
    } finally {
      await configured.close();
    }
  });
});
