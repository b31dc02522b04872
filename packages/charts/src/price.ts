/**
 * The chart's last-close label. A copy of the bot's `price` formatter (apps/telegram-bot
 * src/format/numbers.ts) so this package needs no app: `$97,120.5`, `$3.4512`, `$0.00001234`.
 */
export function price(n: number): string {
  const a = Math.abs(n);
  const digits = a >= 1000 ? 2 : a >= 1 ? 4 : 8;
  const text = a >= 1 ? n.toFixed(digits) : n.toPrecision(4);
  const trimmed = text.includes(".") ? text.replace(/\.?0+$/, "") : text;
  const [int, frac] = trimmed.split(".");
  const grouped = (int ?? "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `$${frac ? `${grouped}.${frac}` : grouped}`;
}
