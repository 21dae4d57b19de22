import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  REINSTALL_SUPERSEDED_ID,
  SUPERSEDED_CHECK_ID,
  reinstallSupersededRepair,
  supersededCheck,
  type TargetFormats,
} from '../../../src/main/agents/superseded-check';
import { TARGETS } from '../../../src/main/agents/targets';
import { healthOf } from '../health/fixture';
import { agentFixture, ctx, writeAgent, writeTree } from './helpers';

/** The real targets, with Amazon Q replaced by Kiro and Claude Code one format further than what we installed. */
const bumped: TargetFormats = {
  ...TARGETS,
  'amazon-q': { ...TARGETS['amazon-q'], supersededBy: 'kiro' },
  'claude-code': { ...TARGETS['claude-code'], formatVersion: TARGETS['claude-code'].formatVersion + 1 },
};

async function installed() {
  const f = await agentFixture();
  writeTree(f.personal, { 'knowledge/style.md': '# Style\n\nShort functions.\n' });
  writeAgent(f.personal, 'helper', 'description: Helps\nresources: [knowledge/style.md]');
  const manifestFile = path.join(f.services.paths.state, 'installs', 'manifest.json');
  await f.services.agents.install({ name: 'helper', tool: 'claude-code', scope: 'project', project: f.project }, ctx());
  await f.services.agents.install({ name: 'helper', tool: 'amazon-q', scope: 'user' }, ctx());
  return { ...f, manifestFile };
}

describe('doctor: superseded-formats and reinstall-superseded', () => {
  it('each install records the format its target writes', async () => {
    const f = await installed();
    const m = JSON.parse(fs.readFileSync(f.manifestFile, 'utf8')) as { installs: Array<Record<string, unknown>> };
    expect(m.installs.map((r) => [r.tool, r.format])).toEqual([
      ['claude-code', TARGETS['claude-code'].formatVersion],
      ['amazon-q', TARGETS['amazon-q'].formatVersion],
    ]);
    // Re-installing at the same format changes nothing, the manifest included.
    const before = fs.readFileSync(f.manifestFile, 'utf8');
    const again = await f.services.agents.install(
      { name: 'helper', tool: 'claude-code', scope: 'project', project: f.project },
      ctx(),
    );
    expect(again.written).toBe(0);
    expect(fs.readFileSync(f.manifestFile, 'utf8')).toBe(before);
  });

  it('an install recorded before formats were versioned counts as format 1', async () => {
    const f = await installed();
    const m = JSON.parse(fs.readFileSync(f.manifestFile, 'utf8')) as { installs: Array<Record<string, unknown>> };
    for (const r of m.installs) delete r.format;
    fs.writeFileSync(f.manifestFile, JSON.stringify(m));
    const health = healthOf(f.services);
    health.registerCheck(supersededCheck(f.manifestFile, { ...bumped, 'amazon-q': TARGETS['amazon-q'] }));
    const c = (await health.check({ only: [SUPERSEDED_CHECK_ID] }, ctx())).checks[0]!;
    expect(c.status).toBe('warn');
    expect(c.explanation).toContain(
      `written in format 1, the target now writes format ${bumped['claude-code'].formatVersion}`,
    );
  });

  it('flags a superseded tool and an older format, naming agent, tool, scope and files; the repair reinstalls only the older format', async () => {
    const f = await installed();
    const health = healthOf(f.services);
    health.registerCheck(supersededCheck(f.manifestFile, bumped));
    health.registerRepair(reinstallSupersededRepair(f.manifestFile, f.services.agents, bumped));
    const c = (await health.check({ only: [SUPERSEDED_CHECK_ID] }, ctx())).checks[0]!;
    expect(c.status).toBe('warn');
    expect(c.fix).toMatchObject({ id: REINSTALL_SUPERSEDED_ID });
    const claudeFile = path.join(f.project, 'CLAUDE.md');
    expect(c.explanation).toContain(`helper for claude-code (project ${f.project})`);
    expect(c.explanation).toContain(claudeFile);
    expect(c.explanation).toMatch(/helper for amazon-q \(user\): .* is superseded by .*Kiro/);
    expect(c.explanation).toContain('`ai-config agent install helper --tool kiro`');

    const report = await health.repair(REINSTALL_SUPERSEDED_ID, undefined, ctx());
    expect(report.outcome).toBe('repaired');
    expect(report.actions[0]).toBe(
      `reinstalled helper for claude-code (project ${f.project}) at format ${bumped['claude-code'].formatVersion}`,
    );
    // The Amazon Q install stays where it is: the repair names the command, it does not switch tools.
    expect(report.actions[1]).toContain('left helper in amazon-q (user)');
    expect(report.actions[1]).toContain('`ai-config agent install helper --tool kiro`');
    expect(fs.existsSync(path.join(f.userHome, '.kiro'))).toBe(false);
    // The files were backed up first.
    expect(report.backup).toBeDefined();
    const copies = fs.readdirSync(report.backup!, { recursive: true }).map(String);
    expect(copies.some((p) => p.endsWith('CLAUDE.md'))).toBe(true);
  });

  it('with the real targets, an install into a current tool passes, and the check is registered by default', async () => {
    const f = await agentFixture();
    writeAgent(f.personal, 'helper', 'description: Helps');
    await f.services.agents.install(
      { name: 'helper', tool: 'claude-code', scope: 'project', project: f.project },
      ctx(),
    );
    const c = (await f.services.health.check({ only: [SUPERSEDED_CHECK_ID] }, ctx())).checks[0]!;
    expect(c).toMatchObject({ status: 'ok', explanation: 'Every install uses a current tool and format.' });
    const status = await f.services.agents.status();
    expect(status.map((s) => s.state)).toEqual(['installed']);
  });
});
