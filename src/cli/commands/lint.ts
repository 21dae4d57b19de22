import path from 'node:path';
import type { Command } from 'commander';
import { isLintRuleId, LINT_LEVELS, type LintLevel, type LintRuleId } from '../../shared/lint';
import type { CommandRunner } from '../command';
import { EXIT, UsageError } from '../output';
import { LINT_DOCS, LINT_FORMATS, lintJson, lintSarif, lintText, type LintFormat } from './lint-format';

const LINT_DESCRIPTION =
  'Check a library folder (frontmatter YAML; rules, skills, commands, hooks, permissions, agents and MCP servers ' +
  'against their schemas; missing references, selectors that pick nothing, duplicate names) and scan it for ' +
  'literal secrets, hidden Unicode and symlinks; prints file:line:col: severity rule-id: message (and ' +
  '"  fix: ..." under it), or JSON or SARIF, and exits 1 when there is an error (warnings and info exit 0), for CI. ' +
  `Every rule is described in ${LINT_DOCS}.`;

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** `--rule id=level` flags as overrides; a wrong id or level is a usage error naming it. */
function parseRuleFlags(flags: ReadonlyArray<string>): Partial<Record<LintRuleId, LintLevel>> {
  const out: Partial<Record<LintRuleId, LintLevel>> = {};
  for (const f of flags) {
    const m = /^([^=\s]+)=(\S+)$/.exec(f.trim());
    if (!m) throw new UsageError(`--rule takes ID=LEVEL (e.g. --rule command/description-missing=off), not "${f}".`);
    const [, id, level] = m as unknown as [string, string, string];
    if (!isLintRuleId(id))
      throw new UsageError(`--rule: "${id}" is not a lint rule id (they are listed in ${LINT_DOCS}).`);
    if (!(LINT_LEVELS as ReadonlyArray<string>).includes(level))
      throw new UsageError(`--rule ${id}: the level must be one of ${LINT_LEVELS.join(', ')}, not "${level}".`);
    out[id] = level as LintLevel;
  }
  return out;
}

export function registerLint(program: Command, run: CommandRunner): void {
  program
    .command('lint [dir]')
    .description(LINT_DESCRIPTION)
    .option('--format <format>', `output format: ${LINT_FORMATS.join(', ')} (default text)`)
    .option('--rule <id=level>', `set a rule's severity: ${LINT_LEVELS.join(', ')} (repeatable)`, collect)
    .option('--json', 'print the whole report (counts and findings) as JSON')
    .action((dir: string | undefined, opts: { json?: boolean; format?: string; rule?: string[] }) =>
      run('lint', opts, async (ctx) => {
        const format = (opts.format ?? 'text') as LintFormat;
        if (!LINT_FORMATS.includes(format))
          throw new UsageError(`--format must be one of ${LINT_FORMATS.join(', ')}, not "${opts.format}".`);
        const rules = parseRuleFlags(opts.rule ?? []);
        const r = await ctx.call('agents:lint', {
          dir: path.resolve(dir ?? '.'),
          ...(Object.keys(rules).length ? { rules } : {}),
        });
        if (r.errors > 0) ctx.exitCode = EXIT.failure;
        if (ctx.flags.json) return r;
        ctx.io.out(format === 'json' ? lintJson(r) : format === 'sarif' ? lintSarif(r) : lintText(r));
        return undefined;
      }),
    );
}
