import type { SmokeReport } from "./checks.js";

/** The smoke report as a fixed-width table; verbose adds the start of each answer's body. */
export function formatSmokeTable(report: SmokeReport, verbose = false): string {
  const rows = report.checks.map((c) => [
    c.ok ? "PASS" : "FAIL",
    c.name,
    c.status === null ? "-" : String(c.status),
    `${c.ms} ms`,
    c.detail,
  ]);
  const head = ["result", "check", "http", "time", "detail"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join("  ");
  const out = [line(head), line(widths.map((w) => "-".repeat(w)))];
  report.checks.forEach((c, i) => {
    out.push(line(rows[i]!));
    if (verbose && c.body) out.push(`      ${c.body.replace(/\s+/g, " ")}`);
  });
  const failed = report.checks.filter((c) => !c.ok).length;
  out.push(
    "",
    failed === 0
      ? `All ${report.checks.length} checks passed.`
      : `${failed} of ${report.checks.length} checks FAILED.`,
  );
  return out.join("\n");
}
