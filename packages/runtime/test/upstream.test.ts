import { EMBEDDED_API_KEY } from "@teleglas/coinglass-sim";
import { afterEach, describe, expect, it } from "vitest";
import { openUpstream, type Upstream } from "../src/index.js";

const real = {
  COINGLASS_BASE_URL: "https://open-api-v4.coinglass.com",
  COINGLASS_WS_URL: "wss://open-ws.coinglass.com/ws-api",
  COINGLASS_PLAN: "standard" as const,
};

describe("openUpstream", () => {
  let upstream: Upstream | undefined;
  afterEach(async () => {
    await upstream?.close();
    upstream = undefined;
  });

  it("uses the configured CoinGlass when a key is set, starting nothing", async () => {
    upstream = await openUpstream({ ...real, COINGLASS_API_KEY: "real-key-value" });
    expect(upstream).toMatchObject({
      apiKey: "real-key-value",
      baseUrl: real.COINGLASS_BASE_URL,
      wsUrl: real.COINGLASS_WS_URL,
      plan: "standard",
      simulator: null,
    });
  });

  it("serves an embedded simulator with the configured plan when no key is set", async () => {
    upstream = await openUpstream({ ...real, COINGLASS_API_KEY: undefined });
    expect(upstream.apiKey).toBe(EMBEDDED_API_KEY);
    expect(upstream.simulator).toEqual({ restUrl: upstream.baseUrl, wsUrl: upstream.wsUrl });
    expect(upstream.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${upstream.baseUrl}/api/futures/supported-coins`, {
      headers: { "CG-API-KEY": upstream.apiKey },
    });
    expect(((await res.json()) as { code: string }).code).toBe("0");
    // A standard plan reaches the WebSocket; the URL is the one an app should dial.
    expect(upstream.wsUrl).toBe(`${upstream.baseUrl.replace("http", "ws")}/ws-api`);

    await upstream.close();
    await expect(fetch(`${upstream.baseUrl}/api/futures/supported-coins`)).rejects.toThrow();
    upstream = undefined;
  });
});
