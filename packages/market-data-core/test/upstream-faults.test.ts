// What a person sees when CoinGlass misbehaves, against the simulator's fault modes and servers
// started here: freshness labels that mean "CoinGlass failed", answers within the deadline, size
// caps, and reference lists that never turn every coin into "unknown".
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { createMarketDataCore } from "../src/core.js";
import { UnknownSymbolError, UpstreamUnavailableError } from "../src/models/errors.js";
import type { CoreEvent } from "../src/models/result.js";
import { simAndCore, waitFor } from "./client-helpers.js";

// Snapshot data: fresh 200 ms, then 200 ms more served while it refreshes (ttlScale 0.02).
const FAST = { ttlScale: 0.02, retry: { retries: 1, minDelayMs: 10, maxDelayMs: 20 } };
const pastRefresh = (asOf: number) => waitFor(() => Date.now() - asOf > 450, "the refresh window", 5_000);

describe("freshness means CoinGlass failed, nothing else", () => {
  it("fresh, past its TTL while healthy, failing (with the reason), recovered", async () => {
    const env = await simAndCore({}, FAST);
    try {
      const fresh = await env.core.market.getLiq("BTC", "1h");
      expect(fresh.meta).toMatchObject({ stale: false, staleReason: null });
      expect(Math.abs(fresh.meta.asOf - (Date.now() - fresh.meta.ageMs))).toBeLessThan(50);

      await waitFor(() => Date.now() - fresh.meta.asOf > 250, "the TTL", 5_000);
      const old = await env.core.market.getLiq("BTC", "1h");
      expect(old.meta.ageMs).toBeGreaterThan(200);
      expect(old.meta).toMatchObject({ stale: false, staleReason: null });

      env.sim.control.setFaults({ rate5xx: 1 });
      let failing = old;
      await waitFor(async () => {
        failing = await env.core.market.getLiq("BTC", "1h");
        return failing.meta.stale;
      });
      expect(failing.meta.staleReason).toBe("upstream_error");
      expect(failing.data.totalUsd).toBe(old.data.totalUsd);

      env.sim.control.reset();
      let back = failing;
      await waitFor(async () => {
        back = await env.core.market.getLiq("BTC", "1h");
        return !back.meta.stale;
      });
      expect(back.meta.staleReason).toBeNull();
      expect(back.meta.asOf).toBeGreaterThan(failing.meta.asOf);
    } finally {
      await env.close();
    }
  });

  it("says `quota` when CoinGlass answers 429", async () => {
    const env = await simAndCore({}, FAST);
    try {
      const first = await env.core.market.getOpenInterest("ETH");
      env.sim.control.setFaults({ rate429: 1 });
      await pastRefresh(first.meta.asOf);
      const r = await env.core.market.getOpenInterest("ETH");
      expect(r.meta).toMatchObject({ stale: true, staleReason: "quota" });
    } finally {
      env.sim.control.reset();
      await env.close();
    }
  });
});

describe("a CoinGlass that hangs", () => {
  it("answers within the deadline: stale (timeout) when cached, else unavailable", async () => {
    const events: CoreEvent[] = [];
    const env = await simAndCore({}, { ...FAST, deadlineMs: 600, onEvent: (e) => events.push(e) });
    try {
      const warm = await env.core.market.getLiq("BTC", "1h");
      env.sim.control.setFaults({ hangMs: 30_000 });
      await pastRefresh(warm.meta.asOf);
      let t = Date.now();
      const stale = await env.core.market.getLiq("BTC", "1h");
      expect(Date.now() - t).toBeLessThan(1_000);
      expect(stale.meta).toMatchObject({ stale: true, staleReason: "timeout" });

      t = Date.now();
      const cold = await env.core.market.getFunding("BTC").catch((e: unknown) => e);
      expect(Date.now() - t).toBeLessThan(1_000);
      expect(cold).toBeInstanceOf(UpstreamUnavailableError);
      expect(events.some((e) => e.type === "deadline_exceeded" && e.served === "none")).toBe(true);
    } finally {
      env.sim.control.reset();
      await env.close();
    }
  });
});

