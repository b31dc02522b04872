import { randomUUID } from "node:crypto";
import type { Alert } from "../models/alert.js";

let counter = 0;

/** A valid alert; ids are unique unless given. */
export function makeAlert(overrides: Partial<Alert> = {}): Alert {
  counter++;
  return {
    id: `test-${counter}-${randomUUID()}`,
    kind: "large_liquidation",
    symbol: "BTC",
    side: "long",
    usd: 1_500_000,
    count: 1,
    window_s: 0,
    exchanges: ["Binance"],
    price: 64_000,
    first_at: 1_760_000_000_000,
    last_at: 1_760_000_000_000,
    severity: "high",
    detail: {},
    ...overrides,
  };
}
