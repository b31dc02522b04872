import { createHash } from "node:crypto";
import type { AlertKind } from "@teleglas/market-data-core";

/**
 * A deterministic alert id from the alert's identifying content: the same storm seen again (after a
 * reconnect, a restart or by a second worker) yields the same id, so publishing it twice is a no-op.
 * Dashes only, no colons: the id is also used as a queue job id downstream.
 */
export function alertId(kind: AlertKind, parts: readonly (string | number)[]): string {
  const digest = createHash("sha1")
    .update(`${kind}|${parts.join("|")}`)
    .digest("hex");
  return `${kind.replaceAll("_", "-")}-${digest.slice(0, 20)}`;
}

/**
 * The bucket a windowed alert belongs to: one per cooldown period on event time. Two workers (or one
 * before and after a restart) that see the same storm inside one period derive the same id.
 */
export function cooldownBucket(timeMs: number, cooldownMs: number): number {
  return Math.floor(timeMs / Math.max(1, cooldownMs));
}

/** Severity from how far above its threshold an alert is: 5× critical, 2× high, else info. */
export function severityFor(usd: number, minUsd: number): "info" | "high" | "critical" {
  if (minUsd <= 0) return "info";
  const ratio = usd / minUsd;
  if (ratio >= 5) return "critical";
  if (ratio >= 2) return "high";
  return "info";
}
