/** What a truthy result of `read` can be. */
export type Truthy<T> = Exclude<T, false | 0 | "" | null | undefined>;

/**
 * The one wait of the test suites: polls `read` until it returns a truthy value and returns that
 * value, or fails naming `what` (and the last error `read` threw, if any). Tests wait on a
 * condition, never on a fixed sleep; the default timeout is generous because the machine is shared.
 */
export async function waitFor<T>(
  read: () => T | Promise<T>,
  what = "condition",
  timeoutMs = 30_000,
): Promise<Truthy<T>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await read();
      if (value) return value as Truthy<T>;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : "";
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${why}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}
