import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Desired } from '../../../../src/main/agents/model';
import { copilot } from '../../../../src/main/agents/targets/copilot';
import {
  agent,
  at,
  COMMAND,
  fullInput,
  frontmatterOf,
  HOME,
  homeFreeProblems,
  PROJECT,
  rule,
  SERVERS,
} from './fixture';

const p = (...s: string[]) => path.join(PROJECT, ...s);
const h = (...s: string[]) => path.join(HOME, ...s);
const fileAt = (items: ReadonlyArray<Desired>, file: string): string => {
  const f = at(items, file).find((i) => i.kind === 'file');
  if (!f || f.kind !== 'file') throw new Error(`no file ${file}`);
  return f.content;
};
const keysOf = (items: ReadonlyArray<Desired>, file: string, parent: string) =>
  Object.fromEntries(
    at(items, file).flatMap((i) => (i.kind === 'json-key' && i.parent === parent ? [[i.id, i.value]] : [])),
  ) as Record<string, Record<string, unknown>>;

function reportNames(input: ReturnType<typeof fullInput>): string[] {
  return [
    'agent:reviewer',
    ...input.resources.map((x) => `rule:${x.path}`),
    ...input.skills.map((x) => `skill:${x.name}`),
    ...input.commands.map((x) => `command:${x.name}`),
    ...input.hooks.map((x) => `hook:${x.name}`),
    ...(['allow', 'ask', 'deny', 'ignore'] as const).flatMap((l) =>
      input.permissions[l].map((x) => `permissions:${l} ${x}`),
    ),
    ...input.mcpServers.map((x) => `mcp-server:${x.name}`),
  ].sort();
}

