import type { RuleActivation } from '../../../shared/content';
import type { ConvertCtx } from './context';
import type { RuleDialect } from './detect';
import { parseFrontmatter } from '../../library/frontmatter';
import { globList, repairWarnings, str } from './fields';
import { frontmatterText, markdownText } from './frontmatter-text';
import { baseOf, dirOf } from './names';
import type { ImportInput } from './types';
import type { ToolId } from '../../../shared/agents';

const MARKED = /<!-- ai-configurator:begin agent=([^ ]+) -->[\s\S]*?<!-- ai-configurator:end agent=\1 -->\n?/g;
const RULE_DIR =
  /(?:^|\/)\.(?:cursor\/rules|claude\/rules|github\/instructions|windsurf\/rules|devin\/rules|agents\/rules|kiro\/steering|amazonq\/rules|gemini\/rules)\//;

interface Mapped {
  readonly activation: RuleActivation;
  readonly globs: string[];
  readonly description: string;
  /** The source fields this mapping consumed. */
  readonly used: ReadonlyArray<string>;
}

/** When a rule loads, in each tool's own fields. */
export function mapActivation(dialect: RuleDialect, fm: Record<string, unknown>): Mapped {
  const description = str(fm, 'description');
  const withGlobs = (globs: string[], used: string[], fallback: RuleActivation): Mapped =>
    globs.length
      ? { activation: 'glob', globs, description, used }
      : { activation: fallback, globs: [], description, used };
  switch (dialect) {
    case 'cursor': {
      const used = ['description', 'globs', 'alwaysApply'];
      if (fm.alwaysApply === true || fm.alwaysApply === 'true')
        return { activation: 'always', globs: globList(fm.globs), description, used };
      return withGlobs(globList(fm.globs), used, description ? 'agent-requested' : 'manual');
    }
    case 'copilot': {
      const used = ['description', 'applyTo'];
      const globs = globList(fm.applyTo);
      if (globs.length === 1 && /^\*\*(\/\*)?$/.test(globs[0]!))
        return { activation: 'always', globs: [], description, used };
      return withGlobs(
        globs,
        used,
        fm.applyTo === undefined && description ? 'agent-requested' : fm.applyTo === undefined ? 'manual' : 'always',
      );
    }
    case 'windsurf': {
      const used = ['description', 'globs', 'trigger'];
      const t = str(fm, 'trigger');
      if (t === 'glob') return withGlobs(globList(fm.globs), used, 'always');
      if (t === 'model_decision') return { activation: 'agent-requested', globs: [], description, used };
      if (t === 'manual') return { activation: 'manual', globs: [], description, used };
      return { activation: 'always', globs: [], description, used };
    }
    case 'kiro': {
      const inc = str(fm, 'inclusion');
      const used = ['description', 'inclusion', 'fileMatchPattern', ...(inc === 'auto' ? ['name'] : [])];
      if (inc === 'fileMatch') return withGlobs(globList(fm.fileMatchPattern), used, 'always');
      if (inc === 'auto') return { activation: 'agent-requested', globs: [], description, used };
      if (inc === 'manual') return { activation: 'manual', globs: [], description, used };
      return { activation: 'always', globs: [], description, used };
    }
    case 'claude':
      return withGlobs(globList(fm.paths), ['description', 'paths'], 'always');
    default:
      return withGlobs(globList(fm.globs ?? fm.paths), ['description', 'globs', 'paths'], 'always');
  }
}

/** The library name of a rule file: its path inside the tool's rules folder, without the tool's extension. */
function ruleRel(rel: string): string {
  const m = RULE_DIR.exec(rel);
  const inner = m ? rel.slice(m.index + m[0].length) : baseOf(rel);
  return inner
    .replace(/\.instructions\.md$|\.mdc$|\.md$|\.markdown$/i, '')
    .replace(/^\.(cursor|windsurf)rules$/, '$1rules');
}

/** A rule file (`.mdc`, steering, instructions, ...) as `rules/<name>.md` with its activation and globs. */
export function convertRule(ctx: ConvertCtx, input: ImportInput, tool: ToolId, dialect: RuleDialect, as: string): void {
  const md = parseFrontmatter(input.text);
  const m = mapActivation(dialect, md.frontmatter);
  ctx.warnings.push(...repairWarnings(input.rel, md));
  const parts = ruleRel(input.rel).split('/');
  const dir = ['rules', ...parts.slice(0, -1)].join('/');
  const { path } = ctx.claimPath(input.rel, dir, parts[parts.length - 1]!, '.md', tool);
  writeRule(ctx, input.rel, path, m, input.text, md.body);
  ctx.bundle(tool, input.rel).rules.push(path);
  ctx.recognise(input.rel, as);
}

/** A memory file (CLAUDE.md, AGENTS.md, ...) as an always-on rule; in a subfolder, a rule for that folder. */
export function convertMemory(ctx: ConvertCtx, input: ImportInput, tool: ToolId, as: string): void {
  const body = input.text
    .replace(/^\uFEFF/, '')
    .replace(MARKED, '')
    .trim();
  if (!body) {
    ctx.skip(input.rel, 'holds only sections AI Configurator installed');
    return;
  }
  const folder = dirOf(input.rel)
    .split('/')
    .filter((s) => s && !s.startsWith('.'));
  const scoped =
    folder.length > 0 &&
    !dirOf(input.rel)
      .split('/')
      .some((s) => s.startsWith('.'));
  const raw = baseOf(input.rel).replace(/\.md$/i, '');
  const { path } = ctx.claimPath(input.rel, 'rules', scoped ? `${folder.join('-')}-${raw}` : raw, '.md', tool);
  const m: Mapped = scoped
    ? { activation: 'glob', globs: [`${folder.join('/')}/**`], description: '', used: [] }
    : { activation: 'always', globs: [], description: '', used: [] };
  writeRule(ctx, input.rel, path, m, '', body + '\n');
  ctx.bundle(tool, input.rel).rules.push(path);
  ctx.recognise(input.rel, as);
}

/** `text`: the source file, whose unmapped frontmatter fields are kept as written ('' for none). */
function writeRule(ctx: ConvertCtx, from: string, path: string, m: Mapped, text: string, body: string): void {
  const implied: RuleActivation = m.globs.length ? 'glob' : 'always';
  const mapped = {
    description: m.description || undefined,
    globs: m.globs.length ? m.globs : undefined,
    activation: m.activation === implied ? undefined : m.activation,
  };
  const fm = frontmatterText(mapped, text, new Set(m.used));
  ctx.file(from, 'rule', path, markdownText(fm, body));
}
