import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { windsurf } from '../../../../src/main/agents/targets/windsurf';
import type { Desired } from '../../../../src/main/agents/model';
import { at, frontmatterOf, fullInput, HOME, homeFreeProblems, PROJECT } from './fixture';

const content = (items: ReadonlyArray<Desired>, p: string): string => {
  const i = at(items, p)[0];
  if (!i || (i.kind !== 'file' && i.kind !== 'section')) throw new Error(`no file ${p}`);
  return i.content;
};
const MCP = path.join(HOME, '.codeium/windsurf/mcp_config.json');

describe('windsurf (legacy) target', () => {
  it('renders rule files and workflows at project scope, and skips the user-level MCP file without the flag', () => {
    const out = windsurf.render(fullInput('project'));
    expect(homeFreeProblems(out.items)).toEqual([]);
    expect(frontmatterOf(content(out.items, path.join(PROJECT, '.windsurf/rules/reviewer.md'))).fm).toEqual({
      trigger: 'always_on',
      description: 'Reviews changes for bugs and style',
    });
    const ts = frontmatterOf(content(out.items, path.join(PROJECT, '.windsurf/rules/typescript.md')));
    expect(ts.fm).toEqual({ trigger: 'glob', description: 'TypeScript conventions', globs: '**/*.ts,**/*.tsx' });
    expect(at(out.items, path.join(PROJECT, '.windsurf/workflows/fix-issue.md'))).toHaveLength(1);
    expect(at(out.items, MCP)).toEqual([]);
    const mcp = out.report.filter((r) => r.kind === 'mcp-server');
    expect(mcp).toHaveLength(3);
    for (const m of mcp) {
      expect(m.outcome).toBe('skipped');
      expect(m.detail).toMatch(/--allow-user-files .*mcp_config\.json/);
    }
    expect(out.report).toHaveLength(13);
    expect(windsurf.supersededBy).toBe('devin');
  });

  it('writes the user-level MCP file from a project install with allowUserFiles', () => {
    const out = windsurf.render(fullInput('project', { allowUserFiles: true }));
    const mcp = at(out.items, MCP);
    expect(mcp).toHaveLength(3);
    expect(mcp[2]).toMatchObject({
      kind: 'json-key',
      id: 'linear',
      value: { serverUrl: 'https://mcp.linear.app/mcp' },
    });
  });

  it('folds rules into the global rules section at user scope', () => {
    const out = windsurf.render(fullInput('user'));
    const file = path.join(HOME, '.codeium/windsurf/memories/global_rules.md');
    const text = content(out.items, file);
    expect(text).toContain('Applies to files matching: `**/*.ts`, `**/*.tsx`.');
    expect(text).not.toContain('Text of rules/legacy.md');
    const byKey = Object.fromEntries(out.report.map((r) => [`${r.kind}:${r.name}`, r.outcome]));
    expect(byKey['rule:rules/legacy.md']).toBe('skipped');
    expect(byKey['rule:rules/typescript.md']).toBe('fallback');
    expect(byKey['skill:pdf-report']).toBe('skipped');
    expect(at(out.items, MCP)).toHaveLength(3);
    expect(out.report).toHaveLength(13);
  });
});
