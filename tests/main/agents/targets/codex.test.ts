import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import type { Desired } from '../../../../src/main/agents/model';
import { TARGETS } from '../../../../src/main/agents/targets';
import { CODEX_AGENTS_MD_CAP } from '../../../../src/main/agents/targets/codex';
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

const codex = TARGETS.codex;

function tomlOf(items: ReadonlyArray<Desired>, file: string): Record<string, unknown> {
  const text = items
    .filter((i): i is Extract<Desired, { kind: 'toml-table' }> => i.kind === 'toml-table' && i.path === file)
    .map((i) => i.body)
    .join('\n\n');
  return parseToml(text) as Record<string, unknown>;
}

describe.each([
  ['project', PROJECT],
  ['user', HOME],
] as const)('codex at %s scope', (scope, base) => {
  const out = codex.render(fullInput(scope));
  const agentsMd = scope === 'user' ? path.join(HOME, '.codex', 'AGENTS.md') : path.join(PROJECT, 'AGENTS.md');
  const skills = path.join(base, '.agents', 'skills');
  const config = path.join(base, '.codex', 'config.toml');

  it('writes the prompt with always rules inlined and glob rules folded into AGENTS.md', () => {
    const [section] = at(out.items, agentsMd);
    expect(section?.kind).toBe('section');
    const text = (section as { content: string }).content;
    expect(text).toContain('You review code. Be concise.');
    expect(text).toContain('### Coding standards\n\nText of common/coding-standards.md.');
    expect(text).toContain('Applies to files matching: `**/*.ts`, `**/*.tsx`.');
    expect(text).not.toContain('rules/release.md');
    expect(text).not.toContain('Text of rules/legacy.md');
  });

  it('writes skills, the agent-requested rule and the command as skills in .agents/skills', () => {
    const skillMd = at(out.items, path.join(skills, 'pdf-report', 'SKILL.md'))[0] as { content: string };
    expect(frontmatterOf(skillMd.content).fm.name).toBe('pdf-report');
    const script = at(out.items, path.join(skills, 'pdf-report', 'scripts', 'report.sh'))[0] as {
      executable?: boolean;
    };
    expect(script.executable).toBe(true);
    const rule = at(out.items, path.join(skills, 'release', 'SKILL.md'))[0] as { content: string };
    expect(frontmatterOf(rule.content).fm).toEqual({ name: 'release', description: 'How to cut a release' });
    const cmd = at(out.items, path.join(skills, 'fix-issue', 'SKILL.md'))[0] as { content: string };
    const { fm, body } = frontmatterOf(cmd.content);
    expect(fm).toMatchObject({ name: 'fix-issue', description: COMMAND.description, 'disable-model-invocation': true });
    expect(body).not.toContain('$ARGUMENTS');
  });

  it('writes MCP tables that parse, the dotted name as one server, tokens by variable name', () => {
    const servers = tomlOf(out.items, config).mcp_servers as Record<string, Record<string, unknown>>;
    expect(Object.keys(servers)).toEqual(['github', 'awslabs.aws-documentation-mcp-server', 'linear']);
    expect(servers['awslabs.aws-documentation-mcp-server']).toEqual({
      command: 'uvx',
      args: ['awslabs.aws-documentation-mcp-server@latest'],
    });
    expect(servers.linear).toEqual({ url: 'https://mcp.linear.app/mcp', bearer_token_env_var: 'LINEAR_TOKEN' });
    expect(JSON.stringify(out.items)).not.toContain('lin_fixture');
    const ids = out.items.filter((i) => i.kind === 'toml-table').map((i) => (i as { id: string }).id);
    expect(ids).toContain('mcp_servers."awslabs.aws-documentation-mcp-server"');
  });

  it('writes hooks into .codex/hooks.json in Claude shape and skips what Codex lacks', () => {
    const hooks = assembleJson(out.items, path.join(base, '.codex', 'hooks.json'));
    expect(hooks).toEqual({
      hooks: {
        PostToolUse: [
          { matcher: 'apply_patch', hooks: [{ type: 'command', command: HOOKS[0]!.command, timeout: 30 }] },
        ],
        PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: './scripts/guard.sh' }] }],
      },
    });
  });

  it('reports every item', () => {
    const names = out.report.map((r) => `${r.kind}:${r.name}:${r.outcome}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'agent:reviewer:native',
        `rule:${RULES[0]!.path}:native`,
        `rule:${RULES[1]!.path}:fallback`,
        `rule:${RULES[2]!.path}:fallback`,
        `rule:${RULES[3]!.path}:skipped`,
        `skill:${SKILL.name}:native`,
        `command:${COMMAND.name}:fallback`,
        ...HOOKS.map((h) => `hook:${h.name}:native`),
        ...SERVERS.map((s) => `mcp-server:${s.name}:native`),
        'permissions:permissions:skipped',
      ]),
    );
    expect(out.report).toHaveLength(4 + 1 + 1 + 1 + HOOKS.length + SERVERS.length + 1);
    expect(out.warnings.some((w) => w.includes('rules/legacy.md'))).toBe(true);
  });

  if (scope === 'project')
    it('is home-free at project scope', () => {
      expect(homeFreeProblems(out.items)).toEqual([]);
    });
});

describe('codex details', () => {
  it('maps headers: exactly ${VAR} to env_http_headers, literal to http_headers', () => {
    const out = codex.render(
      fullInput('project', {
        mcpServers: [
          {
            schemaVersion: 1,
            name: 'api',
            transport: 'http',
            url: 'https://x.example/mcp',
            headers: { 'X-Key': '${API_KEY}', 'X-Team': 'core' },
          },
        ],
      }),
    );
    const servers = tomlOf(out.items, path.join(PROJECT, '.codex', 'config.toml')).mcp_servers as Record<
      string,
      unknown
    >;
    expect(servers.api).toEqual({
      url: 'https://x.example/mcp',
      env_http_headers: { 'X-Key': 'API_KEY' },
      http_headers: { 'X-Team': 'core' },
    });
  });

  it('keeps the 32 KiB AGENTS.md check', () => {
    expect(codex.check?.('/p/AGENTS.md', 'x'.repeat(CODEX_AGENTS_MD_CAP + 1))).toContain('project_doc_max_bytes');
    expect(codex.check?.('/p/AGENTS.md', 'short')).toBeUndefined();
    expect(codex.check?.('/p/other.md', 'x'.repeat(CODEX_AGENTS_MD_CAP + 1))).toBeUndefined();
  });

  it('has surfaces, detection and format 2', () => {
    expect(codex.formatVersion).toBe(2);
    expect(codex.surfaces.map((s) => `${s.scope}:${s.kind}`)).toContain('project:mcp-server');
    expect(codex.surfaces.find((s) => s.scope === 'project' && s.kind === 'mcp-server')?.path).toBe(
      '.codex/config.toml',
    );
  });
});
