/**
 * Blocks of lines we own in a line-based file that has `#` comments but is not TOML (`.cursorignore`,
 * `.geminiignore`): between `# ai-configurator:begin ID` and `# ai-configurator:end ID`. Every other line is left
 * byte for byte.
 */
export function textMarkers(id: string): { begin: string; end: string } {
  return { begin: `# ai-configurator:begin ${id}`, end: `# ai-configurator:end ${id}` };
}

function find(text: string, id: string): { start: number; end: number; inner: string } | undefined {
  const { begin, end } = textMarkers(id);
  const s = text.startsWith(begin + '\n') ? 0 : text.indexOf('\n' + begin + '\n') + 1;
  if (s <= 0 && !text.startsWith(begin + '\n')) return undefined;
  const e = text.indexOf('\n' + end, s);
  if (e < 0) return undefined;
  let stop = e + 1 + end.length;
  if (text[stop] === '\n') stop++;
  return { start: s, end: stop, inner: text.slice(s + begin.length + 1, e) };
}

export function readTextBlock(text: string | undefined, id: string): string | undefined {
  if (text === undefined) return undefined;
  return find(text, id)?.inner;
}

/** Replaces our block or appends it (after a blank line when the file has other content). */
export function writeTextBlock(text: string | undefined, id: string, body: string): string {
  const { begin, end } = textMarkers(id);
  const block = `${begin}\n${body.replace(/\n+$/, '')}\n${end}\n`;
  const cur = text ?? '';
  const at = find(cur, id);
  if (at) return cur.slice(0, at.start) + block + cur.slice(at.end);
  if (cur === '') return block;
  return `${cur.endsWith('\n') ? cur : cur + '\n'}\n${block}`;
}

/** Removes our block and the blank line writeTextBlock put before it. */
export function removeTextBlock(text: string, id: string): string {
  const at = find(text, id);
  if (!at) return text;
  let start = at.start;
  if (start >= 2 && text.slice(start - 2, start) === '\n\n') start -= 1;
  return text.slice(0, start) + text.slice(at.end);
}
