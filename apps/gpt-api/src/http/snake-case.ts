import { z } from "zod";

/**
 * The domain models are camelCase zod schemas in core; the API shows them snake_case. One key
 * rule (`snakeKey`) maps both the schemas (`snakeSchema`, once per model at start-up, for the
 * OpenAPI documents and MCP output schemas) and the answers (`toSnake`, once per cache refresh).
 * Keys that start with a digit (`"24h"`) or are not camelCase stay as they are.
 */

type Lower =
  | "a"
  | "b"
  | "c"
  | "d"
  | "e"
  | "f"
  | "g"
  | "h"
  | "i"
  | "j"
  | "k"
  | "l"
  | "m"
  | "n"
  | "o"
  | "p"
  | "q"
  | "r"
  | "s"
  | "t"
  | "u"
  | "v"
  | "w"
  | "x"
  | "y"
  | "z";
type Digit = "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9";
/** `_` between a lower-case letter and an upper-case letter or digit, or a digit and an upper-case letter. */
type Gap<P extends string, C extends string> = P extends Lower
  ? C extends Uppercase<Lower> | Digit
    ? "_"
    : ""
  : P extends Digit
    ? C extends Uppercase<Lower>
      ? "_"
      : ""
    : "";
/** `snakeKey` at the type level: `high24hUsd` -> `high_24h_usd`. */
export type SnakeKey<S extends string, P extends string = ""> = string extends S
  ? S
  : S extends `${infer C}${infer R}`
    ? `${Gap<P, C>}${Lowercase<C>}${SnakeKey<R, C>}`
    : "";
/** A value with every object key snake_cased, as `toSnake` returns it. */
export type Snaked<T> = T extends readonly unknown[]
  ? { [I in keyof T]: Snaked<T[I]> }
  : T extends object
    ? { [K in keyof T as K extends string ? SnakeKey<K> : K]: Snaked<T[K]> }
    : T;

const cache = new Map<string, string>();

/** `high24hUsd` -> `high_24h_usd`, `byExchange24h` -> `by_exchange_24h`, `5m` -> `5m`. */
export function snakeKey<S extends string>(key: S): SnakeKey<S>;
export function snakeKey(key: string): string {
  let out = cache.get(key);
  if (out === undefined) {
    out = key
      .replace(/([a-z])([A-Z0-9])/g, "$1_$2")
      .replace(/([0-9])([A-Z])/g, "$1_$2")
      .toLowerCase();
    if (cache.size < 10_000) cache.set(key, out);
  }
  return out;
}

/**
 * Deep copy with every object key snake_cased. Fractional numbers are cut to 10 significant digits:
 * float noise such as `6349888.312500001` costs bytes and tokens and says nothing.
 */
export function toSnake<T>(value: T): Snaked<T>;
export function toSnake(value: unknown): unknown {
  if (typeof value === "number") return Number.isInteger(value) ? value : Number(value.toPrecision(10));
  if (Array.isArray(value)) return value.map(toSnake);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[snakeKey(k)] = toSnake(v);
    return out;
  }
  return value;
}

/** A dotted `missing` path (`price.high24hUsd`) in snake_case (`price.high_24h_usd`). */
export function snakePath(path: string): string {
  return path.split(".").map(snakeKey).join(".");
}

const snaked = new WeakMap<z.ZodType, z.ZodType>();
/** The schema's own metadata (`registry.get` would merge in its parent's). */
const ownMeta = (s: z.ZodType) => z.globalRegistry._map.get(s);

/**
 * The schema of `toSnake(x)` for an `x` of `schema`: object keys snake_cased at every depth;
 * descriptions, examples and checks kept. Memoized, so a model used in many places maps to one
 * schema (one component of the OpenAPI document once `component` names it). Schemas with no
 * object inside come back as they are.
 */
export function snakeSchema<T extends z.ZodType>(schema: T): z.ZodType<Snaked<z.output<T>>> {
  return snake(schema) as z.ZodType<Snaked<z.output<T>>>;
}

/** `snakeSchema` of an object, typed as an object so it can be `.extend`ed or `.pick`ed. */
export function snakeObject<S extends z.ZodRawShape>(schema: z.ZodObject<S>) {
  return snake(schema) as z.ZodObject<{
    [K in keyof S & string as SnakeKey<K>]: z.ZodType<Snaked<z.output<S[K]>>>;
  }>;
}

function snake(s: z.ZodType): z.ZodType {
  const done = snaked.get(s);
  if (done !== undefined) return done;
  const out = rebuild(s);
  if (out !== s) {
    const meta = ownMeta(s);
    if (meta !== undefined) z.globalRegistry.add(out, meta);
  }
  snaked.set(s, out);
  return out;
}

function rebuild(s: z.ZodType): z.ZodType {
  const def = s.def as z.core.$ZodTypeDef & Record<string, unknown>;
  const parent = s._zod.parent as z.ZodType | undefined;
  // A copy made by `.meta()` or `.describe()`: copy the snake form of the original the same way,
  // so the OpenAPI generator still sees (and references) the original.
  if (parent !== undefined && parent._zod.def === s._zod.def) {
    const base = snake(parent);
    return base === parent ? s : base.clone();
  }
  const child = (key: string) => {
    const inner = def[key] as z.ZodType;
    const mapped = snake(inner);
    return mapped === inner ? undefined : { [key]: mapped };
  };
  switch (def.type) {
    case "object": {
      const shape = (s as z.ZodObject).shape;
      const entries = Object.entries(shape).map(([k, v]) => [snakeKey(k), snake(v)] as const);
      if (entries.every(([k, v], i) => k === Object.keys(shape)[i] && v === shape[k])) return s;
      return s.clone({ ...def, shape: Object.fromEntries(entries) } as typeof def);
    }
    case "array":
      return with1(s, def, child("element"));
    case "nullable":
    case "optional":
    case "default":
    case "readonly":
      return with1(s, def, child("innerType"));
    case "record":
      return with1(s, def, child("valueType"));
    case "union": {
      const options = (def.options as z.ZodType[]).map(snake);
      return options.every((o, i) => o === (def.options as z.ZodType[])[i])
        ? s
        : s.clone({ ...def, options } as typeof def);
    }
    default:
      return s;
  }
}

const with1 = (s: z.ZodType, def: z.core.$ZodTypeDef, changed: Record<string, z.ZodType> | undefined) =>
  changed === undefined ? s : s.clone({ ...def, ...changed } as typeof def);
