import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Desired } from '../../../../src/main/agents/model';
import { claudeDesktop, claudeDesktopConfigPath } from '../../../../src/main/agents/targets/claude-desktop';
import { HOME, HOOKS, SERVERS, fullInput } from './fixture';

const CONFIG = path.join(HOME, '.config', 'Claude', 'claude_desktop_config.json');

function applied(items: ReadonlyArray<Desired>): Record<string, Record<string, unknown>> {
  const servers: Record<string, unknown> = {};
  for (const i of items) if (i.kind === 'json-key' && i.parent === 'mcpServers') servers[i.id] = i.value;
  return JSON.parse(JSON.stringify({ mcpServers: servers })) as Record<string, Record<string, unknown>>;
}

describe('Claude Desktop', () => {
  const r = claudeDesktop.render(fullInput('user'));

  it('writes only stdio MCP servers, as single keys of its config file', () => {
    expect(r.items.every((i) => i.kind === 'json-key' && i.path === CONFIG && i.parent === 'mcpServers')).toBe(true);
    const { mcpServers } = applied(r.items);
    expect(Object.keys(mcpServers!)).toEqual(['github', 'awslabs.aws-documentation-mcp-server']);
    expect(mcpServers!['awslabs.aws-documentation-mcp-server']).toEqual({
      command: 'uvx',
      args: ['awslabs.aws-documentation-mcp-server@latest'],
    });
    // Claude Desktop does not expand ${VAR}: the value is resolved, with a warning naming the file.
    expect(mcpServers!.github).toMatchObject({ command: 'npx', env: { GITHUB_TOKEN: 'ghp_fixture' } });
    expect(r.warnings.join('\n')).toMatch(/GITHUB_TOKEN from the environment: .*claude_desktop_config\.json/);
  });

  it('skips HTTP servers with the pointer to Connectors', () => {
    expect(r.report).toContainEqual({
      kind: 'mcp-server',
      name: 'linear',
      outcome: 'skipped',
      detail: expect.stringContaining('add it in Claude Desktop under Settings > Connectors'),
    });
    expect(r.warnings.join('\n')).toContain('"linear" was not installed');
    expect(JSON.stringify(r.items)).not.toContain('mcp-remote');
  });

  it('reports every other kind skipped: it reads only MCP servers from files', () => {
    const input = fullInput('user');
    const skipped = r.report.filter((o) => o.kind !== 'mcp-server');
    expect(skipped.map((o) => `${o.kind}:${o.name}`)).toEqual([
      'agent:reviewer',
      ...input.resources.map((x) => `rule:${x.path}`),
      'skill:pdf-report',
      'command:fix-issue',
      ...HOOKS.map((h) => `hook:${h.name}`),
      'permissions:permissions',
    ]);
    for (const o of skipped)
      expect(o).toMatchObject({ outcome: 'skipped', detail: 'Claude Desktop reads only MCP servers from files' });
    expect(r.report.filter((o) => o.kind === 'mcp-server').map((o) => o.name)).toEqual(SERVERS.map((s) => s.name));
    expect(r.warnings.filter((w) => w.includes('was not installed'))).toHaveLength(skipped.length + 1);
  });

  it('reports no permissions when the agent has none', () => {
    const bare = claudeDesktop.render(
      fullInput('user', {
        resources: [],
        skills: [],
        commands: [],
        hooks: [],
        permissions: { allow: [], ask: [], deny: [], ignore: [] },
      }),
    );
    expect(bare.report.filter((o) => o.outcome === 'skipped').map((o) => o.kind)).toEqual(['agent', 'mcp-server']);
  });

  it('finds its config per platform and declares the folders that tell it is installed', () => {
    expect(claudeDesktopConfigPath('/h', 'linux', {})).toBe('/h/.config/Claude/claude_desktop_config.json');
    expect(claudeDesktopConfigPath('/h', 'darwin', {})).toBe(
      '/h/Library/Application Support/Claude/claude_desktop_config.json',
    );
    expect(claudeDesktopConfigPath('/h', 'win32', { APPDATA: '/h/AppData/Roaming' })).toBe(
      path.join('/h/AppData/Roaming', 'Claude', 'claude_desktop_config.json'),
    );
    const mac = claudeDesktop.render(fullInput('user', { platform: 'darwin' }));
    expect(new Set(mac.items.map((i) => i.path))).toEqual(
      new Set([path.join(HOME, 'Library', 'Application Support', 'Claude', 'claude_desktop_config.json')]),
    );
    expect(claudeDesktop.detect.dirs).toEqual([
      '.config/Claude',
      'Library/Application Support/Claude',
      'AppData/Roaming/Claude',
    ]);
    expect(claudeDesktop.scopes).toEqual(['user']);
    expect(claudeDesktop.formatVersion).toBe(2);
    expect(claudeDesktop.surfaces.map((s) => [s.kind, s.scope])).toEqual([['mcp-server', 'user']]);
  });
});
