import fs from 'node:fs';
import path from 'node:path';
import { readWalkedText } from '../workspace/boundary';
import { agentFrontmatterSchema, mcpServerSchema } from '../../shared/agents';
import { AppError } from '../../shared/errors';
import { tagsField } from '../library/frontmatter';
import { scanFolder } from '../library/scan/scan';
import { walkLibrary, type WalkedFile } from '../library/walk';
import { globToRegExp, isGlob } from './glob';
import {
  lintCommand,
  lintHookFile,
  lintKindOf,
  lintMisplaced,
  lintPermissionsFile,
  lintRule,
  lintSkill,
  type ItemInfo,
  type LintKind,
  type SkillInfo,
} from './lint-kinds';
import { lintSelectors } from './lint-selectors';
import { fieldName, parseJson, readFrontmatter, type FieldPath, type Frontmatter, type LintFinding } from './lint-yaml';

/**
 * One finding, printed as `file:line: message` (or `file:line: rule-id: message` for a content-scan finding),
 * then `  fix: ...` when it has one.
 */
export interface LintIssue extends LintFinding {
  /** The content-scan rule (`secret/aws-key`, `unicode/bidi`, `fs/symlink`, ...); absent for the structural checks. */
  readonly rule?: string;
  readonly column?: number;
}

export interface LintReport {
  readonly dir: string;
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
  readonly issues: ReadonlyArray<LintIssue>;
}

/** A file the walk listed that is gone (or was swapped for a link, which the scan reports) when it is read. */
function vanished(e: unknown): boolean {
  return e instanceof AppError && (e.code === 'NOT_FOUND' || e.code === 'SYMLINK_REFUSED');
}

const AGENT_FIXES: Record<string, string> = {
  schemaVersion: 'write schemaVersion: 1',
  name: 'use lower-case letters, digits, ".", "_" or "-", and the file name',
  mcpServers: 'list MCP server names (the file names in mcp-servers/ without .json)',
  targets: 'list entries like { tool: claude-code, scope: project }',
};

/**
 * Checks a library folder the way a team's CI would: frontmatter YAML, every kind against its schema (rules,
 * skills, commands, hooks, permissions, agents, MCP servers), references to files and servers that do not exist,
 * agent selectors that pick nothing, duplicate names, and the content scan (literal secrets, hidden Unicode,
 * symlinks). Bad content is a finding, never an exception.
 */
export async function lintLibrary(dir: string): Promise<LintReport> {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory())
    throw new AppError(
      'NOT_FOUND',
      `${dir} is not a folder.`,
      'Run `ai-config lint` in a library folder, or pass its path.',
    );
  // The library's own layout: tool folders (`.cursor/`, `.claude/`...) are in their tools' formats, not linted here.
  return lintWalked(dir, await walkLibrary(dir, { toolFolders: false }));
}

