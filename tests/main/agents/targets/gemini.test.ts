import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { TARGETS } from '../../../../src/main/agents/targets';
import { SCHEMAS_DIR } from '../../../helpers/app';
import {
  COMMAND,
  HOME,
  HOOKS,
  PERMISSIONS,
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

const gemini = TARGETS.gemini;
const validate = new Ajv2020({ strict: false, allErrors: true }).compile(
  JSON.parse(fs.readFileSync(path.join(SCHEMAS_DIR, 'gemini-cli-settings.schema.json'), 'utf8')) as object,
);

describe.each([
  ['project', PROJECT],
  ['user', HOME],
] as const)('gemini at %s scope', (scope, base) => {
  const out = gemini.render(fullInput(scope));
  const gDir = path.join(base, '.gemini');
  const geminiMd = scope === 'user' ? path.join(gDir, 'GEMINI.md') : path.join(PROJECT, 'GEMINI.md');
  const settingsFile = path.join(gDir, 'settings.json');
  const settings = assembleJson(out.items, settingsFile);

  it('imports copied rules relative to GEMINI.md, never from the library', () => {
    const section = at(out.items, geminiMd)[0] as { kind: string; content: string };
    expect(section.kind).toBe('section');
    const rel = scope === 'user' ? './rules' : './.gemini/rules';
    expect(section.content).toContain(
      [`@${rel}/common-coding-standards.md`, `@${rel}/typescript.md`, `@${rel}/release.md`].join('\n'),
    );
    expect(section.content).not.toContain('legacy');
    expect(section.content).not.toContain('/home/alice/.config');
    const ts = at(out.items, path.join(gDir, 'rules', 'typescript.md'))[0] as { content: string };
    expect(ts.content).toContain('Applies to files matching: `**/*.ts`, `**/*.tsx`.');
    const release = at(out.items, path.join(gDir, 'rules', 'release.md'))[0] as { content: string };
    expect(release.content).toContain('Use when: How to cut a release');
  });

  it('writes settings.json valid against the schema: MCP, hooks, tool permissions', () => {
    expect(validate(settings), JSON.stringify(validate.errors)).toBe(true);
    const servers = settings.mcpServers as Record<string, Record<string, unknown>>;
    expect(Object.keys(servers)).toEqual(SERVERS.map((s) => s.name));
    expect(servers['awslabs.aws-documentation-mcp-server']?.command).toBe('uvx');
    expect(servers.linear).toEqual({
      httpUrl: 'https://mcp.linear.app/mcp',
      headers: { Authorization: 'Bearer ${LINEAR_TOKEN}' },
    });
    expect(settings.hooks).toEqual({
      AfterTool: [
        {
          matcher: 'replace|write_file',
          hooks: [
            {
              name: 'format-on-edit',
              type: 'command',
              command: HOOKS[0]!.command,
              description: 'Formats edited files',
              timeout: 30000,
            },
          ],
        },
      ],
      BeforeTool: [
        {
          matcher: 'run_shell_command',
          hooks: [
            { name: 'guard-shell', type: 'command', command: './scripts/guard.sh', description: HOOKS[1]!.description },
          ],
        },
      ],
    });
    expect(settings.tools).toEqual({
      allowed: ['run_shell_command(npm test)', 'read_file'],
      confirmationRequired: ['run_shell_command(git push)'],
    });
  });

  it('writes commands as TOML with {{args}}', () => {
    const file = at(out.items, path.join(gDir, 'commands', 'fix-issue.toml'))[0] as { content: string };
    const cmd = parseToml(file.content);
    expect(cmd).toEqual({
      description: COMMAND.description,
      prompt: 'Read issue {{args}} with `gh issue view`, fix it, and add a test.\n',
    });
  });

  it('writes skills as whole folders in .agents/skills', () => {
    const md = at(out.items, path.join(base, '.agents', 'skills', SKILL.name, 'SKILL.md'))[0] as { content: string };
    expect(frontmatterOf(md.content).fm.name).toBe(SKILL.name);
    expect(at(out.items, path.join(base, '.agents', 'skills', SKILL.name, 'reference', 'format.md'))).toHaveLength(1);
  });

  it('reports every item', () => {
    const n = PERMISSIONS.allow.length + PERMISSIONS.ask.length + PERMISSIONS.deny.length + PERMISSIONS.ignore.length;
    expect(out.report).toHaveLength(1 + RULES.length + 1 + 1 + HOOKS.length + SERVERS.length + n);
    const by = (kind: string, name: string) => out.report.find((r) => r.kind === kind && r.name === name)?.outcome;
    expect(by('rule', 'rules/legacy.md')).toBe('skipped');
    expect(by('rule', 'rules/typescript.md')).toBe('fallback');
    expect(by('rule', 'common/coding-standards.md')).toBe('native');
    expect(by('permissions', 'deny Read(./.env)')).toBe('skipped');
    expect(by('command', 'fix-issue')).toBe('native');
    expect(by('permissions', 'ignore .env')).toBe(scope === 'project' ? 'native' : 'skipped');
  });

  if (scope === 'project') {
    it('writes ignore patterns into .geminiignore and stays home-free', () => {
      const block = at(out.items, path.join(PROJECT, '.geminiignore'))[0];
      expect(block).toEqual({
        kind: 'text-block',
        path: path.join(PROJECT, '.geminiignore'),
        id: 'reviewer',
        body: '.env\nsecrets/**',
      });
      expect(homeFreeProblems(out.items)).toEqual([]);
    });
  }
});
