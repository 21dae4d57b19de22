import fs from 'node:fs';
import { readWalkedText } from '../workspace/boundary';
import { parseDocument } from 'yaml';
import { agentFrontmatterSchema, mcpServerSchema } from '../../shared/agents';
import { AppError } from '../../shared/errors';
import { tagsField } from '../library/frontmatter';
import { scanFolder } from '../library/scan/scan';
import { walkLibrary } from '../library/walk';
import { globToRegExp, isGlob } from './glob';

/** One finding, printed as `file:line: message` (or `file:line: rule-id: message` for a content-scan finding). */
export interface LintIssue {
  readonly file: string;
  readonly line: number;
  readonly severity: 'error' | 'warning';
  readonly message: string;
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

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** The 1-based line of the first line of `text` that starts (after indentation and "- ") with `needle`. */
function lineOf(text: string, needle: string, fallback = 1): number {
  const lines = text.split('\n');
  const i = lines.findIndex((l) =>
    l
      .replace(/^\s*(-\s+)?/, '')
      .replace(/^["']/, '')
      .startsWith(needle),
  );
  return i >= 0 ? i + 1 : fallback;
}

/**
 * Checks a library folder the way a team's CI would: frontmatter YAML, agent files against the agent schema,
 * MCP server definitions, references to files and servers that do not exist, duplicate names, and the content scan
 * (literal secrets, hidden Unicode, symlinks).
 */
export async function lintLibrary(dir: string): Promise<LintReport> {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory())
    throw new AppError(
      'NOT_FOUND',
      `${dir} is not a folder.`,
      'Run `ai-config lint` in a library folder, or pass its path.',
    );
  const files = await walkLibrary(dir);
  const issues: LintIssue[] = [];
  const add = (file: string, line: number, message: string, severity: LintIssue['severity'] = 'error') =>
    issues.push({ file, line, message, severity });
  const texts = new Map(files.map((f) => [f.rel, readWalkedText(f.abs, f.rel)]));
  const tags = new Map<string, string[]>();
  const agentNames = new Map<string, string>();
  const serverNames = new Map<string, string>();

  // Frontmatter of every Markdown file.
  const frontmatter = new Map<string, Record<string, unknown>>();
  for (const [rel, text] of texts) {
    if (!/\.(md|mdc|markdown)$/i.test(rel)) continue;
    const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const m = FENCE.exec(src);
    if (!m) {
      if (/^---\r?\n/.test(src)) add(rel, 1, 'frontmatter starts with "---" but has no closing "---" line');
      continue;
    }
    const doc = parseDocument(m[1] ?? '', { prettyErrors: true });
    if (doc.errors.length) {
      const e = doc.errors[0]!;
      add(rel, (e.linePos?.[0]?.line ?? 1) + 1, `invalid YAML frontmatter: ${e.message.split('\n')[0]}`);
      continue;
    }
    const data: unknown = doc.toJS();
    if (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data))) {
      add(rel, 2, 'frontmatter must be a YAML mapping (key: value lines)');
      continue;
    }
    const fm = (data ?? {}) as Record<string, unknown>;
    frontmatter.set(rel, fm);
    for (const t of tagsField(fm)) tags.set(t.toLowerCase(), [...(tags.get(t.toLowerCase()) ?? []), rel]);
  }

  // MCP server definitions.
  for (const [rel, text] of texts) {
    if (!/^mcp-servers\/[^/]+\.json$/.test(rel)) continue;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (e) {
      const pos = /position (\d+)/.exec((e as Error).message)?.[1];
      add(rel, pos ? text.slice(0, Number(pos)).split('\n').length : 1, `invalid JSON: ${(e as Error).message}`);
      continue;
    }
    const parsed = mcpServerSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        add(
          rel,
          lineOf(text, `"${String(issue.path[0] ?? 'transport')}"`),
          `field "${issue.path.join('.') || 'transport'}": ${issue.message}`,
        );
      continue;
    }
    const base = rel.slice('mcp-servers/'.length, -'.json'.length);
    if (parsed.data.name !== base)
      add(rel, lineOf(text, '"name"'), `name "${parsed.data.name}" does not match the file name "${base}"`);
    const dup = serverNames.get(parsed.data.name);
    if (dup) add(rel, lineOf(text, '"name"'), `duplicate MCP server name "${parsed.data.name}" (also in ${dup})`);
    else serverNames.set(parsed.data.name, rel);
  }

  // Agents: schema, references, duplicates.
  const knowledge = files.map((f) => f.rel).filter((r) => !r.startsWith('agents/') && !r.startsWith('mcp-servers/'));
  for (const [rel, fm] of frontmatter) {
    if (!rel.startsWith('agents/')) continue;
    const text = texts.get(rel)!;
    const parsed = agentFrontmatterSchema.safeParse(fm);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        add(
          rel,
          lineOf(text, `${String(issue.path[0] ?? '')}:`),
          `field "${issue.path.join('.') || '(frontmatter)'}": ${issue.message}`,
        );
      continue;
    }
    const a = parsed.data;
    const base = rel.replace(/^agents\//, '').replace(/\.md$/, '');
    if (a.name !== base.split('/').pop())
      add(rel, lineOf(text, 'name:'), `name "${a.name}" does not match the file name "${base}"`);
    const dup = agentNames.get(a.name);
    if (dup) add(rel, lineOf(text, 'name:'), `duplicate agent name "${a.name}" (also in ${dup})`);
    else agentNames.set(a.name, rel);
    for (const r of a.resources) {
      const line = lineOf(text, r);
      if (r.startsWith('tag:')) {
        if (!tags.has(r.slice(4).trim().toLowerCase()))
          add(rel, line, `no file has the tag "${r.slice(4).trim()}"`, 'warning');
      } else if (isGlob(r)) {
        const re = globToRegExp(r.replace(/^\.\//, ''));
        if (!knowledge.some((k) => re.test(k))) add(rel, line, `the glob "${r}" matches no file`, 'warning');
      } else if (!texts.has(r.replace(/^\.\//, ''))) add(rel, line, `resource "${r}" does not exist`);
    }
    for (const s of a.mcpServers)
      if (!texts.has(`mcp-servers/${s}.json`))
        add(
          rel,
          lineOf(text, s, lineOf(text, 'mcpServers:')),
          `MCP server "${s}" has no definition (mcp-servers/${s}.json)`,
        );
  }

  // Content scan: secrets, hidden Unicode, symlinks (the walk above never lists a symlink; the scan reports them).
  for (const f of (await scanFolder(dir)).findings)
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
    files: files.length,
    errors: sorted.filter((i) => i.severity === 'error').length,
    warnings: sorted.filter((i) => i.severity === 'warning').length,
    issues: sorted,
  };
}
