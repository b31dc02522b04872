import type { Redis } from "ioredis";
import type { Adapter, AdapterPayload } from "oidc-provider";

/** Models whose records name their grant: revoking the grant ends them all. */
const GRANTABLE = new Set(["AccessToken", "AuthorizationCode", "RefreshToken", "DeviceCode"]);
/**
 * Registered clients live this long after their last registration (s): dynamic registration is
 * open, so records of clients nobody uses must not pile up; a client that comes back after that
 * gets `invalid_client` and registers again (the MCP SDK does so by itself).
 */
const CLIENT_TTL_S = 90 * 24 * 3600;

/**
 * oidc-provider's storage in Redis (clients, interactions, sessions, codes, grants, tokens), so
 * any API replica answers any step of a flow. Records are JSON strings with the model's expiry;
 * a grant keeps the list of its records' keys for `revokeByGrantId`. `consume` marks in place
 * (a consumed code or refresh token used again makes oidc-provider revoke the grant).
 */
export function redisAdapterFactory(redis: Redis, prefix: string) {
  const grantKey = (id: string) => `${prefix}grant:${id}`;
  return class RedisAdapter implements Adapter {
    constructor(readonly name: string) {}

    key(id: string): string {
      return `${prefix}${this.name}:${id}`;
    }

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      const key = this.key(id);
      const ttl = expiresIn > 0 ? expiresIn : this.name === "Client" ? CLIENT_TTL_S : 0;
      const multi = redis.multi();
      if (ttl > 0) multi.set(key, JSON.stringify(payload), "EX", ttl);
      else multi.set(key, JSON.stringify(payload));
      if (GRANTABLE.has(this.name) && payload.grantId !== undefined) {
        const gk = grantKey(payload.grantId);
        multi.rpush(gk, key);
        // The list lives as long as its longest-lived record.
        if (ttl > 0) multi.expire(gk, ttl, "GT");
        multi.expire(gk, ttl > 0 ? ttl : CLIENT_TTL_S, "NX");
      }
      if (payload.uid !== undefined) multi.set(this.key(`uid:${payload.uid}`), id, "EX", Math.max(ttl, 1));
      await multi.exec();
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      // Bounded: a token is 43 characters; longer input is nobody's id.
      if (id.length > 512) return undefined;
      const data = await redis.get(this.key(id));
      return data === null ? undefined : (JSON.parse(data) as AdapterPayload);
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      const id = await redis.get(this.key(`uid:${uid}`));
      return id === null ? undefined : this.find(id);
    }

    async findByUserCode(): Promise<undefined> {
      return undefined; // the device flow is off
    }

    async consume(id: string): Promise<void> {
      const key = this.key(id);
      const data = await redis.get(key);
      if (data === null) return;
      const record = { ...JSON.parse(data), consumed: Math.floor(Date.now() / 1000) };
      await redis.set(key, JSON.stringify(record), "KEEPTTL");
    }

    async destroy(id: string): Promise<void> {
      await redis.del(this.key(id));
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      const gk = grantKey(grantId);
      const keys = await redis.lrange(gk, 0, -1);
      await redis.del(gk, ...keys);
    }
  };
}