/** {@link lintLibrary} over the files a walk listed; a file gone since the walk is skipped. */
export async function lintWalked(dir: string, files: ReadonlyArray<WalkedFile>): Promise<LintReport> {
  const issues: LintIssue[] = [];
  const add = (f: LintIssue): void => void issues.push(f);
  /** One file's checks: an unexpected exception is a finding on that file, and the lint goes on. */
  const guard = <T>(rel: string, fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (e) {
      if (vanished(e)) return undefined;
      add({
        file: rel,
        line: 1,
        severity: 'error',
        message: `could not check this file: ${(e as Error).message}`,
        fix: 'check that the file is readable; if it is, this is a bug in the lint: please report it',
      });
      return undefined;
    }
  };

  const texts = new Map<string, string>();
  for (const f of files) {
    const text = guard(f.rel, () => readWalkedText(f.abs, f.rel));
    if (text !== undefined) texts.set(f.rel, text);
  }
  const kinds = new Map<string, LintKind | undefined>([...texts.keys()].map((r) => [r, lintKindOf(r)]));

  // Frontmatter of every Markdown file (an unquoted glob is a warning, and read as meant).
  const frontmatter = new Map<string, Frontmatter>();
  const tags = new Map<string, string[]>();
  for (const [rel, text] of texts) {
    if (!/\.(md|mdc|markdown)$/i.test(rel)) continue;
    const fm = guard(rel, () => readFrontmatter(rel, text, add));
    if (!fm) continue;
    frontmatter.set(rel, fm);
    if (fm.kind === 'ok')
      for (const t of tagsField(fm.data)) tags.set(t.toLowerCase(), [...(tags.get(t.toLowerCase()) ?? []), rel]);
  }

  // Every kind by its path.
  const rules: ItemInfo[] = [];
  const commands: ItemInfo[] = [];
  const hooks: ItemInfo[] = [];
  const permissions: ItemInfo[] = [];
  const skillFolders = new Set<string>();
  for (const [rel, kind] of kinds) {
    const fm = frontmatter.get(rel);
    if (kind === 'rule' && fm) {
      guard(rel, () => lintRule(rel, fm, add));
      rules.push({ rel, name: rel, tags: fm.kind === 'ok' ? tagsField(fm.data) : [] });
    } else if (kind === 'command' && fm) {
      const c = guard(rel, () => lintCommand(rel, fm, add));
      if (c) commands.push(c);
    } else if (kind === 'hook') {
      const h = guard(rel, () => lintHookFile(rel, texts.get(rel)!, add));
      if (h) hooks.push(h);
    } else if (kind === 'permissions') {
      const p = guard(rel, () => lintPermissionsFile(rel, texts.get(rel)!, add));
      if (p) permissions.push(p);
    } else if (kind === 'skill') skillFolders.add(rel.split('/')[1]!);
    else if (kind === 'misplaced') lintMisplaced(rel, add);
  }
  // Skill folders holding no library-format file (only a script, say) are folders all the same.
  for (const folder of guard('skills', () => listFolders(path.join(dir, 'skills'))) ?? []) skillFolders.add(folder);
  const skills: SkillInfo[] = [];
  const skillFiles = new Map(
    [...texts.keys()].filter((r) => /^skills\/[^/]+\/skill\.md$/i.test(r)).map((r) => [r.toLowerCase(), r]),
  );
  for (const folder of [...skillFolders].sort()) {
    const rel = `skills/${folder}/SKILL.md`;
    const found = skillFiles.get(rel.toLowerCase());
    const other = found !== rel ? found : undefined;
    if (!frontmatter.has(rel) && other) {
      add({
        file: other,
        line: 1,
        severity: 'error',
        message: `the skill file must be named SKILL.md (upper case), not ${other.split('/').pop()}`,
        fix: `rename it to ${rel}`,
      });
      continue;
    }
    const s = guard(rel, () => lintSkill(folder, frontmatter.get(rel), add));
    if (s) skills.push(s);
  }

  // MCP server definitions.
  const serverNames = new Map<string, string>();
  for (const [rel, text] of texts) {
    if (kinds.get(rel) !== 'mcp-server') continue;
    guard(rel, () => {
      const json = parseJson(text);
      if (!json.ok) {
        add({
          file: rel,
          line: json.line,
          severity: 'error',
          message: `invalid JSON: ${json.message}`,
          fix: 'fix the JSON syntax (no trailing commas, double-quoted keys)',
        });
        return;
      }
      const parsed = mcpServerSchema.safeParse(json.source.data);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const p = issue.path as FieldPath;
          add({
            file: rel,
            line: p.length ? json.source.lineAt(p) : json.source.lineAt(['transport']),
            severity: 'error',
            field: fieldName(p) || 'transport',
            message: `field "${p.join('.') || 'transport'}": ${issue.message}`,
            fix: 'stdio servers need command (args, env); http servers need url (headers)',
          });
        }
        return;
      }
      const base = rel.slice('mcp-servers/'.length, -'.json'.length);
      const line = json.source.lineAt(['name']);
      if (parsed.data.name !== base)
        add({
          file: rel,
          line,
          severity: 'error',
          field: 'name',
          message: `name "${parsed.data.name}" does not match the file name "${base}"`,
          fix: `set "name": "${base}", or rename the file`,
        });
      const dup = serverNames.get(parsed.data.name);
      if (dup)
        add({
          file: rel,
          line,
          severity: 'error',
          field: 'name',
          message: `duplicate MCP server name "${parsed.data.name}" (also in ${dup})`,
          fix: 'give each server its own name',
        });
      else serverNames.set(parsed.data.name, rel);
    });
  }

  // Agents: schema, references, selectors, duplicates.
  const catalog = { rules, skills, commands, hooks, permissions, kinds };
  const knowledge = [...texts.keys()].filter((r) => !r.startsWith('agents/') && !r.startsWith('mcp-servers/'));
  const agentNames = new Map<string, string>();
  for (const [rel, fm] of frontmatter) {
    if (kinds.get(rel) !== 'agent') continue;
    guard(rel, () => {
      if (fm.kind === 'invalid') return;
      if (fm.kind === 'none') {
        add({
          file: rel,
          line: 1,
          severity: 'error',
          field: 'schemaVersion',
          message: 'an agent file needs frontmatter (schemaVersion: 1, name)',
          fix: 'start the file with "---", "schemaVersion: 1", "name: <file name>", "---"',
        });
        return;
      }
      const src = fm.source;
      const parsed = agentFrontmatterSchema.safeParse(fm.data);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const p = issue.path as FieldPath;
          const key = String(p[0] ?? '');
          add({
            file: rel,
            line: src.lineAt(p),
            severity: 'error',
            field: fieldName(p) || '(frontmatter)',
            message: `field "${p.join('.') || '(frontmatter)'}": ${issue.message}`,
            fix: AGENT_FIXES[key] ?? `correct "${fieldName(p)}" (see assets/starter-library/agents/ for examples)`,
          });
        }
        return;
      }
      const a = parsed.data;
      const base = rel.replace(/^agents\//, '').replace(/\.md$/, '');
      const nameLine = src.lineAt(['name']);
      if (a.name !== base.split('/').pop())
        add({
          file: rel,
          line: nameLine,
          severity: 'error',
          field: 'name',
          message: `name "${a.name}" does not match the file name "${base}"`,
          fix: `set name: ${base.split('/').pop()}, or rename the file`,
        });
      const dup = agentNames.get(a.name);
      if (dup)
        add({
          file: rel,
          line: nameLine,
          severity: 'error',
          field: 'name',
          message: `duplicate agent name "${a.name}" (also in ${dup})`,
          fix: 'give each agent its own name',
        });
      else agentNames.set(a.name, rel);
      a.resources.forEach((r, i) => {
        const line = src.lineAt(['resources', i]);
        const field = `resources[${i}]`;
        if (r.startsWith('tag:')) {
          if (!tags.has(r.slice(4).trim().toLowerCase()))
            add({
              file: rel,
              line,
              severity: 'warning',
              field,
              message: `no file has the tag "${r.slice(4).trim()}"`,
              fix: 'correct the tag, or tag the files it should pick',
            });
        } else if (isGlob(r)) {
          const re = globToRegExp(r.replace(/^\.\//, ''));
          if (!knowledge.some((k) => re.test(k)))
            add({
              file: rel,
              line,
              severity: 'warning',
              field,
              message: `the glob "${r}" matches no file`,
              fix: 'correct the glob (paths are relative to the library root)',
            });
        } else if (!texts.has(r.replace(/^\.\//, '')))
          add({
            file: rel,
            line,
            severity: 'error',
            field,
            message: `resource "${r}" does not exist`,
            fix: 'correct the path (relative to the library root), or remove it',
          });
      });
      lintSelectors(rel, a, src, catalog, add);
      a.mcpServers.forEach((s, i) => {
        if (!texts.has(`mcp-servers/${s}.json`))
          add({
            file: rel,
            line: src.lineAt(['mcpServers', i]),
            severity: 'error',
            field: `mcpServers[${i}]`,
            message: `MCP server "${s}" has no definition (mcp-servers/${s}.json)`,
            fix: `add mcp-servers/${s}.json, or remove "${s}"`,
          });
      });
    });
  }

  // Content scan: secrets, hidden Unicode, symlinks (the walk above never lists a symlink; the scan reports them).
  const scan = await scanFolder(dir).catch((e: unknown) => {
    add({ file: '.', line: 1, severity: 'error', message: `the content scan failed: ${(e as Error).message}` });
    return { findings: [] };
  });
  for (const f of scan.findings)
    issues.push({
      file: f.file,
      line: f.line,
      severity: f.severity,
      message: f.message,
      rule: f.rule,
      ...(f.column ? { column: f.column } : {}),
    });

  const sorted = issues.sort((x, y) => (x.file < y.file ? -1 : x.file > y.file ? 1 : x.line - y.line));
  return {
    dir,
    files: texts.size,
    errors: sorted.filter((i) => i.severity === 'error').length,
    warnings: sorted.filter((i) => i.severity === 'warning').length,
    issues: sorted,
  };
}

/** The sub-folders of `dir` (not links), or none when it does not exist. */
function listFolders(dir: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw e;
  }
  return entries.filter((d) => d.isDirectory() && !d.name.startsWith('.')).map((d) => d.name);
}
