/**
 * Hyperliquid wallets a test sets by hand, answered by `hyperliquid/user-position`. A wallet
 * never set has no open positions (an empty account), as Hyperliquid answers for a fresh address.
 */

export interface WalletPositionInput {
  /** Hyperliquid coin name, e.g. "BTC". */
  coin: string;
  /** Signed size in coins: negative = short. */
  szi: number;
  /** Entry price in USD; default: the coin's price when set. */
  entryPx?: number;
  /** Default 10, cross. */
  leverage?: number;
}

export interface WalletBook {
  set(address: string, positions: WalletPositionInput[]): void;
  get(address: string): WalletPositionInput[];
  clear(): void;
  /** +1 on every change (the REST answer cache follows it). */
  version(): number;
}

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

export function createWalletBook(): WalletBook {
  const wallets = new Map<string, WalletPositionInput[]>();
  let version = 0;
  return {
    set(address, positions) {
      if (!ADDRESS.test(address)) throw new Error("address must be 0x followed by 40 hex digits");
      if (!Array.isArray(positions)) throw new Error("positions must be an array");
      for (const p of positions) {
        if (typeof p?.coin !== "string" || p.coin === "") throw new Error("each position needs a coin");
        if (!Number.isFinite(p.szi) || p.szi === 0)
          throw new Error(`szi of ${p.coin} must be a non-zero number`);
      }
      wallets.set(
        address.toLowerCase(),
        positions.map((p) => ({ ...p })),
      );
      version++;
    },
    get: (address) => wallets.get(address.toLowerCase()) ?? [],
    clear() {
      wallets.clear();
      version++;
    },
    version: () => version,
  };
}
