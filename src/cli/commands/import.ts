import path from 'node:path';
import type { Command } from 'commander';
import type { ImportFileReport, ImportResult } from '../../shared/agents';
import { isGitUrl } from '../../shared/import-target';
import type { CommandRunner } from '../command';
import type { Io } from '../output';

const IMPORT_DESCRIPTION =
  'Turn existing tool configs into personal library files of every kind: rules (CLAUDE.md, AGENTS.md, .mdc, ' +
  'steering, instructions), skills (whole folders), commands and prompt files, hooks, permissions and ignore ' +
  'files, MCP servers, agents (subagents, Q/Kiro agent JSON); one agent per tool installs them back. Takes a ' +
  'folder (walked recursively, vendor folders skipped), a file, or a Git repository URL (cloned shallow, then ' +
  'removed). Prints what became of each file looked at: imported, merged or skipped, and why.';

/** `imported  .cursor/rules/ts.mdc  as Cursor rule -> rules/ts.md, agents/app-cursor.md` */
export function fileLine(f: ImportFileReport): string {
  const as = f.as ? `  as ${f.as}` : '';
  if (f.outcome === 'imported') return `imported  ${f.from}${as} -> ${f.paths.join(', ')}\n`;
  if (f.outcome === 'merged') return `merged    ${f.from}${as} into ${f.paths.join(', ')} (${f.reason ?? 'merged'})\n`;
  return `skipped   ${f.from}: ${f.reason ?? 'skipped'}\n`;
}

function printResult(io: Io, r: ImportResult): void {
  for (const f of r.files) io.out(fileLine(f));
  if (r.otherFiles) io.out(`(${r.otherFiles} other file(s) are no tool config type and were not looked at)\n`);
  if (r.items.length) io.out('\n');
  for (const i of r.items) io.out(`${i.action.padEnd(9)} ${i.kind.padEnd(10)} ${i.path}  <- ${i.from}\n`);
  for (const w of r.warnings) io.out(`warning: ${w}\n`);
  const n = (o: ImportFileReport['outcome']) => r.files.filter((f) => f.outcome === o).length;
  const a = (x: string) => r.items.filter((i) => i.action === x).length;
  io.out(
    `\n${r.files.length} file(s) looked at: ${n('imported')} imported, ${n('merged')} merged, ${n('skipped')} ` +
      `skipped. Library files: ${a('create')} new, ${a('unchanged')} unchanged, ${a('conflict')} conflict(s).\n`,
  );
  io.out(
    r.dryRun
      ? `Dry run: ${a('create')} file(s) would be created; nothing was written.\n`
      : `${r.written} file(s) created in the personal workspace.\n`,
  );
}

export function registerImport(program: Command, run: CommandRunner): void {
  program
    .command('import <path-or-git-url>')
    .description(IMPORT_DESCRIPTION)
    .option('--dry-run', 'show what would become what and write nothing')
    .option('--json', 'print the result as JSON')
    .action((target: string, opts: { json?: boolean; dryRun?: boolean }) =>
      run('import', opts, async (ctx) => {
        const url = isGitUrl(target) ? target : undefined;
        const r = await ctx.call('agents:import', {
          ...(url ? { url } : { path: path.resolve(target) }),
          ...(opts.dryRun ? { dryRun: true } : {}),
        });
        if (!r.files.some((f) => f.outcome !== 'skipped')) {
          ctx.exitCode = 1;
          if (!ctx.flags.json) {
            printResult(ctx.io, r);
            ctx.io.err(
              `Nothing in ${target} was recognised as a tool config; nothing was imported.\n` +
                'Hint: point `ai-config import` at a project folder or file that holds CLAUDE.md, AGENTS.md, ' +
                '.cursor/rules/*.mdc, .mcp.json or other tool configs (see `ai-config import --help`).\n',
            );
          }
          return ctx.flags.json ? r : undefined;
        }
        if (ctx.flags.json) return r;
        printResult(ctx.io, r);
        return undefined;
      }),
    );
}
