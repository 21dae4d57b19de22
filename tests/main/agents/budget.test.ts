import { describe, expect, it } from 'vitest';
import { contextBudget } from '../../../src/main/agents/budget';
import { agentFixture, ctx, writeAgent } from './helpers';

const PARA =
  'Always write a failing test first, then the smallest change that makes it pass, then refactor with the tests green.';

describe('context budget', () => {
  it('estimates tokens per tool, flags limits and content included twice', () => {
    const b = contextBudget('x'.repeat(4_000) + '\n\n' + PARA, [
      { path: 'a.md', body: 'y'.repeat(10_000) },
      { path: 'b.md', body: 'intro\n\n' + PARA },
      { path: 'c.md', body: 'y'.repeat(10_000) },
    ]);
    expect(b.tokens).toBe(Math.ceil((4_002 + PARA.length) / 4) + 2_500 + Math.ceil((7 + PARA.length) / 4) + 2_500);
    expect(b.perTool.find((t) => t.tool === 'windsurf')).toMatchObject({ over: true, limit: 3_000 });
    expect(b.perTool.find((t) => t.tool === 'claude-code')).toMatchObject({ over: false });
    expect(b.perTool.find((t) => t.tool === 'claude-desktop')).toMatchObject({ tokens: 0, over: false });
    expect(b.duplicates).toEqual([
      { excerpt: 'the whole of a.md', in: ['a.md', 'c.md'] },
      { excerpt: PARA.slice(0, 80) + '…', in: ['prompt', 'b.md'] },
    ]);
  });

  it('shows the budget and warns at install', async () => {
    const f = await agentFixture();
    writeAgent(
      f.personal,
      'twice',
      'description: Twice\nresources: [common/code-review.md, "tag:review"]',
      'x'.repeat(40_000) + '\n',
    );
    const d = await f.services.agents.show('twice');
    expect(d.budget.tokens).toBeGreaterThan(10_000);
    expect(d.warnings.join('\n')).toMatch(/above the 8,192 we suggest for codex/);
    const plan = await f.services.agents.install(
      { name: 'twice', tool: 'cursor', scope: 'project', project: f.project, dryRun: true },
      ctx(),
    );
    expect(plan.warnings.join('\n')).toMatch(/above the 8,000 we suggest for Cursor/);
  });

  it('counts per kind what a tool loads up front: glob rules apart, descriptions for the rest', () => {
    const b = contextBudget(
      'p'.repeat(400),
      [
        { path: 'always.md', body: 'a'.repeat(4_000), activation: 'always' },
        { path: 'plain.md', body: 'b'.repeat(400) },
        { path: 'glob.md', body: 'g'.repeat(40_000), activation: 'glob' },
        { path: 'asked.md', body: 'r'.repeat(40_000), activation: 'agent-requested', description: 'd'.repeat(40) },
        { path: 'manual.md', body: 'm'.repeat(40_000), activation: 'manual' },
      ],
      {
        skills: [{ name: 'review', description: 'x'.repeat(72) }],
        commands: [{ name: 'fix', description: 'y'.repeat(20) }],
      },
    );
    expect(b.byKind).toEqual({
      prompt: 100,
      always: 1_100,
      conditional: 10_000,
      agentRequested: 10,
      manual: 0,
      skills: 20,
      commands: 5,
    });
    expect(b.tokens).toBe(100 + 1_100 + 10 + 20 + 5);
    // Conditional rules do not count against the limit: 1,235 up front is under Windsurf's 3,000.
    expect(b.perTool.find((t) => t.tool === 'windsurf')).toMatchObject({
      tokens: 1_235,
      conditional: 10_000,
      over: false,
    });
    expect(b.perTool.find((t) => t.tool === 'claude-desktop')!.byKind.always).toBe(0);
  });
});
