import { BlockList, isIP } from "node:net";

/**
 * An IP allowlist of addresses and CIDRs (IPv4 and IPv6) on node's BlockList. IPv4-mapped IPv6
 * addresses (`::ffff:10.0.0.1`, what a dual-stack socket reports) are checked as IPv4.
 * Throws on an entry that is neither an IP nor a CIDR, so a typo stops the process at start.
 */
export function createIpAllowlist(entries: readonly string[]) {
  const list = new BlockList();
  for (const entry of entries) {
    const [addr = "", bits, ...rest] = entry.split("/");
    const family = isIP(addr);
    const prefix = bits === undefined ? undefined : Number(bits);
    const max = family === 4 ? 32 : 128;
    if (
      family === 0 ||
      rest.length > 0 ||
      (prefix !== undefined && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= max))
    ) {
      throw new Error(`not an IP address or CIDR: "${entry}"`);
    }
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) list.addAddress(addr, type);
    else list.addSubnet(addr, prefix, type);
  }
  const empty = entries.length === 0;
  return {
    /** True when the list is empty (any address) or the address is on it. */
    allows(ip: string): boolean {
      if (empty) return true;
      const mapped = ip.startsWith("::ffff:") ? ip.slice(7) : ip;
      const family = isIP(mapped);
      if (family === 0) return false;
      return list.check(mapped, family === 4 ? "ipv4" : "ipv6") || (mapped !== ip && list.check(ip, "ipv6"));
    },
  };
}
