import path from 'node:path';
import type { Command } from 'commander';
import type { CommandRunner } from '../command';

const IMPORT_DESCRIPTION =
  'Turn existing tool configs (CLAUDE.md, .mdc rules, AGENTS.md, *.instructions.md, Q/Kiro agent JSON, .mcp.json, ' +
  'claude_desktop_config.json, config.toml, Windsurf rules) into personal agents, MCP servers and knowledge.';

export function registerImport(program: Command, run: CommandRunner): void {
  program
    .command('import <path>')
    .description(IMPORT_DESCRIPTION)
    .option('--dry-run', 'show what would become what and write nothing')
    .option('--json', 'print the result as JSON')
    .action((target: string, opts: { json?: boolean; dryRun?: boolean }) =>
      run('import', opts, async (ctx) => {
        const r = await ctx.call('agents:import', {
          path: path.resolve(target),
          ...(opts.dryRun ? { dryRun: true } : {}),
        });
        if (ctx.flags.json) return r;
        const { io } = ctx;
        for (const i of r.items) io.out(`${i.action.padEnd(9)} ${i.kind.padEnd(10)} ${i.path}  <- ${i.from}\n`);
        for (const s of r.skipped) io.out(`skipped   ${s.from}: ${s.reason}\n`);
        for (const w of r.warnings) io.out(`warning: ${w}\n`);
        io.out(
          r.dryRun
            ? `Dry run: ${r.items.filter((i) => i.action === 'create').length} file(s) would be created; ` +
                'nothing was written.\n'
            : `${r.written} file(s) created in the personal workspace.\n`,
        );
        return undefined;
      }),
    );
}
