import { afterEach, describe, expect, test } from "vitest";
import { backends, storesPerTest, waitFor } from "./store-helpers.js";

describe.each(backends)("leases on %s", (backend) => {
  const t = storesPerTest(backend);
  afterEach(t.close);

  test("one holder at a time; only the holder renews or frees it; an unrenewed lease expires", async () => {
    const { leases } = await t.open();
    expect(await leases.acquire("worker:leader", "a", 60_000)).toBe(true);
    expect(await leases.acquire("worker:leader", "b", 60_000)).toBe(false);
    expect(await leases.renew("worker:leader", "b", 60_000)).toBe(false);
    await leases.release("worker:leader", "b"); // not b's: nothing happens
    expect(await leases.renew("worker:leader", "a", 200)).toBe(true);
    await waitFor(() => leases.acquire("worker:leader", "b", 60_000), "a's lease to expire", 5000);
    expect(await leases.renew("worker:leader", "a", 60_000)).toBe(false);
    await leases.release("worker:leader", "b");
    expect(await leases.acquire("worker:leader", "a", 60_000)).toBe(true);
  });
});
