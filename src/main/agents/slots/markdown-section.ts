/** Marker comments that delimit the section an agent owns in a shared Markdown file. */
export function sectionMarkers(id: string): { begin: string; end: string } {
  return { begin: `<!-- ai-configurator:begin agent=${id} -->`, end: `<!-- ai-configurator:end agent=${id} -->` };
}

function find(text: string, id: string): { start: number; end: number; inner: string } | undefined {
  const { begin, end } = sectionMarkers(id);
  const s = text.indexOf(begin);
  if (s < 0) return undefined;
  const e = text.indexOf(end, s + begin.length);
  if (e < 0) return undefined;
  let stop = e + end.length;
  if (text[stop] === '\n') stop++;
  return {
    start: s,
    end: stop,
    inner: text
      .slice(s + begin.length, e)
      .replace(/^\n/, '')
      .replace(/\n$/, ''),
  };
}

/** The text between our markers, or undefined when the section is absent. */
export function readSection(text: string | undefined, id: string): string | undefined {
  return text === undefined ? undefined : find(text, id)?.inner;
}

/** Replaces our section in place, or appends it after a blank line, keeping everything else byte for byte. */
export function writeSection(text: string | undefined, id: string, content: string): string {
  const { begin, end } = sectionMarkers(id);
  const block = `${begin}\n${content.replace(/\n+$/, '')}\n${end}\n`;
  const cur = text ?? '';
  const at = find(cur, id);
  if (at) return cur.slice(0, at.start) + block + cur.slice(at.end);
  if (cur.trim() === '') return block;
  return `${cur.endsWith('\n') ? cur : cur + '\n'}\n${block}`;
}

/** Removes our section and the blank line we added before it. */
export function removeSection(text: string, id: string): string {
  const at = find(text, id);
  if (!at) return text;
  let before = text.slice(0, at.start);
  const after = text.slice(at.end);
  if (before.endsWith('\n\n')) before = before.slice(0, -1);
  return before + after;
}
