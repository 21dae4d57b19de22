import type { ToolId } from '../../../shared/agents';
import type { ConvertCtx } from './context';
import { parseFrontmatter } from '../../library/frontmatter';
import { foldersImportedAs } from '../../library/tool-folder-table';
import { str } from './fields';
import { baseOf, dirOf, skillName } from './names';
import type { ImportInput } from './types';

/** [folder, tool] for skill folders (from tool-folder-table.ts). */
const SKILL_TOOLS: ReadonlyArray<[string, ToolId]> = foldersImportedAs('skill').map((f) => [f.dir, f.tool]);

/** The folders that hold a SKILL.md, deepest first (a skill's files belong to the nearest one). */
export function skillRoots(inputs: ReadonlyArray<ImportInput>): string[] {
  return inputs
    .filter((i) => baseOf(i.rel) === 'SKILL.md')
    .map((i) => dirOf(i.rel))
    .sort((a, b) => b.length - a.length || a.localeCompare(b));
}

/** The skill folder an input is in, if any. */
export function skillRootOf(rel: string, roots: ReadonlyArray<string>): string | undefined {
  return roots.find((r) => r === '' || rel.startsWith(`${r}/`));
}

/** The tool a skill folder belongs to: the first skill folder of the table it is under (else Claude Code). */
export function skillToolOf(root: string): ToolId {
  return SKILL_TOOLS.find(([d]) => root.startsWith(`${d}/`) || root.includes(`/${d}/`))?.[1] ?? 'claude-code';
}

/** A skill folder as `skills/<name>/`: SKILL.md and every file beside it, same layout, same bytes. */
export function convertSkill(ctx: ConvertCtx, root: string, files: ReadonlyArray<ImportInput>): void {
  const skillMd = files.find((f) => f.rel === (root ? `${root}/SKILL.md` : 'SKILL.md'))!;
  const md = parseFrontmatter(skillMd.text);
  const raw = root ? baseOf(root) : str(md.frontmatter, 'name') || ctx.label;
  const tool = skillToolOf(root);
  let name = skillName(raw);
  const rel = (f: ImportInput) => (root ? f.rel.slice(root.length + 1) : f.rel);
  const prev = ctx.files.filter((f) => f.path.startsWith(`skills/${name}/`));
  if (prev.length && sameSkill(prev, files, rel, name)) {
    for (const f of files) ctx.merged.push({ from: f.rel, into: `skills/${name}/${rel(f)}`, reason: 'the same skill' });
    ctx.bundle(tool, skillMd.rel).skills.push(name);
    return;
  }
  if (prev.length) name = skillName(`${name}-${tool}`);
  for (let i = 2; ctx.taken(`skills/${name}/SKILL.md`); i++) name = skillName(`${raw}-${tool}-${i}`);
  if (name !== raw) ctx.renamed(skillMd.rel, raw, name);
  if (!str(md.frontmatter, 'description'))
    ctx.warnings.push(
      `${skillMd.rel}: the skill has no description; tools load a skill by it: add one to its SKILL.md.`,
    );
  for (const f of [...files].sort((a, b) => (a === skillMd ? -1 : b === skillMd ? 1 : a.rel.localeCompare(b.rel)))) {
    const content =
      f === skillMd && name !== str(md.frontmatter, 'name') ? renamed(f.text, name, 'name' in md.frontmatter) : f.text;
    if (f.bytes) {
      const exec = f.executable ? { executable: f.executable } : {};
      ctx.add({ from: f.rel, kind: 'skill', path: `skills/${name}/${rel(f)}`, content: '', bytes: f.bytes, ...exec });
    } else ctx.file(f.rel, 'skill', `skills/${name}/${rel(f)}`, content, f.executable);
    ctx.recognise(f.rel, f === skillMd ? 'skill' : `a file of the skill ${name}`);
  }
  ctx.bundle(tool, skillMd.rel).skills.push(name);
}

function sameSkill(
  prev: ReadonlyArray<{ path: string; content: string; bytes?: Buffer }>,
  files: ReadonlyArray<ImportInput>,
  rel: (f: ImportInput) => string,
  name: string,
): boolean {
  if (prev.length !== files.length) return false;
  const same = (p: (typeof prev)[number], f: ImportInput) =>
    p.bytes || f.bytes ? !!p.bytes && !!f.bytes && p.bytes.equals(f.bytes) : p.content === f.text;
  return files.every((f) => prev.some((p) => p.path === `skills/${name}/${rel(f)}` && same(p, f)));
}

/** SKILL.md with its `name:` set to the folder's name (the library requires the two to match). */
function renamed(text: string, name: string, hasName: boolean): string {
  if (hasName) return text.replace(/^(\uFEFF?---\r?\n(?:[\s\S]*?\r?\n)?name:[ \t]*)[^\r\n]*/, `$1${name}`);
  if (/^\uFEFF?---\r?\n/.test(text)) return text.replace(/^(\uFEFF?---\r?\n)/, `$1name: ${name}\n`);
  return `---\nname: ${name}\ndescription: ${name}\n---\n\n${text}`;
}
