import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import {
  LINT_RULES,
  type LintIssue,
  type LintOverrides,
  type LintReport,
  type LintRuleId,
  type LintSeverity,
} from '../../shared/lint';
import { tagsField } from '../library/frontmatter';
import { scanFolder } from '../library/scan/scan';
import { lintAgent, type AgentContext } from './lint-agents';
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
import { lintMcpServer } from './lint-mcp';
import { inToolArea } from '../library/tool-folders';
import { blankJsonc, emptyToolServerMap, lintTomlCommand } from './lint-tool-folders';
import { readForLint, walkForLint, type LintFile } from './lint-read';
import { readFrontmatter, type Frontmatter, type LintFinding } from './lint-yaml';

export type { LintIssue, LintReport } from '../../shared/lint';

export interface LintOptions {
  /** Per-rule severities (`off` drops the rule), e.g. from `ai-config lint --rule id=warning`. */
  readonly rules?: LintOverrides;
}

/**
 * Checks a library folder the way a team's CI would: frontmatter YAML, every kind against its schema (rules,
 * skills, commands, hooks, permissions, agents, MCP servers), references to files and servers that do not exist,
 * agent selectors that pick nothing, duplicate names, and the content scan (literal secrets, hidden Unicode,
 * symlinks). Bad content, and a file that cannot be read, is a finding with a rule id, never an exception.
 */
export async function lintLibrary(dir: string, opts: LintOptions = {}): Promise<LintReport> {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory())
    throw new AppError(
      'NOT_FOUND',
      `${dir} is not a folder.`,
      'Run `ai-config lint` in a library folder, or pass its path.',
    );
  const walkFindings: LintFinding[] = [];
  const files = await walkForLint(dir, (f) => void walkFindings.push(f));
  return lintWalked(dir, files, opts, walkFindings);
}

