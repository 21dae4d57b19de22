import type { Command } from 'commander';
import type { ToolInfo } from '../../shared/tools';
import type { CommandRunner } from '../command';

const DESCRIPTION =
  'List every AI tool target: its scopes, the files it reads for each kind of content (with the doc checked), ' +
  'its format version, what supersedes it, and whether it is on this machine.';

/** A compact table: columns padded to their widest cell. */
function table(rows: ReadonlyArray<ReadonlyArray<string>>, indent: string): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows
    .map(
      (r) =>
        indent +
        r
          .map((cell, c) => cell.padEnd(widths[c]!))
          .join('  ')
          .trimEnd() +
        '\n',
    )
    .join('');
}

/** One block per tool, as `ai-config tools` prints it. */
export function formatTool(t: ToolInfo): string {
  const legacy = t.supersededBy ? `  (legacy: superseded by ${t.supersededBy})` : '';
  let out = `${t.id}  ${t.label}  ${t.present ? 'present' : 'not found'}${legacy}\n`;
  out += `  scopes: ${t.scopes.join(', ')}   format: ${t.formatVersion}\n`;
  if (!t.surfaces.length) return out + '  surfaces: none listed yet\n';
  const rows = [
    ['KIND', 'SCOPE', 'PATH', 'CHECKED', 'DOC'],
    ...t.surfaces.map((s) => [s.kind, s.scope, s.path, s.checked, s.docUrl + (s.note ? `  (${s.note})` : '')]),
  ];
  return out + table(rows, '  ');
}

export function registerTools(program: Command, run: CommandRunner): void {
  program
    .command('tools')
    .description(DESCRIPTION)
    .option('--json', 'print the tools as JSON')
    .action((opts: { json?: boolean }) =>
      run('tools', opts, async (ctx) => {
        const { tools } = await ctx.call('tools:list', {});
        if (ctx.flags.json) return tools;
        ctx.io.out(tools.map(formatTool).join('\n'));
        const here = tools.filter((t) => t.present).length;
        ctx.io.out(`\n${tools.length} tools, ${here} present on this machine\n`);
        return undefined;
      }),
    );
}
