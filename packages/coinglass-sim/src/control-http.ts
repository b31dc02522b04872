/** The control operations over HTTP under `/__sim/*` (POST JSON, no key, not rate limited, not counted). */
import type { IncomingMessage, ServerResponse } from "node:http";
import type {
  CalendarEventOptions,
  EtfFlowOptions,
  OpenInterestOverride,
  PriceOverride,
  SimControl,
  StormOptions,
  WhalePositionOptions,
  WhaleTradeOptions,
  WhaleTransferOptions,
} from "./control-types.js";
import type { WalletPositionInput } from "./model/wallets.js";
import type { CorruptOptions } from "./rest/corrupt.js";
import type { Faults } from "./rest/router.js";

const readJson = (req: IncomingMessage): Promise<Record<string, unknown>> =>
  new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => {
      body += c;
    });
    req.on("end", () => {
      try {
        resolve(body ? JSON.parse(body) : {});
      } catch (err) {
        reject(err);
      }
    });
    req.on("error", reject);
  });

/** `/__sim/{whale-transfer,calendar-event,etf-flow,storm,whale-trades,whale-position,faults,corrupt,drop-sockets,ws-raw,replay,counters,reset-counters,reset,price,set-price,set-oi,set-funding,set-long-short,wallet}`. */
export async function handleControl(
  control: SimControl,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const op = (req.url ?? "").split("?")[0]?.slice("/__sim/".length);
  const reply = (status: number, body: unknown) => {
    res.writeHead(status, { "Content-Type": "application/json" });
    res.end(JSON.stringify(body));
  };
  try {
    const b = req.method === "POST" ? await readJson(req) : {};
    const ops: Record<string, () => unknown> = {
      "whale-transfer": () => control.injectWhaleTransfer(b as unknown as WhaleTransferOptions),
      "calendar-event": () => control.injectCalendarEvent(b as unknown as CalendarEventOptions),
      "etf-flow": () => control.injectEtfFlow(b as unknown as EtfFlowOptions),
      storm: () => control.injectLiquidationStorm(b as unknown as StormOptions),
      "whale-trades": () => control.injectWhaleTrades(b as unknown as WhaleTradeOptions),
      "whale-position": () => control.injectWhalePosition(b as unknown as WhalePositionOptions),
      faults: () => control.setFaults(b as Partial<Faults>),
      corrupt: () => control.corrupt(b as unknown as CorruptOptions),
      "drop-sockets": () => control.dropSockets(),
      "ws-raw": () => control.rawFrames(b as unknown as { frames: string[]; repeat?: number }),
      replay: () => control.replay(b as unknown as { count: number }),
      counters: () => control.counters(),
      "reset-counters": () => control.resetCounters(),
      reset: () => control.reset(),
      "set-price": () => control.setPrice(b as unknown as PriceOverride),
      "set-oi": () => control.setOpenInterest(b as unknown as OpenInterestOverride),
      "set-funding": () =>
        control.setFunding(b as unknown as { symbol: string; ratePct: number; exchange?: string }),
      "set-long-short": () => control.setLongShortRatio(b as unknown as { symbol: string; ratio: number }),
      wallet: () => control.setWallet(b as unknown as { address: string; positions: WalletPositionInput[] }),
      price: () => ({
        price: control.price(
          String(b.symbol ?? new URL(req.url ?? "", "http://x").searchParams.get("symbol")),
        ),
      }),
    };
    const fn = op ? ops[op] : undefined;
    if (!fn) return reply(404, { ok: false, error: `unknown control operation ${op}` });
    const result = await fn();
    reply(200, result === undefined ? { ok: true } : result);
  } catch (err) {
    reply(400, { ok: false, error: (err as Error).message });
  }
}