/** {@link lintLibrary} over the files a walk listed; a file gone since the walk is a `file/vanished` finding. */
export async function lintWalked(
  dir: string,
  files: ReadonlyArray<LintFile>,
  opts: LintOptions = {},
  earlier: ReadonlyArray<LintFinding> = [],
): Promise<LintReport> {
  const issues: LintFinding[] = [...earlier];
  const add = (f: LintFinding): void => void issues.push(f);
  /** One file's checks: an unexpected exception is a finding on that file, and the lint goes on. */
  const guard = <T>(rel: string, fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (e) {
      add({
        file: rel,
        line: 1,
        rule: 'lint/internal-error',
        message: `could not check this file: ${(e as Error).message}`,
        fix: 'check that the file is readable; if it is, this is a bug in the lint: please report it',
      });
      return undefined;
    }
  };

  const texts = readForLint(dir, files, add);
  const kinds = new Map<string, LintKind | undefined>([...texts.keys()].map((r) => [r, lintKindOf(r)]));

  // Frontmatter of every Markdown file (what the tools read; not strict YAML is a warning).
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
    } else if (kind === 'toml-command') guard(rel, () => lintTomlCommand(rel, texts.get(rel)!, add));
    else if (kind === 'hook') {
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
  const notFiles = new Set(issues.filter((i) => i.rule === 'file/not-a-file').map((i) => i.file.toLowerCase()));
  const skills: SkillInfo[] = [];
  const skillFiles = new Map(
    [...texts.keys()].filter((r) => /^skills\/[^/]+\/skill\.md$/i.test(r)).map((r) => [r.toLowerCase(), r]),
  );
  for (const folder of [...skillFolders].sort()) {
    const rel = `skills/${folder}/SKILL.md`;
    // Reported already: unreadable, binary, a folder.
    if (notFiles.has(rel.toLowerCase()) || issues.some((i) => i.file === rel && i.rule.startsWith('file/'))) continue;
    const found = skillFiles.get(rel.toLowerCase());
    const other = found !== rel ? found : undefined;
    if (!frontmatter.has(rel) && other) {
      add({
        file: other,
        line: 1,
        rule: 'skill/skill-md-case',
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
  for (const [rel, text] of texts)
    if (kinds.get(rel) === 'mcp-server')
      guard(rel, () => {
        // A tool's own MCP file (`.vscode/mcp.json`...) may have comments and trailing commas, or no server yet.
        const json = inToolArea(rel) ? blankJsonc(text) : text;
        if (!inToolArea(rel) || !emptyToolServerMap(json)) lintMcpServer(rel, json, serverNames, add);
      });

  // Agents: schema, references, selectors, duplicates; or a tool's own agent file.
  const vanished = new Set(issues.filter((i) => i.rule === 'file/vanished').map((i) => i.file));
  const ctx: AgentContext = {
    catalog: { rules, skills, commands, hooks, permissions, kinds },
    present: new Set(files.map((f) => f.rel).filter((r) => !vanished.has(r))),
    tags,
    knowledge: [...texts.keys()].filter((r) => !r.startsWith('agents/') && !r.startsWith('mcp-servers/')),
    names: new Map(),
  };
  for (const [rel, fm] of frontmatter) if (kinds.get(rel) === 'agent') guard(rel, () => lintAgent(rel, fm, ctx, add));

  // Content scan: secrets, hidden Unicode, symlinks (the walk above never lists a symlink; the scan reports them).
  const scan = await scanFolder(dir).catch((e: unknown) => {
    add({ file: '.', line: 1, rule: 'scan/failed', message: `the content scan failed: ${(e as Error).message}` });
    return { findings: [] };
  });
  for (const f of scan.findings)
    issues.push({
      file: f.file,
      line: f.line,
      rule: f.rule,
      message: f.message,
      ...(f.column ? { col: f.column } : {}),
    });

  return report(dir, texts.size, issues, opts.rules ?? {});
}

/** The findings with their severities (the rule's, or its override), deduplicated and sorted. */
function report(dir: string, files: number, found: LintFinding[], overrides: LintOverrides): LintReport {
  const scanned = new Set(found.filter((f) => f.rule.startsWith('secret/')).map((f) => `${f.file}:${f.line}`));
  const links = new Set<string>();
  const issues: LintIssue[] = [];
  for (const f of found) {
    // One finding per literal secret (the scan's, which names its kind) and per symlink.
    if (f.rule === 'mcp/secret-literal' && scanned.has(`${f.file}:${f.line}`)) continue;
    if (f.rule === 'fs/symlink') {
      if (links.has(f.file)) continue;
      links.add(f.file);
    }
    const level = overrides[f.rule] ?? LINT_RULES[f.rule].severity;
    if (level === 'off') continue;
    issues.push(issueOf(f, level));
  }
  issues.sort(
    (x, y) =>
      (x.file < y.file ? -1 : x.file > y.file ? 1 : 0) ||
      x.line - y.line ||
      x.col - y.col ||
      (x.rule < y.rule ? -1 : x.rule > y.rule ? 1 : 0),
  );
  const count = (s: LintSeverity): number => issues.filter((i) => i.severity === s).length;
  return { dir, files, errors: count('error'), warnings: count('warning'), infos: count('info'), issues };
}

function issueOf(f: LintFinding, severity: LintSeverity): LintIssue {
  const rule: LintRuleId = f.rule;
  return {
    file: f.file,
    line: Math.max(1, Math.floor(f.line) || 1),
    col: Math.max(1, Math.floor(f.col ?? 1) || 1),
    severity,
    rule,
    message: f.message,
    ...(f.field ? { field: f.field } : {}),
    fix: f.fix ?? LINT_RULES[rule].fix,
  };
}

/** The sub-folders of `dir` (not links), or none when it does not exist. */
function listFolders(dir: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // Gone, or unreadable (the walk reports that).
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EACCES' || code === 'EPERM') return [];
    throw e;
  }
  return entries.filter((d) => d.isDirectory() && !d.name.startsWith('.')).map((d) => d.name);
}
