import path from 'node:path';
import type { Command } from 'commander';
import type { CommandRunner } from '../command';
import { EXIT } from '../output';

const LINT_DESCRIPTION =
  'Check a library folder (frontmatter YAML; rules, skills, commands, hooks, permissions, agents and MCP servers ' +
  'against their schemas; missing references, selectors that pick nothing, duplicate names) and scan it for ' +
  'literal secrets, hidden Unicode and symlinks; prints file:line: [rule-id:] message (and "  fix: ..." under it) ' +
  'and exits 1 on any error, for CI.';

export function registerLint(program: Command, run: CommandRunner): void {
  program
    .command('lint [dir]')
    .description(LINT_DESCRIPTION)
    .option('--json', 'print the findings as JSON')
    .action((dir: string | undefined, opts: { json?: boolean }) =>
      run('lint', opts, async (ctx) => {
        const r = await ctx.call('agents:lint', { dir: path.resolve(dir ?? '.') });
        if (r.errors > 0) ctx.exitCode = EXIT.failure;
        if (ctx.flags.json) return r;
        for (const i of r.issues) {
          ctx.io.out(
            `${i.file}:${i.line}: ${i.severity === 'warning' ? 'warning: ' : ''}${i.rule ? `${i.rule}: ` : ''}${i.message}\n`,
          );
          if (i.fix) ctx.io.out(`  fix: ${i.fix}\n`);
        }
        ctx.io.out(`${r.files} files checked: ${r.errors} error(s), ${r.warnings} warning(s).\n`);
        return undefined;
      }),
    );
}
