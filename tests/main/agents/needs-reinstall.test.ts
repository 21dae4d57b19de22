import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/app';
import { agentFixture, ctx, writeAgent, writeTree } from './helpers';

describe('"needs reinstall" when what an install used has changed since', () => {
  it('a resource, the agent file or an MCP server file changed (locally, by a library update, or arriving through sync) marks the install', async () => {
    const f = await agentFixture();
    const env = { AI_CONFIG_HOME: f.services.paths.home, HOME: f.userHome };
    writeTree(f.personal, {
      'knowledge/style.md': '# Style\n\nShort functions.\n',
      'mcp-servers/memory.json': JSON.stringify(
        {
          schemaVersion: 1,
          name: 'memory',
          transport: 'stdio',
          command: 'npx',
          args: ['-y', '@modelcontextprotocol/server-memory'],
        },
        null,
        2,
      ),
    });
    writeAgent(f.personal, 'helper', 'description: Helps\nresources: [knowledge/style.md]\nmcpServers: [memory]');
    // Cursor gets the resources inlined and Claude Code copies them into .claude/rules: both need a reinstall.
    const req = { name: 'helper', tool: 'cursor' as const, scope: 'project' as const, project: f.project };
    const claude = { ...req, tool: 'claude-code' as const };
    await f.services.agents.install(req, ctx());
    await f.services.agents.install(claude, ctx());
    const states = async () => {
      const r = await cli(['agent', 'status', '--json'], env);
      expect(r.code).toBe(0);
      return Object.fromEntries(
        (JSON.parse(r.stdout) as Array<{ tool: string; state: string }>).map((i) => [i.tool, i.state]),
      );
    };
    const state = async () => (await states()).cursor;
    expect(await state()).toBe('installed');

    const changes: Array<[string, (t: string) => string]> = [
      ['knowledge/style.md', (t) => t + '\nAnd name things well.\n'],
      ['mcp-servers/memory.json', (t) => t.replace('server-memory', 'server-memory@2')],
      ['agents/helper.md', (t) => t.replace('You help.', 'You help a lot.')],
    ];
    for (const [rel, edit] of changes) {
      // Written straight to disk, as Syncthing or a library update would, not through the app.
      const file = path.join(f.personal, rel);
      fs.writeFileSync(file, edit(fs.readFileSync(file, 'utf8')));
      expect(await states(), rel).toEqual({
        cursor: 'needs-reinstall',
        'claude-code': 'needs-reinstall',
      });
      const health = (await f.services.health.check({ only: ['agent-installs'] }, ctx())).checks[0]!;
      expect(health).toMatchObject({
        status: 'warn',
        explanation: expect.stringMatching(/^Needs reinstall .*helper for cursor \(project/),
      });
      await f.services.agents.install(req, ctx());
      await f.services.agents.install(claude, ctx());
      expect(await states(), `${rel} after reinstall`).toEqual({ cursor: 'installed', 'claude-code': 'installed' });
    }

    // A change that does not reach what the tool gets (a file the agent does not use) leaves it installed.
    writeTree(f.personal, { 'knowledge/other.md': '# Other\n' });
    expect(await state()).toBe('installed');
  });
});
