/** The text history keeps where a secret's value was written into a tool file. */
export const secretPlaceholder = (name: string): string => '${secret:' + name + '}';

const PLACEHOLDER = /\$\{secret:([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** A value as it appears inside a JSON or TOML string (quotes, backslashes and control characters escaped). */
const escaped = (value: string): string => JSON.stringify(value).slice(1, -1);

/** Files whose strings hold secrets escaped (JSON and TOML basic strings escape the same way). */
const escapes = (file: string): boolean => /\.(json|jsonc|toml)$/i.test(file);

/** One secret written into a file: its name and value. */
export interface WrittenSecret {
  readonly name: string;
  readonly value: string;
}

/** `text` with every occurrence of each value (raw, or escaped as in a JSON/TOML string) as its placeholder. */
export function toPlaceholders(text: string, secrets: ReadonlyArray<WrittenSecret>): string {
  let out = text;
  // Longest first, so a value that contains another is replaced whole.
  for (const s of [...secrets].sort((a, b) => b.value.length - a.value.length)) {
    if (!s.value) continue;
    const ph = secretPlaceholder(s.name);
    out = out.split(s.value).join(ph);
    const esc = escaped(s.value);
    if (esc !== s.value) out = out.split(esc).join(ph);
  }
  return out;
}

/** Which secrets (of `secrets`) occur in `text`. */
export function secretsIn(text: string, secrets: ReadonlyArray<WrittenSecret>): WrittenSecret[] {
  return secrets.filter((s) => s.value && (text.includes(s.value) || text.includes(escaped(s.value))));
}

/**
 * The placeholders of a stored tool file resolved again from `lookup` (escaped for a JSON/TOML file); a name it
 * does not know stays as its placeholder and is listed in `missing`.
 */
export function fromPlaceholders(
  file: string,
  text: string,
  lookup: (name: string) => string | undefined,
): { text: string; resolved: number; missing: string[] } {
  const missing = new Set<string>();
  let resolved = 0;
  const out = text.replace(PLACEHOLDER, (whole, name: string) => {
    const v = lookup(name);
    if (v === undefined) {
      missing.add(name);
      return whole;
    }
    resolved++;
    return escapes(file) ? escaped(v) : v;
  });
  return { text: out, resolved, missing: [...missing].sort() };
}

/** Whether `text` holds any `${secret:NAME}` placeholder. */
export const hasPlaceholders = (text: string): boolean => new RegExp(PLACEHOLDER.source).test(text);

/**
 * Values a changed file holds where its recorded placeholder form had a placeholder: for each template line with
 * one placeholder, the text between that line's prefix and suffix on a line of `text` that has both (a file edited
 * elsewhere, after its secret was rotated, still gives up the old value this way).
 */
export function valuesByTemplate(template: string, text: string): WrittenSecret[] {
  const out: WrittenSecret[] = [];
  const lines = text.split('\n');
  for (const line of template.split('\n')) {
    const m = [...line.matchAll(PLACEHOLDER)];
    if (m.length !== 1) continue;
    const at = m[0]!.index;
    const prefix = line.slice(0, at);
    const suffix = line.slice(at + m[0]![0].length);
    if (!prefix.trim()) continue;
    for (const l of lines) {
      if (l.length <= prefix.length + suffix.length || !l.startsWith(prefix) || !l.endsWith(suffix)) continue;
      const value = l.slice(prefix.length, l.length - suffix.length);
      if (!hasPlaceholders(value)) out.push({ name: m[0]![1]!, value });
    }
  }
  return out;
}
