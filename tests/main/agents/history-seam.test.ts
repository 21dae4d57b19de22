import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChangeOperation } from '../../../src/main/history/api';
import { createAgentService } from '../../../src/main/agents/service';
import fs from 'node:fs';
import { agentFixture, ctx, writeAgent } from './helpers';

describe('agent installs and the history seam', () => {
  it('snapshots every tool file it will touch before writing and records after', async () => {
    const f = await agentFixture();
    writeAgent(f.personal, 'helper', 'description: Helps\nmcpServers: [memory]');
    const calls: Array<{ phase: string; op: ChangeOperation }> = [];
    const s = f.services;
    const agents = createAgentService({
      roots: s.roots,
      personalDir: s.personalDir,
      manifestFile: path.join(s.paths.state, 'installs', 'manifest.json'),
      lockFile: s.paths.lock,
      history: {
        beforeChange: async (op) => (calls.push({ phase: 'before', op }), 'v1'),
        record: async (op) => (calls.push({ phase: 'after', op }), 'v2'),
      },
      audit: s.audit,
      secrets: s.secrets,
      env: {},
      homeDir: f.userHome,
    });
    await agents.install({ name: 'helper', tool: 'claude-code', scope: 'project', project: f.project }, ctx('corr-1'));
    expect(calls.map((c) => c.phase)).toEqual(['before', 'after']);
    expect(calls[0]!.op).toMatchObject({ operation: 'agent.install', correlationId: 'corr-1' });
    expect([...calls[0]!.op.externalFiles!].sort()).toEqual(
      [
        path.join(f.project, '.claude', 'agents', 'helper.md'),
        path.join(f.project, '.mcp.json'),
        path.join(f.project, 'CLAUDE.md'),
      ].sort(),
    );
    const audit = s.audit.read().filter((a) => a.operation === 'agent.install');
    expect(audit).toMatchObject([{ result: 'ok', versionBefore: 'v1', versionAfter: 'v2', correlationId: 'corr-1' }]);
    // A no-op re-install does not snapshot at all.
    await agents.install({ name: 'helper', tool: 'claude-code', scope: 'project', project: f.project }, ctx('corr-2'));
    expect(calls).toHaveLength(2);
  });

  it('health reports drifted installs', async () => {
    const f = await agentFixture();
    writeAgent(f.personal, 'helper', 'description: Helps');
    const only = { only: ['agent-installs'] };
    expect((await f.services.health.check(only, ctx())).checks[0]).toMatchObject({
      status: 'ok',
      explanation: 'No agents are installed into any tool.',
    });
    await f.services.agents.install({ name: 'helper', tool: 'cursor', scope: 'project', project: f.project }, ctx());
    expect((await f.services.health.check(only, ctx())).checks[0]).toMatchObject({ status: 'ok' });
    fs.appendFileSync(path.join(f.project, '.cursor', 'agents', 'helper.md'), 'edit\n');
    expect((await f.services.health.check(only, ctx())).checks[0]).toMatchObject({
      status: 'warn',
      explanation: expect.stringContaining('Changed by hand since install: helper for cursor'),
    });
  });
});
