import { readFileSync } from "node:fs";
import { join } from "node:path";
import { waitFor } from "@teleglas/market-data-core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type FaultStack,
  injectStorm,
  SECRETS,
  startFaultStack,
  subscribeChats,
} from "../faults/harness/stack.js";
import { infraDir } from "./helpers/paths.js";
import { promtool } from "./helpers/promtool.js";

// The three apps as separate processes on their built JavaScript (as PM2 runs them), a storm
// carried from the simulator's stream to a subscriber, then each app's real /metrics.
const CHAT = 5_001;
let stack: FaultStack;
const text: Record<"gpt-api" | "alert-worker" | "telegram-bot", string> = {
  "gpt-api": "",
  "alert-worker": "",
  "telegram-bot": "",
};

async function scrape(url: string, auth = false): Promise<string> {
  const res = await fetch(url, auth ? { headers: { authorization: `Bearer ${SECRETS.apiKey}` } } : {});
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return res.text();
}

/** Sample names (histograms as their _bucket/_sum/_count series) of an exposition text. */
const sampleNames = (exposition: string) =>
  new Set(
    exposition
      .split("\n")
      .filter((l) => l !== "" && !l.startsWith("#"))
      .map((l) => l.split(/[{ ]/, 1)[0]!),
  );

beforeAll(async () => {
  stack = await startFaultStack();
  await subscribeChats(stack.stores, [CHAT], ["BTC"]);
  await injectStorm(stack, "BTC");
  await waitFor(
    () => (stack.fake.messages(CHAT).length > 0 ? true : undefined),
    "the storm alert at the subscriber",
  );
  expect((await stack.api.get("/gpt/raw?symbol=BTC")).status).toBe(200);
  // One MCP tool call and one bot command, so their series exist too.
  const mcp = await fetch(`${stack.api.url}/mcp`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${SECRETS.apiKey}`,
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
    },
    body: JSON.stringify({
      jsonrpc: "2.0",
      id: 1,
      method: "tools/call",
      params: { name: "getMarketSnapshot", arguments: { symbol: "BTC" } },
    }),
  });
  expect(mcp.status).toBe(200);
  stack.fake.injectMessage({ userId: 4_242, text: "/help", firstName: "Ana" });
  await waitFor(() => (stack.fake.messages(4_242).length > 0 ? true : undefined), "the answer to /help");
  const latency = 'teleglas_alert_latency_seconds_count{kind="liquidation_storm"} 1';
  await waitFor(
    async () => ((await scrape(stack.bot.metricsUrl)).includes(latency) ? true : undefined),
    "the delivery counted in the bot's alert latency",
  );
  text["gpt-api"] = await scrape(`${stack.api.url}/metrics`, true);
  text["alert-worker"] = await scrape(`${stack.worker.url}/metrics`);
  text["telegram-bot"] = await scrape(stack.bot.metricsUrl);
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

describe("each app's real /metrics", () => {
  it.each(Object.keys(text))("%s passes promtool check metrics with no lint finding", (app) => {
    const exposition = text[app as keyof typeof text];
    const r = promtool(["check", "metrics"], { input: exposition });
    expect(r.output.trim()).toBe("");
    expect(r.status).toBe(0);
  });

  it("the project's own series are teleglas_*, next to the standard process_* and nodejs_* ones", () => {
    for (const exposition of Object.values(text)) {
      for (const name of sampleNames(exposition)) expect(name).toMatch(/^(teleglas|process|nodejs)_/);
    }
  });

  it("the bot's alert latency counts from the CoinGlass event's own time, per kind; no label carries a chat id", () => {
    const bot = text["telegram-bot"];
    const sum = Number(/teleglas_alert_latency_seconds_sum\{kind="liquidation_storm"\} (\S+)/.exec(bot)?.[1]);
    // The storm's last event happened before the worker saw it, so the latency is above zero.
    expect(sum).toBeGreaterThan(0);
    expect(sum).toBeLessThan(60);
    expect(bot).toContain("teleglas_bot_delivery_sent_total 1");
    // Only label values can carry a chat id; a sample value (a duration sum, say) may hold its
    // digits by chance, which once failed this test for no reason.
    for (const exposition of Object.values(text)) {
      const labelSets = exposition.match(/\{[^}]*\}/g) ?? [];
      expect(labelSets.length).toBeGreaterThan(0);
      for (const labels of labelSets) expect(labels).not.toContain(String(CHAT));
    }
  });

  it("every app reports its CoinGlass calls and the worker its stream events", () => {
    expect(text["gpt-api"]).toMatch(
      /teleglas_upstream_requests_total\{endpoint="[^"]+",outcome="ok"\} [1-9]/,
    );
    expect(text["alert-worker"]).toMatch(/teleglas_worker_events_total\{type="liquidation"\} [1-9]/);
    expect(text["alert-worker"]).toContain("teleglas_worker_stream_connected 1");
    expect(text["alert-worker"]).toContain("teleglas_worker_leader 1");
  });
});

describe("the Grafana overview dashboard", () => {
  const dashboard = JSON.parse(
    readFileSync(join(infraDir, "grafana", "dashboards", "teleglas-overview.json"), "utf8"),
  ) as { uid: string; panels: Array<{ type: string; title: string; targets?: Array<{ expr: string }> }> };

  it("queries only metrics the running apps expose", () => {
    const exposed = new Set(Object.values(text).flatMap((t) => [...sampleNames(t)]));
    const queried = dashboard.panels.flatMap((p) =>
      (p.targets ?? []).flatMap((t) =>
        [...t.expr.matchAll(/\b(?:teleglas|process|nodejs)_[a-z0-9_]+/g)].map((m) => ({
          panel: p.title,
          name: m[0],
        })),
      ),
    );
    expect(queried.length).toBeGreaterThan(30);
    const unknown = queried.filter((q) => !exposed.has(q.name));
    expect(unknown).toEqual([]);
  });

  it("has a query on every graph panel and uses the provisioned datasource", () => {
    const graphs = dashboard.panels.filter((p) => p.type !== "row");
    expect(graphs.length).toBeGreaterThanOrEqual(12);
    for (const p of graphs) expect(p.targets?.length, p.title).toBeGreaterThan(0);
    const provisioned = readFileSync(
      join(infraDir, "grafana", "provisioning", "datasources", "prometheus.yml"),
      "utf8",
    );
    expect(JSON.stringify(dashboard)).toContain('"uid":"teleglas-prometheus"');
    expect(provisioned).toContain("uid: teleglas-prometheus");
  });
});
