import { type ChatSubscription, DIGEST_HOURS, type DigestSettings } from "@teleglas/market-data-core";

/** What `/digest …` asks for: a new setting, off, or an error message key (with its example). */
export type DigestCommand =
  | { type: "set"; digest: DigestSettings }
  | { type: "off" }
  | { type: "error"; key: "digest-bad" | "digest-bad-time" | "digest-bad-hours" | "digest-bad-quiet" };

const TIME = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;
const HOURS = /^(\d{1,2})\s*(h|hours?|j|jam)?$/i;

/** `8:30` / `08.30` / `08:30` as `08:30`; null for anything else. */
export function hhmm(input: string | undefined): string | null {
  const m = TIME.exec(input?.trim() ?? "");
  return m ? `${m[1]!.padStart(2, "0")}:${m[2]}` : null;
}

/**
 * Parses the one-line forms: `daily 08:00`, `every 4h` (also `4 h`, `4 hours`, `4j`), `off`,
 * `quiet wait|skip`. A new schedule keeps the chat's quiet-hours choice (default `wait`);
 * `quiet …` needs a digest to apply to. Pure.
 */
export function parseDigest(args: string[], current: ChatSubscription["digest"]): DigestCommand {
  const [what, ...rest] = args.map((a) => a.toLowerCase());
  const quiet = current?.quiet ?? "wait";
  switch (what) {
    case "off":
    case "stop":
      return { type: "off" };
    case "daily":
    case "harian": {
      const at = hhmm(rest[0]);
      if (!at) return { type: "error", key: "digest-bad-time" };
      return { type: "set", digest: { schedule: { type: "daily", at }, quiet } };
    }
    case "every":
    case "setiap": {
      const m = HOURS.exec(rest.join(" "));
      const hours = m ? Number(m[1]) : Number.NaN;
      if (!(DIGEST_HOURS as readonly number[]).includes(hours))
        return { type: "error", key: "digest-bad-hours" };
      return { type: "set", digest: { schedule: { type: "every", hours }, quiet } };
    }
    case "quiet": {
      const choice = rest[0];
      if ((choice !== "wait" && choice !== "skip") || !current)
        return { type: "error", key: "digest-bad-quiet" };
      return { type: "set", digest: { ...current, quiet: choice } };
    }
    default:
      return { type: "error", key: "digest-bad" };
  }
}
