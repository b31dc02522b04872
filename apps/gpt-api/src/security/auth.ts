import { createHash, timingSafeEqual } from "node:crypto";

/** The result of checking an Authorization header. */
export type AuthResult = { ok: true; keyId: string } | { ok: false; reason: "missing" | "invalid" };

/**
 * A bearer-key checker. Keys are compared as SHA-256 digests with `timingSafeEqual` against every
 * configured key (no early exit), so neither the key's content nor its length leaks through timing.
 * `keyId` (a digest prefix) names the key in rate limits and logs; the key itself is never kept
 * in a form that could be logged.
 */
export function createBearerAuth(keys: readonly string[]) {
  const digests = keys.map((k) => createHash("sha256").update(k).digest());
  const ids = digests.map((d) => `k_${d.subarray(0, 6).toString("hex")}`);
  return {
    check(header: string | undefined): AuthResult {
      if (header === undefined || header.length < 8 || !/^bearer /i.test(header)) {
        return { ok: false, reason: "missing" };
      }
      const presented = createHash("sha256").update(header.slice(7).trim()).digest();
      let match = -1;
      for (let i = 0; i < digests.length; i++) {
        const d = digests[i];
        if (d !== undefined && timingSafeEqual(d, presented) && match === -1) match = i;
      }
      const id = ids[match];
      return id === undefined ? { ok: false, reason: "invalid" } : { ok: true, keyId: id };
    },
  };
}
