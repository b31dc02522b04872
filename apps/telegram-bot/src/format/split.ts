/** Telegram refuses messages over 4,096 characters; keep a margin for entities. */
export const MAX_MESSAGE = 4000;

/**
 * Split a reply into messages under the limit, at line breaks (our formatters keep every HTML
 * tag within one line, so a cut between lines never leaves a tag open). A single line longer
 * than the limit is cut hard, outside any tag.
 */
export function splitMessage(text: string, max = MAX_MESSAGE): string[] {
  if (text.length <= max) return [text];
  const chunks: string[] = [];
  let current = "";
  const flush = () => {
    if (current.trim() !== "") chunks.push(current.replace(/\n+$/, ""));
    current = "";
  };
  for (const line of text.split("\n")) {
    if (line.length > max) {
      flush();
      for (let i = 0; i < line.length; i += max) chunks.push(line.slice(i, i + max));
      continue;
    }
    if (current.length + line.length + 1 > max) flush();
    current += `${line}\n`;
  }
  flush();
  return chunks;
}
