import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Agent, McpServer, Scope } from '../../../../src/shared/agents';
import type { Desired } from '../../../../src/main/agents/model';
import type {
  CommandContent,
  HookContent,
  PermissionSet,
  RenderInput,
  RuleText,
  SkillContent,
} from '../../../../src/main/agents/targets/types';

/**
 * One RenderInput holding every kind, shared by the golden tests of every target (tests/main/agents/targets/*).
 * Home and project are fake absolute paths: render is pure, nothing is written.
 */
export const HOME = '/home/alice';
export const PROJECT = '/work/acme-app';
export const LIBRARY = '/home/alice/.config/ai-configurator/library/team';

export function agent(over: Partial<Agent> = {}): Agent {
  return {
    schemaVersion: 1,
    name: 'reviewer',
    title: 'Code reviewer',
    description: 'Reviews changes for bugs and style',
    tags: [],
    resources: [],
    rules: [],
    skills: [],
    commands: [],
    hooks: [],
    permissions: [],
    mcpServers: [],
    targets: [],
    settings: {},
    prompt: 'You review code. Be concise.\n',
    source: 'team',
    path: 'agents/reviewer.md',
    ...over,
  };
}

export function rule(p: string, over: Partial<RuleText> = {}): RuleText {
  return {
    source: 'team',
    path: p,
    abs: path.join(LIBRARY, p),
    body: `Text of ${p}.\n`,
    title: path.basename(p, path.extname(p)),
    description: '',
    activation: 'always',
    globs: [],
    ...over,
  };
}

export const RULES: ReadonlyArray<RuleText> = [
  rule('common/coding-standards.md', { title: 'Coding standards' }),
  rule('rules/typescript.md', {
    title: 'TypeScript',
    description: 'TypeScript conventions',
    activation: 'glob',
    globs: ['**/*.ts', '**/*.tsx'],
  }),
  rule('rules/release.md', { title: 'Releasing', description: 'How to cut a release', activation: 'agent-requested' }),
  rule('rules/legacy.md', { title: 'Legacy notes', description: 'Old module notes', activation: 'manual' }),
];

export const SKILL: SkillContent = {
  name: 'pdf-report',
  description: 'Builds a PDF report from test results. Use when asked for a test report.',
  source: 'team',
  path: 'skills/pdf-report',
  files: [
    {
      rel: 'SKILL.md',
      content:
        '---\nname: pdf-report\ndescription: Builds a PDF report from test results. Use when asked for a test report.\n---\n\n' +
        'Run `scripts/report.sh` and attach the output.\n',
    },
    { rel: 'scripts/report.sh', content: '#!/bin/sh\necho report\n', executable: true },
    { rel: 'reference/format.md', content: '# Format\n' },
  ],
  frontmatter: {
    name: 'pdf-report',
    description: 'Builds a PDF report from test results. Use when asked for a test report.',
  },
  body: 'Run `scripts/report.sh` and attach the output.\n',
};

export const COMMAND: CommandContent = {
  name: 'fix-issue',
  description: 'Fix a GitHub issue by number',
  source: 'team',
  path: 'commands/fix-issue.md',
  argumentHint: '[issue-number]',
  allowedTools: ['Bash(gh issue view:*)', 'Edit'],
  body: 'Read issue $ARGUMENTS with `gh issue view`, fix it, and add a test.\n',
};

export const HOOKS: ReadonlyArray<HookContent> = [
  {
    name: 'format-on-edit',
    source: 'team',
    path: 'hooks/format-on-edit.yaml',
    description: 'Formats edited files',
    event: 'post-tool',
    matcher: 'Edit|Write',
    command: 'npx prettier --write "$CLAUDE_FILE_PATHS"',
    timeout: 30,
  },
  {
    name: 'guard-shell',
    source: 'team',
    path: 'hooks/guard-shell.yaml',
    description: 'Blocks dangerous shell commands',
    event: 'pre-tool',
    matcher: 'Bash',
    command: './scripts/guard.sh',
  },
];

export const PERMISSIONS: PermissionSet = {
  allow: ['Bash(npm test:*)', 'Read'],
  ask: ['Bash(git push:*)'],
  deny: ['Read(./.env)'],
  ignore: ['.env', 'secrets/**'],
};

export const SERVERS: ReadonlyArray<McpServer> = [
  {
    schemaVersion: 1,
    name: 'github',
    transport: 'stdio',
    command: 'npx',
    args: ['-y', '@modelcontextprotocol/server-github'],
    env: { GITHUB_TOKEN: '${GITHUB_TOKEN}' },
  },
  {
    schemaVersion: 1,
    name: 'awslabs.aws-documentation-mcp-server',
    transport: 'stdio',
    command: 'uvx',
    args: ['awslabs.aws-documentation-mcp-server@latest'],
    env: {},
  },
  {
    schemaVersion: 1,
    name: 'linear',
    transport: 'http',
    url: 'https://mcp.linear.app/mcp',
    headers: { Authorization: 'Bearer ${LINEAR_TOKEN}' },
  },
];

/** Every kind, at the given scope. */
export function fullInput(scope: Scope, over: Partial<RenderInput> = {}): RenderInput {
  return {
    agent: agent(),
    resources: RULES,
    skills: [SKILL],
    commands: [COMMAND],
    hooks: HOOKS,
    permissions: PERMISSIONS,
    mcpServers: SERVERS,
    scope,
    ...(scope === 'project' ? { project: PROJECT } : {}),
    homeDir: HOME,
    platform: 'linux',
    vars: { env: { GITHUB_TOKEN: 'ghp_fixture', LINEAR_TOKEN: 'lin_fixture' }, secret: () => undefined },
    ...over,
  };
}

/** Splits `---\nyaml\n---\nbody` and parses the YAML strictly (throws on invalid YAML). */
export function frontmatterOf(text: string): { fm: Record<string, unknown>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
  if (!m) return { fm: {}, body: text };
  return { fm: (parseYaml(m[1]!) ?? {}) as Record<string, unknown>, body: m[2]! };
}

/** The items at one path. */
export function at(items: ReadonlyArray<Desired>, p: string): Desired[] {
  return items.filter((i) => i.path === p);
}

/** Every path a project-scope render writes must be inside the project, and no content may name home or library. */
export function homeFreeProblems(items: ReadonlyArray<Desired>, project = PROJECT): string[] {
  const problems: string[] = [];
  for (const i of items) {
    if (!i.path.startsWith(project + path.sep)) problems.push(`${i.path}: outside the project`);
    const text = JSON.stringify(i);
    if (text.includes(HOME) && !text.includes(project)) problems.push(`${i.path}: names the home folder`);
    if (text.includes(LIBRARY)) problems.push(`${i.path}: names the library path`);
    if (text.includes(HOME + '/')) problems.push(`${i.path}: names ${HOME}/`);
  }
  return problems;
}
