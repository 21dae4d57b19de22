import { describe, expect, it } from 'vitest';
import { estimateTokens } from '../../../src/main/agents/budget';
import { cli } from '../../helpers/app';
import { agentFixture, ctx, writeAgent, writeTree } from './helpers';

describe('agent token budgets in the analytics metrics', () => {
  it('records the agent size against the tightest budget of its tools when it is installed and when it is shown', async () => {
    const f = await agentFixture();
    const env = { AI_CONFIG_HOME: f.services.paths.home, HOME: f.userHome };
    const body = '# Style\n\n' + 'Keep functions short and name things well. '.repeat(200) + '\n';
    writeTree(f.personal, { 'knowledge/style.md': body });
    writeAgent(f.personal, 'helper', 'description: Helps\nresources: [knowledge/style.md]', 'You help.\n');
    writeAgent(f.personal, 'quiet', 'description: Small\ntargets: [{ tool: claude-code }]', 'Be brief.\n');
    expect(f.services.health.summary().tokenBudgets).toEqual([]);

    const r = await cli(['agent', 'install', 'helper', '--tool', 'claude-code,cursor', '--project', f.project], env);
    expect(r.code).toBe(0);
    const helper = f.services.health.summary().tokenBudgets.find((b) => b.agent === 'helper')!;
    // Cursor's 8,000 is tighter than Claude Code's 20,000.
    expect(helper).toMatchObject({ tokens: expect.any(Number), budget: 8_000 });
    expect(helper.tokens).toBeGreaterThanOrEqual(estimateTokens(body.replace(/^# Style\n\n/, '')) - 10);

    // Shown, never installed: budget from the tools it targets.
    await f.services.agents.show('quiet');
    expect(f.services.health.summary().tokenBudgets.find((b) => b.agent === 'quiet')).toMatchObject({
      tokens: expect.any(Number),
      budget: 20_000,
    });

    // Latest sample per agent: a bigger resource shows up after the next install.
    writeTree(f.personal, { 'knowledge/style.md': body + body });
    await f.services.agents.install({ name: 'helper', tool: 'cursor', scope: 'project', project: f.project }, ctx());
    expect(f.services.health.summary().tokenBudgets.find((b) => b.agent === 'helper')!.tokens).toBeGreaterThan(
      helper.tokens * 1.5,
    );
    // A dry run records nothing new.
    const before = f.services.health.summary().tokenBudgets;
    await f.services.agents.install(
      { name: 'quiet', tool: 'cursor', scope: 'project', project: f.project, dryRun: true },
      ctx(),
    );
    expect(f.services.health.summary().tokenBudgets).toEqual(before);
  });
});
