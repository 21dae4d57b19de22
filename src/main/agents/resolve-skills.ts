import fs from 'node:fs';
import path from 'node:path';
import { skillFrontmatterSchema, SKILL_NAME } from '../../shared/content';
import { AppError } from '../../shared/errors';
import { PERSONAL_SOURCE } from '../../shared/library';
import { parseFrontmatter } from '../library/frontmatter';
import { libraryRoot, lstatInRoot, personalRoot, readInRoot, type FsRoot } from '../workspace/boundary';
import { binaryTag, hasNul } from './binary-content';
import type { LibraryFileRef } from './library-files';
import { selectItems, type Selectable } from './select';
import type { SkillContent, SkillFile } from './targets/types';

/** A skill folder above either cap is refused (a skill is instructions and a few scripts, not a data set). */
export const SKILL_MAX_BYTES = 10 * 1024 * 1024;
export const SKILL_MAX_FILES = 500;

/** `skills/<name>/SKILL.md`, or the same in a tool folder (`.claude/skills/<name>/SKILL.md`, `.agents/skills/...`). */
const SKILL_FILE = /^((?:\.(?:claude|cursor|github|agents|kiro|devin)\/)?skills)\/([^/]+)\/SKILL\.md$/;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The boundary root of the source a walked file belongs to (its absolute path minus its library path). */
export function sourceRootOf(f: Pick<LibraryFileRef, 'source' | 'path' | 'abs'>): FsRoot {
  const dir = f.abs.slice(0, f.abs.length - f.path.length).replace(/[\\/]+$/, '');
  return f.source === PERSONAL_SOURCE ? personalRoot(dir) : libraryRoot(dir);
}

interface SkillCandidate extends Selectable {
  readonly file: LibraryFileRef;
  readonly folder: string;
}

/** Every skill folder (winning `skills/<name>/SKILL.md` per name), selectable by name, folder path, glob or tag. */
function skillCandidates(files: ReadonlyArray<LibraryFileRef>): SkillCandidate[] {
  const out: SkillCandidate[] = [];
  for (const f of files) {
    const m = SKILL_FILE.exec(f.path);
    if (!m) continue;
    const folder = `${m[1]}/${m[2]}`;
    out.push({ name: m[2]!, paths: [folder, f.path], tags: () => f.tags, file: f, folder });
  }
  return out;
}

/**
 * The skills an agent's `skills` selectors pick. The winning SKILL.md's source supplies the whole folder (the
 * precedence of files, at the folder level).
 */
export function resolveSkills(
  entries: ReadonlyArray<string>,
  files: ReadonlyArray<LibraryFileRef>,
  warnings: string[],
): SkillContent[] {
  const out: SkillContent[] = [];
  for (const c of selectItems('skill', entries, skillCandidates(files), warnings)) {
    const skill = loadSkill(c.file, c.folder, c.name, warnings);
    if (skill) out.push(skill);
  }
  return out;
}

/** Reads one skill folder; undefined (with a warning) when its SKILL.md is not a valid skill. */
function loadSkill(f: LibraryFileRef, folder: string, name: string, warnings: string[]): SkillContent | undefined {
  const where = `${f.source}/${folder}`;
  const files = walkSkillFolder(sourceRootOf(f), folder, where, warnings);
  const skillMd = files.find((x) => x.rel === 'SKILL.md');
  if (!skillMd) {
    warnings.push(`The skill ${where} was not installed: its SKILL.md could not be read.`);
    return undefined;
  }
  const md = parseFrontmatter(skillMd.content);
  if (md.error) {
    warnings.push(`The skill ${where} was not installed: SKILL.md frontmatter is not valid YAML (${md.error}).`);
    return undefined;
  }
  const parsed = skillFrontmatterSchema.safeParse(md.frontmatter);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    warnings.push(
      `The skill ${where} was not installed: SKILL.md field "${issue.path.join('.') || 'frontmatter'}" ` +
        `${issue.message}. A skill needs a name and a description.`,
    );
    return undefined;
  }
  if (parsed.data.name !== name)
    warnings.push(`The skill ${where}: SKILL.md names it "${parsed.data.name}"; it is installed as "${name}".`);
  if (!SKILL_NAME.test(name))
    warnings.push(`The skill ${where}: "${name}" is not a valid skill name (lower-case letters, digits, hyphens).`);
  return {
    name,
    description: parsed.data.description,
    source: f.source,
    path: folder,
    files: [skillMd, ...files.filter((x) => x !== skillMd)],
    frontmatter: md.frontmatter,
    body: md.body,
  };
}

/**
 * Every file of a skill folder, read through the boundary: symlinks are refused (never followed, a warning names
 * them), `.git` is skipped, files that are not UTF-8 are skipped with a warning. LIMIT_EXCEEDED above the caps.
 */
export function walkSkillFolder(root: FsRoot, folder: string, where: string, warnings: string[]): SkillFile[] {
  const out: SkillFile[] = [];
  let bytes = 0;
  let count = 0;
  const tooLarge = (what: string) =>
    new AppError(
      'LIMIT_EXCEEDED',
      `The skill ${where} is too large to install (${what}; at most ${SKILL_MAX_FILES} files and ` +
        `${SKILL_MAX_BYTES / 1024 / 1024} MiB).`,
      `Move large assets out of ${folder}/ or remove the skill from the agent's skills.`,
    );
  const visit = (relDir: string, inSkill: string) => {
    if (!lstatInRoot(root, relDir)?.isDirectory()) return;
    const names = fs.readdirSync(path.join(root.dir, ...relDir.split('/'))).sort();
    for (const n of names) {
      if (n === '.git') continue;
      const rel = `${relDir}/${n}`;
      const inRel = inSkill ? `${inSkill}/${n}` : n;
      const raw = fs.lstatSync(path.join(root.dir, ...rel.split('/')), { throwIfNoEntry: false });
      if (!raw) continue;
      if (raw.isSymbolicLink()) {
        warnings.push(`The skill ${where}: ${inRel} is a symbolic link; refused (links are never followed).`);
        continue;
      }
      if (raw.isDirectory()) {
        visit(rel, inRel);
        continue;
      }
      if (!raw.isFile()) {
        warnings.push(`The skill ${where}: ${inRel} is not a regular file; skipped.`);
        continue;
      }
      count += 1;
      bytes += raw.size;
      if (count > SKILL_MAX_FILES) throw tooLarge(`more than ${SKILL_MAX_FILES} files`);
      if (bytes > SKILL_MAX_BYTES) throw tooLarge(`more than ${SKILL_MAX_BYTES / 1024 / 1024} MiB`);
      const buf = readInRoot(root, rel);
      if (!buf) continue;
      const exec = (raw.mode & 0o111) !== 0 ? { executable: true } : {};
      // A binary file (an image, a font, a compiled helper) is installed byte for byte.
      if (hasNul(buf)) {
        out.push({ rel: inRel, content: binaryTag(buf), bytes: buf, ...exec });
        continue;
      }
      let content: string;
      try {
        content = utf8.decode(buf);
      } catch {
        warnings.push(
          `The skill ${where}: ${inRel} is neither UTF-8 text nor binary (no NUL byte: text in another encoding); ` +
            'skipped: save it as UTF-8.',
        );
        continue;
      }
      out.push({ rel: inRel, content, ...exec });
    }
  };
  visit(folder, '');
  return out;
}
