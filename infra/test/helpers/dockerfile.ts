/** One instruction of a Dockerfile, continuation lines joined. */
export interface Instruction {
  line: number;
  keyword: string;
  args: string;
}

/** One build stage: `FROM <image> AS <name>` and what follows it up to the next FROM. */
export interface Stage {
  name: string | null;
  base: string;
  instructions: Instruction[];
}

/**
 * A deliberately small Dockerfile reader: enough to check what the infra tests care about
 * (stages, USER, HEALTHCHECK, COPY sources) without Docker. Comments and blank lines are
 * dropped; `\` continuations are joined; parser directives (`# syntax=`) are ignored.
 */
export function parseDockerfile(text: string): { args: Record<string, string>; stages: Stage[] } {
  const instructions: Instruction[] = [];
  let pending: { line: number; text: string } | null = null;
  text.split("\n").forEach((raw, index) => {
    const trimmed = raw.trim();
    if (pending === null && (trimmed === "" || trimmed.startsWith("#"))) return;
    if (pending !== null && trimmed.startsWith("#")) return;
    const continued = trimmed.endsWith("\\");
    const body = continued ? trimmed.slice(0, -1).trim() : trimmed;
    pending =
      pending === null ? { line: index + 1, text: body } : { ...pending, text: `${pending.text} ${body}` };
    if (!continued) {
      const match = /^(\S+)\s*(.*)$/.exec(pending.text);
      if (match) instructions.push({ line: pending.line, keyword: match[1]!.toUpperCase(), args: match[2]! });
      pending = null;
    }
  });
  const args: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const ins of instructions) {
    if (ins.keyword === "FROM") {
      const m = /^(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?$/i.exec(ins.args);
      if (!m) throw new Error(`line ${ins.line}: cannot read FROM ${ins.args}`);
      stages.push({ base: expand(m[1]!, args), name: m[2] ?? null, instructions: [] });
    } else if (stages.length === 0) {
      if (ins.keyword !== "ARG") throw new Error(`line ${ins.line}: ${ins.keyword} before the first FROM`);
      const [key, value = ""] = ins.args.split("=", 2);
      args[key!.trim()] = value.trim();
    } else {
      stages[stages.length - 1]!.instructions.push(ins);
    }
  }
  return { args, stages };
}

function expand(value: string, args: Record<string, string>): string {
  return value.replace(
    /\$\{(\w+)\}|\$(\w+)/g,
    (_, a: string | undefined, b: string | undefined) => args[(a ?? b)!] ?? "",
  );
}

/** The user a stage ends as (`root` when it never says). */
export function finalUser(stage: Stage): string {
  const users = stage.instructions.filter((i) => i.keyword === "USER");
  return users.length === 0 ? "root" : users[users.length - 1]!.args.split(":")[0]!.trim();
}

/** Source paths of a COPY/ADD that reads the build context (not `--from=`), in exec or shell form. */
export function contextSources(ins: Instruction): string[] | null {
  if (ins.keyword !== "COPY" && ins.keyword !== "ADD") return null;
  const words = ins.args.trim().startsWith("[")
    ? (JSON.parse(ins.args) as string[])
    : ins.args.split(/\s+/).filter((w) => w.length > 0);
  if (words.some((w) => w.startsWith("--from="))) return null;
  const paths = words.filter((w) => !w.startsWith("--"));
  return paths.slice(0, -1);
}
