/**
 * Injected bad values: a field of an endpoint's rows set to what a broken upstream might send
 * (`-1`, `1e308`, `"abc"`, `null`), so clients can be tested against values no market has and
 * against answers whose every row is malformed. Applied to the answer after the model built it.
 */

export interface CorruptOptions {
  /** Endpoint path, e.g. `/api/futures/rsi/list`. */
  path: string;
  /** Field to overwrite wherever an object has it, e.g. `rsi_4h`. */
  field: string;
  /** What to put there (any JSON value). */
  value: unknown;
  /** Only objects whose fields equal these, e.g. `{ "symbol": "BTC" }`; every object when absent. */
  where?: Record<string, unknown>;
}

export interface Corruptions {
  add(o: CorruptOptions): void;
  clear(): void;
  /** Changes whenever the set changes (part of the response-cache stamp). */
  version(): number;
  apply(path: string, data: unknown): unknown;
}

export function createCorruptions(): Corruptions {
  let list: CorruptOptions[] = [];
  let version = 0;
  const matches = (o: Record<string, unknown>, where: Record<string, unknown> | undefined) =>
    !where || Object.entries(where).every(([k, v]) => o[k] === v);
  const visit = (node: unknown, rules: CorruptOptions[]): void => {
    if (Array.isArray(node)) {
      for (const x of node) visit(x, rules);
    } else if (typeof node === "object" && node !== null) {
      const o = node as Record<string, unknown>;
      for (const r of rules) if (r.field in o && matches(o, r.where)) o[r.field] = r.value;
      for (const v of Object.values(o)) if (typeof v === "object" && v !== null) visit(v, rules);
    }
  };
  return {
    add(o) {
      if (typeof o?.path !== "string" || typeof o.field !== "string") {
        throw new Error(
          'corrupt needs { path, field, value, where? }, e.g. {"path":"/api/futures/rsi/list","field":"rsi_4h","value":150}',
        );
      }
      list = [...list.filter((x) => !(x.path === o.path && x.field === o.field)), o];
      version++;
    },
    clear() {
      if (list.length > 0) version++;
      list = [];
    },
    version: () => version,
    apply(path, data) {
      const rules = list.filter((r) => r.path === path);
      if (rules.length > 0) visit(data, rules);
      return data;
    },
  };
}
