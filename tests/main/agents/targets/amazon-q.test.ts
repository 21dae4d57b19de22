import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { amazonQ } from '../../../../src/main/agents/targets/amazon-q';
import type { Desired } from '../../../../src/main/agents/model';
import { SCHEMAS_DIR } from '../../../helpers/app';
import { at, fullInput, HOME, homeFreeProblems, PROJECT } from './fixture';

const content = (items: ReadonlyArray<Desired>, p: string): string => {
  const i = at(items, p)[0];
  if (!i || i.kind !== 'file') throw new Error(`no file ${p}`);
  return i.content;
};
const validate = new Ajv({ strict: false, allErrors: true }).compile(
  JSON.parse(fs.readFileSync(path.join(SCHEMAS_DIR, 'amazon-q-cli-agent.schema.json'), 'utf8')),
);

describe('amazon-q (legacy) target', () => {
  it('renders a schema-valid agent with relative rule resources at project scope', () => {
    const out = amazonQ.render(fullInput('project'));
    expect(homeFreeProblems(out.items)).toEqual([]);
    for (const i of out.items) expect(i.path.startsWith(PROJECT + path.sep)).toBe(true);
    const agent = JSON.parse(content(out.items, path.join(PROJECT, '.amazonq/cli-agents/reviewer.json')));
    expect(validate(agent), JSON.stringify(validate.errors)).toBe(true);
    expect(agent.resources).toEqual([
      'file://.amazonq/rules/common-coding-standards.md',
      'file://.amazonq/rules/typescript.md',
      'file://.amazonq/rules/release.md',
    ]);
    expect(content(out.items, path.join(PROJECT, '.amazonq/rules/typescript.md'))).toContain(
      'Applies to files matching: `**/*.ts`, `**/*.tsx`.',
    );
    expect(Object.keys(agent.mcpServers)).toEqual(['github', 'awslabs.aws-documentation-mcp-server', 'linear']);
    expect(agent.mcpServers.linear).toMatchObject({ type: 'http', command: '', url: 'https://mcp.linear.app/mcp' });
    expect(agent.hooks).toBeUndefined();
    expect(agent.allowedTools).toEqual(['fs_read']);
    expect(amazonQ.supersededBy).toBe('kiro');

    const byKey = Object.fromEntries(out.report.map((r) => [`${r.kind}:${r.name}`, r]));
    expect(byKey['skill:pdf-report']).toMatchObject({
      outcome: 'skipped',
      detail: expect.stringMatching(/ai-config agent install reviewer --tool kiro/),
    });
    expect(byKey['command:fix-issue']).toMatchObject({ outcome: 'skipped' });
    expect(byKey['rule:rules/legacy.md']).toMatchObject({ outcome: 'skipped' });
    expect(byKey['rule:rules/release.md']).toMatchObject({ outcome: 'fallback' });
    expect(byKey['hook:guard-shell']).toMatchObject({
      outcome: 'skipped',
      detail: expect.stringMatching(/ai-config agent install reviewer --tool kiro/),
    });
    expect(byKey['permissions:permissions']).toMatchObject({ outcome: 'fallback' });
    expect(Object.keys(byKey)).toHaveLength(13);
  });

  it('maps session-start and prompt-submit hooks, and renders into ~/.aws/amazonq at user scope', () => {
    const out = amazonQ.render(
      fullInput('user', {
        hooks: [
          {
            name: 's',
            source: 'team',
            path: 'hooks/s.yaml',
            description: '',
            event: 'session-start',
            command: 'git status',
          },
          { name: 'p', source: 'team', path: 'hooks/p.yaml', description: '', event: 'prompt-submit', command: 'date' },
        ],
      }),
    );
    const agent = JSON.parse(content(out.items, path.join(HOME, '.aws/amazonq/cli-agents/reviewer.json')));
    expect(validate(agent), JSON.stringify(validate.errors)).toBe(true);
    expect(agent.hooks).toEqual({ agentSpawn: [{ command: 'git status' }], userPromptSubmit: [{ command: 'date' }] });
    expect(agent.resources[0]).toBe(`file://${HOME}/.aws/amazonq/rules/common-coding-standards.md`);
    expect(at(out.items, path.join(HOME, '.aws/amazonq/rules/common-coding-standards.md'))).toHaveLength(1);
  });
});
