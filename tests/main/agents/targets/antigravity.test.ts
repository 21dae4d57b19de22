import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TARGETS } from '../../../../src/main/agents/targets';
import {
  COMMAND,
  HOME,
  HOOKS,
  PROJECT,
  RULES,
  SERVERS,
  SKILL,
  at,
  frontmatterOf,
  fullInput,
  homeFreeProblems,
} from './fixture';
import { assembleJson } from './json-assemble';

const agy = TARGETS.antigravity;

describe('antigravity at project scope', () => {
  const out = agy.render(fullInput('project'));
  const a = path.join(PROJECT, '.agents');

  it('writes the prompt as an always-on rule, not into AGENTS.md (Codex owns that section)', () => {
    expect(at(out.items, path.join(PROJECT, 'AGENTS.md'))).toEqual([]);
    const r = at(out.items, path.join(a, 'rules', 'agent-reviewer.md'))[0] as { content: string };
    const { fm, body } = frontmatterOf(r.content);
    expect(fm).toEqual({ trigger: 'always_on', description: 'Reviews changes for bugs and style' });
    expect(body.trimStart()).toBe(
      '# Code reviewer\n\nReviews changes for bugs and style\n\nYou review code. Be concise.\n',
    );
  });

  it('writes each rule with its trigger, globs as a list and description', () => {
    const fm = (slug: string) =>
      frontmatterOf((at(out.items, path.join(a, 'rules', `${slug}.md`))[0] as { content: string }).content).fm;
    expect(fm('common-coding-standards')).toEqual({ trigger: 'always_on' });
    expect(fm('typescript')).toEqual({
      trigger: 'glob',
      globs: ['**/*.ts', '**/*.tsx'],
      description: 'TypeScript conventions',
    });
    expect(fm('release')).toEqual({ trigger: 'model_decision', description: 'How to cut a release' });
    expect(fm('legacy')).toEqual({ trigger: 'manual', description: 'Old module notes' });
  });

  it('writes skills, workflows, MCP and hooks under .agents', () => {
    expect(at(out.items, path.join(a, 'skills', SKILL.name, 'SKILL.md'))).toHaveLength(1);
    const wf = at(out.items, path.join(a, 'workflows', 'fix-issue.md'))[0] as { content: string };
    const { fm, body } = frontmatterOf(wf.content);
    expect(fm).toEqual({ description: COMMAND.description });
    expect(body).toContain("Read issue the user's request");
    const mcp = assembleJson(out.items, path.join(a, 'mcp_config.json'));
    const servers = mcp.mcpServers as Record<string, Record<string, unknown>>;
    expect(Object.keys(servers)).toEqual(SERVERS.map((s) => s.name));
    expect(servers.linear?.serverUrl).toBe('https://mcp.linear.app/mcp');
    expect(servers['awslabs.aws-documentation-mcp-server']?.command).toBe('uvx');
    expect(assembleJson(out.items, path.join(a, 'hooks.json'))).toEqual({
      'format-on-edit': {
        PostToolUse: [
          {
            matcher: 'replace_file_content|multi_replace_file_content|write_to_file',
            hooks: [{ type: 'command', command: HOOKS[0]!.command, timeout: 30 }],
          },
        ],
      },
      'guard-shell': {
        PreToolUse: [{ matcher: 'run_command', hooks: [{ type: 'command', command: './scripts/guard.sh' }] }],
      },
    });
  });

  it('reports every item and is home-free', () => {
    expect(out.report).toHaveLength(1 + RULES.length + 1 + 1 + SERVERS.length + HOOKS.length + 1);
    expect(out.report.filter((r) => r.kind === 'rule').every((r) => r.outcome === 'native')).toBe(true);
    expect(out.report.find((r) => r.kind === 'permissions')?.outcome).toBe('skipped');
    expect(homeFreeProblems(out.items)).toEqual([]);
  });

  it('has surfaces, detection and format 2', () => {
    expect(agy.detect).toEqual({ dirs: ['.gemini/antigravity'], bins: ['agy', 'antigravity'] });
    expect(agy.formatVersion).toBe(2);
    expect(agy.surfaces.filter((s) => s.scope === 'user').every((s) => s.note?.includes('detected'))).toBe(true);
  });
});

describe('antigravity at user scope', () => {
  const homes: string[] = [];
  afterAll(() => homes.forEach((h) => fs.rmSync(h, { recursive: true, force: true })));
  const tmpHome = (...dirs: string[]) => {
    const h = fs.mkdtempSync(path.join(os.tmpdir(), 'agy-home-'));
    homes.push(h);
    for (const d of dirs) fs.mkdirSync(path.join(h, d), { recursive: true });
    return h;
  };

  it('defaults to ~/.gemini/config for MCP and hooks, ~/.gemini/antigravity for the rest', () => {
    const out = agy.render(fullInput('user'));
    const paths = new Set(out.items.map((i) => path.relative(HOME, i.path).split(path.sep).slice(0, 3).join('/')));
    expect([...paths].sort()).toEqual([
      '.gemini/antigravity/global_workflows',
      '.gemini/antigravity/rules',
      '.gemini/antigravity/skills',
      '.gemini/config/hooks.json',
      '.gemini/config/mcp_config.json',
    ]);
    const agent = at(out.items, path.join(HOME, '.gemini', 'antigravity', 'rules', 'agent-reviewer.md'))[0] as {
      content: string;
    };
    const { fm, body } = frontmatterOf(agent.content);
    expect(fm).toEqual({ trigger: 'always_on', description: 'Reviews changes for bugs and style' });
    expect(body).toContain('You review code. Be concise.');
    expect(out.warnings.some((w) => w.includes('neither'))).toBe(true);
  });

  it('uses the one global folder the machine has', () => {
    const onlyConfig = tmpHome('.gemini/config');
    const out = agy.render(fullInput('user', { homeDir: onlyConfig }));
    expect(out.items.every((i) => i.path.startsWith(path.join(onlyConfig, '.gemini', 'config')))).toBe(true);
    const onlyAgy = tmpHome('.gemini/antigravity');
    const out2 = agy.render(fullInput('user', { homeDir: onlyAgy }));
    expect(out2.items.every((i) => i.path.startsWith(path.join(onlyAgy, '.gemini', 'antigravity')))).toBe(true);
    expect(out2.warnings.some((w) => w.includes('only ~/.gemini/antigravity/'))).toBe(true);
  });
});
