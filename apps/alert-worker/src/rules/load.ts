import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { parse as parseYaml } from "yaml";
import { DEFAULT_RULES, type Rules, RulesSchema } from "./schema.js";

/** A rules file the worker cannot run with; `field` is the dotted path of the offending value. */
export class RulesError extends Error {
  override name = "RulesError";
  constructor(
    readonly file: string,
    readonly field: string,
    reason: string,
  ) {
    super(`Invalid alert rules in ${file}: ${field}: ${reason}`);
  }
}

/** Validates an already parsed rules document (missing fields take the built-in defaults). */
export function parseRules(doc: unknown, file = "rules"): Rules {
  const result = RulesSchema.safeParse(doc ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path ?? [];
  // An unknown key is reported on its parent; name the key itself so the fix is obvious.
  const keys = issue && issue.code === "unrecognized_keys" ? issue.keys : [];
  const field = [...path, ...keys.slice(0, 1)].map(String).join(".") || "(root)";
  throw new RulesError(file, field, issue?.message ?? "is invalid");
}

/**
 * Reads ALERT_RULES_FILE: `.json` as JSON, anything else as YAML (a superset of JSON).
 * No file means the built-in defaults.
 */
export async function loadRules(file: string | undefined): Promise<Rules> {
  if (!file) return DEFAULT_RULES;
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new RulesError(file, "(file)", `cannot be read: ${(error as Error).message}`);
  }
  let doc: unknown;
  try {
    doc = extname(file).toLowerCase() === ".json" ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new RulesError(file, "(syntax)", `is not valid: ${(error as Error).message}`);
  }
  return parseRules(doc, file);
}