describe('copilot target', () => {
  it('project scope: a custom agent, instructions per rule, prompt files, shared skills, a hooks file, .vscode/mcp.json', () => {
    const r = copilot.render(fullInput('project'));
    expect(homeFreeProblems(r.items)).toEqual([]);

    const ag = frontmatterOf(fileAt(r.items, p('.github', 'agents', 'reviewer.agent.md')));
    expect(ag.fm).toEqual({ name: 'Code reviewer', description: 'Reviews changes for bugs and style' });
    expect(ag.body.trim()).toBe('You review code. Be concise.');
    // The prompt is a custom agent now: no always-on section in copilot-instructions.md.
    expect(at(r.items, p('.github', 'copilot-instructions.md'))).toEqual([]);

    const ins = (slug: string) =>
      frontmatterOf(fileAt(r.items, p('.github', 'instructions', `${slug}.instructions.md`)));
    expect(ins('common-coding-standards').fm).toEqual({ applyTo: '**' });
    expect(ins('typescript').fm).toEqual({ applyTo: '**/*.ts,**/*.tsx', description: 'TypeScript conventions' });
    expect(ins('release').fm).toEqual({ description: 'How to cut a release' });
    expect(ins('release').body.trim()).toBe('Text of rules/release.md.');

    const manual = frontmatterOf(fileAt(r.items, p('.github', 'prompts', 'legacy.prompt.md')));
    expect(manual.fm).toEqual({ description: 'Old module notes', agent: 'agent' });
    const cmd = frontmatterOf(fileAt(r.items, p('.github', 'prompts', 'fix-issue.prompt.md')));
    expect(cmd.fm).toEqual({
      description: 'Fix a GitHub issue by number',
      agent: 'agent',
      'argument-hint': '[issue-number]',
    });
    expect(cmd.body).toContain('Read issue ${input:args} with');
    expect(cmd.body).not.toContain('$ARGUMENTS');

    expect(at(r.items, p('.agents', 'skills', 'pdf-report', 'scripts', 'report.sh'))[0]).toMatchObject({
      executable: true,
    });

    const hooks = JSON.parse(fileAt(r.items, p('.github', 'hooks', 'reviewer.json')));
    expect(hooks).toEqual({
      version: 1,
      hooks: {
        postToolUse: [{ type: 'command', bash: 'npx prettier --write "$CLAUDE_FILE_PATHS"', timeoutSec: 30 }],
        preToolUse: [{ type: 'command', bash: './scripts/guard.sh' }],
      },
    });
    expect(r.warnings.join('\n')).toMatch(/without its matcher "Bash": it runs for every tool/);

    const servers = keysOf(r.items, p('.vscode', 'mcp.json'), 'servers');
    expect(Object.keys(servers)).toEqual(['github', 'awslabs.aws-documentation-mcp-server', 'linear']);
    expect(servers.github).toMatchObject({ type: 'stdio', env: { GITHUB_TOKEN: '${env:GITHUB_TOKEN}' } });
    expect(servers.linear).toMatchObject({ type: 'http', headers: { Authorization: 'Bearer ${env:LINEAR_TOKEN}' } });
    expect(JSON.stringify(r.items)).not.toMatch(/ghp_fixture|lin_fixture/);
  });

  it('reports every input item at both scopes; every fallback and skip has a warning', () => {
    for (const scope of ['project', 'user'] as const) {
      const input = fullInput(scope);
      const r = copilot.render(input);
      expect(r.report.map((x) => `${x.kind}:${x.name}`).sort(), scope).toEqual(reportNames(input));
      for (const x of r.report.filter((o) => o.outcome !== 'native'))
        expect(
          r.warnings.some((w) => w.includes(x.name)),
          x.name,
        ).toBe(true);
      expect(r.report.filter((x) => x.kind === 'permissions').every((x) => x.outcome === 'skipped')).toBe(true);
    }
  });

  it('user scope: the Copilot CLI files under ~/.copilot', () => {
    const r = copilot.render(fullInput('user'));
    for (const i of r.items) expect(i.path.startsWith(HOME + path.sep), i.path).toBe(true);
    expect(frontmatterOf(fileAt(r.items, h('.copilot', 'agents', 'reviewer.agent.md'))).fm.name).toBe('Code reviewer');
    const section = at(r.items, h('.copilot', 'copilot-instructions.md'))[0];
    expect(section).toMatchObject({ kind: 'section', id: 'reviewer' });
    const text = section?.kind === 'section' ? section.content : '';
    expect(text).toContain('Text of common/coding-standards.md.');
    expect(text).toContain('Applies to files matching: `**/*.ts`, `**/*.tsx`.');
    expect(text).not.toContain('rules/release.md');
    // Agent-requested rule and command become skills; the skill itself too.
    expect(frontmatterOf(fileAt(r.items, h('.copilot', 'skills', 'release', 'SKILL.md'))).fm).toEqual({
      name: 'release',
      description: 'How to cut a release',
    });
    const cmd = frontmatterOf(fileAt(r.items, h('.copilot', 'skills', 'fix-issue', 'SKILL.md')));
    expect(cmd.fm).toMatchObject({ name: 'fix-issue', 'disable-model-invocation': true });
    expect(at(r.items, h('.copilot', 'skills', 'pdf-report', 'SKILL.md'))).toHaveLength(1);
    expect(r.report.find((x) => x.name === 'rules/legacy.md')).toMatchObject({ outcome: 'skipped' });
    expect(r.report.filter((x) => x.kind === 'hook').every((x) => x.outcome === 'skipped')).toBe(true);

    const cli = keysOf(r.items, h('.copilot', 'mcp-config.json'), 'mcpServers');
    expect(cli.github).toEqual({
      type: 'stdio',
      command: 'npx',
      args: ['-y', '@modelcontextprotocol/server-github'],
      env: { GITHUB_TOKEN: '${GITHUB_TOKEN}' },
      tools: ['*'],
    });
    expect(cli['awslabs.aws-documentation-mcp-server']).toMatchObject({ type: 'stdio', command: 'uvx' });
  });

  it('a secret only the secret store holds becomes a prompted VS Code input, never a value on disk', () => {
    const input = fullInput('project', {
      mcpServers: [SERVERS[0]!, { ...SERVERS[2]!, headers: { Authorization: 'Bearer ${secret:LINEAR_TOKEN}' } }],
      vars: { env: {}, secret: (n) => (n === 'LINEAR_TOKEN' ? 'lin_store_secret' : undefined) },
    });
    const r = copilot.render(input);
    const servers = keysOf(r.items, p('.vscode', 'mcp.json'), 'servers');
    expect(servers.linear!.headers).toEqual({ Authorization: 'Bearer ${input:LINEAR_TOKEN}' });
    expect(servers.github!.env).toEqual({ GITHUB_TOKEN: '${env:GITHUB_TOKEN}' });
    const inputs = at(r.items, p('.vscode', 'mcp.json')).filter((i) => i.kind === 'json-item');
    expect(inputs).toEqual([
      {
        kind: 'json-item',
        path: p('.vscode', 'mcp.json'),
        parent: 'inputs',
        id: JSON.stringify({ type: 'promptString', id: 'LINEAR_TOKEN', description: 'LINEAR_TOKEN', password: true }),
        value: { type: 'promptString', id: 'LINEAR_TOKEN', description: 'LINEAR_TOKEN', password: true },
      },
    ]);
    expect(JSON.stringify(r.items)).not.toContain('lin_store_secret');
  });

  it('an agent imported from an instructions file (settings.copilot.applyTo) is rendered back as that file', () => {
    const input = fullInput('project', {
      agent: agent({ name: 'black', description: '', prompt: '', settings: { copilot: { applyTo: '**/*.py' } } }),
      resources: [rule('imported/team/copilot/black.md', { body: 'Format with black.\n' })],
    });
    const r = copilot.render(input);
    const out = frontmatterOf(fileAt(r.items, p('.github', 'instructions', 'black.instructions.md')));
    expect(out.fm).toEqual({ applyTo: '**/*.py' });
    expect(out.body).toContain('Format with black.');
    expect(r.items.some((i) => i.path.includes(`${path.sep}agents${path.sep}`))).toBe(false);
    expect(r.items.filter((i) => i.path.includes('instructions'))).toHaveLength(1);
    expect(r.report.find((x) => x.kind === 'rule')).toMatchObject({ outcome: 'native' });
  });

  it('custom agent tools and model come from settings.copilot; hooks it has no event for are skipped', () => {
    const r = copilot.render(
      fullInput('project', {
        agent: agent({ settings: { copilot: { tools: ['edit', 'search'], model: 'GPT-5 (copilot)' } } }),
        hooks: [{ name: 'pc', source: 't', path: 'h', description: '', event: 'pre-compact', command: 'x' }],
      }),
    );
    expect(frontmatterOf(fileAt(r.items, p('.github', 'agents', 'reviewer.agent.md'))).fm).toEqual({
      name: 'Code reviewer',
      description: 'Reviews changes for bugs and style',
      tools: ['edit', 'search'],
      model: 'GPT-5 (copilot)',
    });
    expect(at(r.items, p('.github', 'hooks', 'reviewer.json'))).toEqual([]);
    expect(r.report.find((x) => x.kind === 'hook')).toMatchObject({ outcome: 'skipped' });
  });

  it('refuses a command and a manual rule that would be the same prompt file', () => {
    const input = fullInput('project', { commands: [{ ...COMMAND, name: 'legacy' }] });
    expect(() => copilot.render(input)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });

  it('declares its surfaces and how to detect it', () => {
    expect(copilot.scopes).toEqual(['user', 'project']);
    expect(copilot.formatVersion).toBe(2);
    expect(copilot.surfaces.every((s) => s.checked === '2026-12-02' && s.docUrl.startsWith('https://'))).toBe(true);
  });
});
