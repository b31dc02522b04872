import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import { exportJWK, generateKeyPair, type JWK } from "jose";

export interface OAuthSecrets {
  /** Keys signing oidc-provider's cookies; the first signs, all verify. */
  cookieKeys: string[];
  /** The private signing keys (ID tokens, CIMD/registration checks); access tokens are opaque. */
  jwks: { keys: JWK[] };
}

/**
 * The first replica to start makes the secret and stores it with SET NX; every replica then reads
 * the one that won, so cookies and signatures made by one replica verify on all of them.
 */
async function shared(redis: Redis, key: string, make: () => Promise<string>): Promise<string> {
  const existing = await redis.get(key);
  if (existing !== null) return existing;
  await redis.set(key, await make(), "NX");
  return (await redis.get(key)) as string;
}

/** Given secrets win; otherwise they are generated once and kept in Redis under `prefix`. */
export async function loadSecrets(
  redis: Redis,
  prefix: string,
  given: { cookieKeys?: string[]; jwks?: { keys: JWK[] } } = {},
): Promise<OAuthSecrets> {
  const cookieKeys =
    given.cookieKeys ??
    JSON.parse(
      await shared(redis, `${prefix}cookie-keys`, async () =>
        JSON.stringify([randomBytes(32).toString("base64url")]),
      ),
    );
  const jwks =
    given.jwks ??
    JSON.parse(
      await shared(redis, `${prefix}jwks`, async () => {
        const { privateKey } = await generateKeyPair("ES256", { extractable: true });
        const jwk = await exportJWK(privateKey);
        return JSON.stringify({
          keys: [{ ...jwk, alg: "ES256", use: "sig", kid: randomBytes(8).toString("hex") }],
        });
      }),
    );
  return { cookieKeys, jwks };
}
