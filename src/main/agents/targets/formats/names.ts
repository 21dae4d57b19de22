import { AppError } from '../../../../shared/errors';
import { SKILL_NAME } from '../../../../shared/content';

/**
 * Names a tool can hold. Library names are already slugs (`[a-z0-9][a-z0-9._-]*`), but some formats are
 * stricter: skill and command names are `[a-z0-9]+(-[a-z0-9]+)*` (Claude Code, the Agent Skills spec), and a file
 * name may not hold `/`. A name that does not fit is mapped to one that does; the mapping is reported
 * (KindOutcome.mappedName) and two library names that map to the same tool name are refused.
 */
export type NameFormat = 'skill' | 'file';

/** The name in this format: the same when it fits, otherwise a deterministic mapping. */
export function toolName(name: string, format: NameFormat): string {
  if (format === 'skill') return SKILL_NAME.test(name) && name.length <= 64 ? name : skillSlug(name) || 'item';
  const mapped = name
    .replace(LONE_SURROGATE, '-')
    .replace(/[/\\\0:*?"<>|]+/g, '-')
    .replace(/^\.+/, '');
  return truncateBytes(mapped || 'item', 120);
}

/**
 * The nearest skill name (`[a-z0-9]+(-[a-z0-9]+)*`, 64 at most): lower case, every other run of characters one
 * hyphen; '' when nothing is left. Shared with the importer (import/names.ts).
 */
export function skillSlug(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

/** Half of a UTF-16 surrogate pair on its own: no file system name (nor UTF-8) can hold it. */
export const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The longest prefix of `s` (whole code points) that fits in `max` UTF-8 bytes. */
function truncateBytes(s: string, max: number): string {
  if (Buffer.byteLength(s) <= max) return s;
  let out = '';
  let bytes = 0;
  for (const ch of s) {
    bytes += Buffer.byteLength(ch);
    if (bytes > max) break;
    out += ch;
  }
  return out;
}

/** Collects the names one render gives to one kind in one tool, refusing two library items on one tool name. */
export class NameMap {
  private readonly byTool = new Map<string, string>();
  constructor(
    private readonly what: string,
    private readonly tool: string,
  ) {}

  /** The tool name for `name`; CONFLICT when another library item already maps to it. */
  take(name: string, format: NameFormat): { name: string; mapped: boolean } {
    const mapped = toolName(name, format);
    const other = this.byTool.get(mapped);
    if (other !== undefined && other !== name)
      throw new AppError(
        'CONFLICT',
        `The ${this.what} "${other}" and "${name}" would both be "${mapped}" in ${this.tool}.`,
        `Rename one of them in the library so their names differ in more than punctuation and case.`,
      );
    this.byTool.set(mapped, name);
    return { name: mapped, mapped: mapped !== name };
  }
}