describe("answers over their size cap", () => {
  it("are refused while streaming: cached data is served stale (bad_answer), else unavailable", async () => {
    const events: CoreEvent[] = [];
    const env = await simAndCore({}, { ...FAST, onEvent: (e) => events.push(e) });
    try {
      const warm = await env.core.market.getLiq("BTC", "1h");
      env.sim.control.setFaults({ oversizeBytes: 50_000_000 });
      await pastRefresh(warm.meta.asOf);
      let r = warm;
      await waitFor(async () => {
        r = await env.core.market.getLiq("BTC", "1h");
        return r.meta.stale;
      });
      expect(r.meta.staleReason).toBe("bad_answer");
      await expect(env.core.market.getFunding("BTC")).rejects.toBeInstanceOf(UpstreamUnavailableError);
      expect(events).toContainEqual({
        type: "upstream_rejected",
        endpoint: "/api/futures/funding-rate/exchange-list",
        reason: "oversize",
      });
    } finally {
      env.sim.control.reset();
      await env.close();
    }
  });

  it("stop reading a server that streams without end, and one that announces 100 MB", async () => {
    let sent = 0;
    let closed = false;
    const server: Server = createServer((req, res) => {
      if (req.url?.includes("supported-coins")) {
        res.writeHead(200, { "Content-Type": "application/json", "Content-Length": String(100e6) });
        res.write('{"code":"0","data":[');
        return;
      }
      res.writeHead(200, { "Content-Type": "application/json" });
      res.write('{"code":"0","msg":"success","data":[');
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) sent += chunk.length;
      };
      res.on("drain", pump);
      res.on("close", () => {
        closed = true;
      });
      pump();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const core = createMarketDataCore({ apiKey: "k", baseUrl, plan: "professional", retry: { retries: 0 } });
    try {
      const t = Date.now();
      await expect(core.client.fetchWhaleAlerts()).rejects.toThrow(
        /unusable answer: more than 4194304 bytes/,
      );
      await waitFor(() => closed, "the endless answer to be cut", 5_000);
      expect(sent).toBeLessThan(16 * 1024 * 1024);
      await expect(core.client.fetchSupportedCoins()).rejects.toThrow(/more than 1048576 bytes/);
      expect(Date.now() - t).toBeLessThan(3_000);
    } finally {
      await core.close();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});

describe("an empty or malformed supported-coins list", () => {
  it("never makes a coin unknown: unavailable when there is no list, the last good list when there is", async () => {
    const events: CoreEvent[] = [];
    const env = await simAndCore({}, { ...FAST, onEvent: (e) => events.push(e) });
    try {
      env.sim.control.setFaults({ reference: "empty" });
      const cold = await env.core.market.resolveSymbol("BTC").catch((e: unknown) => e);
      expect(cold).toBeInstanceOf(UpstreamUnavailableError);
      expect(cold).not.toBeInstanceOf(UnknownSymbolError);
      await expect(env.core.market.listSymbols()).rejects.toBeInstanceOf(UpstreamUnavailableError);
      expect(events.some((e) => e.type === "upstream_rejected" && e.reason === "empty")).toBe(true);

      env.sim.control.reset();
      const good = await env.core.market.listSymbols();
      expect(good.data).toContain("BTC");
      env.sim.control.setFaults({ reference: "malformed" });
      // The reference TTL is 60 s × 0.02.
      await waitFor(() => Date.now() - good.meta.asOf > 1_300, "the list's TTL", 5_000);
      let listed = good;
      await waitFor(async () => {
        listed = await env.core.market.listSymbols();
        return listed.meta.stale;
      });
      expect(listed.meta.staleReason).toBe("bad_answer");
      expect(listed.data).toEqual(good.data);
      expect(await env.core.market.resolveSymbol("eth")).toBe("ETH");
    } finally {
      env.sim.control.reset();
      await env.close();
    }
  });
});
