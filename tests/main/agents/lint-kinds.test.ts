import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintLibrary, lintWalked, type LintIssue } from '../../../src/main/agents/lint';
import { walkLibrary } from '../../../src/main/library/walk';
import { ASSETS_DIR } from '../../helpers/app';
import { tempDir } from '../../helpers/temp';
import { writeTree } from './helpers';

/** Lints a temp library holding `files`; returns the structural findings (no content-scan ones). */
async function lint(files: Record<string, string>): Promise<LintIssue[]> {
  const lib = tempDir('aicfg-lint-');
  writeTree(lib, files);
  return (await lintLibrary(lib)).issues.filter((i) => !/^(secret|unicode|fs|scan)\//.test(i.rule));
}

const fm = (lines: string, body = 'Body.\n'): string => `---\n${lines}\n---\n\n${body}`;

/** `file:line severity field: message` for compact expectations. */
const show = (i: LintIssue): string => `${i.file}:${i.line} ${i.severity} ${i.field ?? '-'}: ${i.message}`;

describe('lint: rules', () => {
  it('accepts every activation with what it needs, and both glob spellings', async () => {
    const issues = await lint({
      'rules/a.md': fm('title: A\nactivation: always'),
      'rules/b.md': fm('globs: ["**/*.ts", "**/*.tsx"]'),
      'rules/c.md': fm('paths:\n  - "src/**"\nactivation: glob'),
      'rules/d.md': fm('activation: agent-requested\ndescription: Read when touching the database.'),
      'rules/e.md': fm('activation: manual'),
      'rules/f.mdc': fm('globs: "src/**/*.ts,tests/**"\nalwaysApply: false'),
      'common/plain.md': '# No frontmatter at all\n',
    });
    expect(issues).toEqual([]);
  });

  it('an unknown activation, a glob rule without globs, non-string globs: errors with the field and a fix', async () => {
    const issues = await lint({
      'rules/act.md': fm('title: X\nactivation: sometimes'),
      'rules/glob.md': fm('activation: glob'),
      'rules/nums.md': fm('title: N\nglobs: [1, 2]'),
      'rules/map.md': fm('paths:\n  src: yes'),
      'rules/req.md': fm('activation: agent-requested'),
      'rules/empty.md': fm('globs: []'),
    });
    expect(issues.map(show)).toEqual([
      'rules/act.md:3 error activation: field "activation" "sometimes" is not one of always, glob, agent-requested, manual',
      'rules/empty.md:2 warning globs: globs is empty: the rule loads always',
      'rules/glob.md:2 error activation: activation: glob needs paths or globs',
      'rules/map.md:2 error paths: field "paths" must be a string or a list of strings, not {"src":"yes"}',
      'rules/nums.md:3 error globs: field "globs" must be a string or a list of strings, not [1,2]',
      'rules/req.md:2 error description: an agent-requested rule needs a description: the tool reads only the description to decide',
    ]);
    for (const i of issues) expect(i.fix, show(i)).toBeTruthy();
    expect(issues[0]!.fix).toMatch(/use one of always, glob, agent-requested, manual/);
  });

  it('an unquoted glob (invalid YAML that Cursor reads) is a warning with "quote the value", not a crash', async () => {
    const issues = await lint({
      'rules/cursor.mdc': fm('description: TS files\nglobs: **/*.ts\nalwaysApply: false'),
      'rules/two.md': fm('globs: **/*.ts, **/*.tsx\nactivation: nope'),
      'rules/brace.md': fm('paths: {src,lib}/**/*.js'),
    });
    expect(issues.map(show)).toEqual([
      expect.stringMatching(/^rules\/brace\.md:2 warning paths: paths: \{src,lib\}\/\*\*\/\*\.js is not valid YAML/),
      expect.stringMatching(/^rules\/cursor\.mdc:3 warning globs: globs: \*\*\/\*\.ts is not valid YAML/),
      expect.stringMatching(/^rules\/two\.md:2 warning globs: /),
      // The rest of the frontmatter is still checked.
      expect.stringMatching(/^rules\/two\.md:3 error activation: field "activation" "nope" is not one of/),
    ]);
    expect(issues[1]!.fix).toBe('quote the value: globs: "**/*.ts"');
    expect(issues[2]!.fix).toBe('quote the value: globs: "**/*.ts, **/*.tsx"');
  });

  it('other invalid YAML (an alias nothing anchors, a bad mapping) is a finding on its line, never a throw', async () => {
    const issues = await lint({
      'rules/alias.md': fm('title: *nothing'),
      'rules/bad.md': fm('title: A\ntags: [a, b'),
      'rules/list.md': fm('- just\n- a list'),
      'rules/open.md': '---\ntitle: never closed\n',
    });
    // What the tolerant reader (library/frontmatter.ts) makes a mapping of is a warning; the rest an error.
    const yaml = /^(error frontmatter\/invalid|warning frontmatter\/not-strict-yaml)$/;
    expect(issues.map((i) => `${i.file}:${i.line}`)).toEqual([
      'rules/alias.md:2',
      'rules/bad.md:3',
      'rules/list.md:2',
      'rules/open.md:1',
    ]);
    expect(`${issues[0]!.severity} ${issues[0]!.rule}`).toMatch(yaml);
    expect(`${issues[1]!.severity} ${issues[1]!.rule}`).toMatch(yaml);
    expect(issues.slice(2).map(show)).toEqual([
      'rules/list.md:2 error -: frontmatter must be a YAML mapping (key: value lines)',
      'rules/open.md:1 error -: frontmatter starts with "---" but has no closing "---" line',
    ]);
  });

  it('today an alias nothing anchors is frontmatter/invalid naming the YAML error', async () => {
    const [issue] = await lint({ 'rules/alias.md': fm('title: *nothing') });
    if (issue?.rule === 'frontmatter/invalid')
      expect(issue.message).toBe(
        'invalid YAML frontmatter: Unresolved alias (the anchor must be set before the alias): nothing',
      );
    else expect(issue).toMatchObject({ rule: 'frontmatter/not-strict-yaml', line: 2, severity: 'warning' });
  });
});

describe('lint: skills', () => {
  const skill = (name: string, description = 'Does one thing; use it when asked.'): string =>
    fm(`name: ${name}\ndescription: ${description}\ntags: [x]`);

  it('a valid skill folder (SKILL.md, files and a script beside it) has no findings', async () => {
    const lib = tempDir('aicfg-lint-');
    writeTree(lib, {
      'skills/write-tests/SKILL.md': skill('write-tests'),
      'skills/write-tests/reference.md': '# Reference\n',
      'skills/write-tests/scripts/run.sh': '#!/bin/sh\necho ok\n',
    });
    const r = await lintLibrary(lib);
    expect(r.issues).toEqual([]);
  });

  it('name and description required; name matches the folder and the skill-name rule; description ≤ 1024', async () => {
    const issues = await lint({
      'skills/no-name/SKILL.md': fm('description: D'),
      'skills/no-desc/SKILL.md': fm('name: no-desc'),
      'skills/other/SKILL.md': skill('different'),
      'skills/Bad_Name/SKILL.md': skill('Bad_Name'),
      'skills/long/SKILL.md': skill('long', 'x'.repeat(1025)),
      'skills/bare/SKILL.md': '# No frontmatter\n',
      'skills/only-script/run.sh': '#!/bin/sh\n',
      'skills/lower/skill.md': skill('lower'),
      'skills/loose.md': '# A skill must be a folder\n',
    });
    expect(issues.map(show)).toEqual([
      'skills/Bad_Name/SKILL.md:1 error name: the skill folder name "Bad_Name" is not a valid skill name (lower-case letters, digits, hyphens; 64)',
      'skills/Bad_Name/SKILL.md:2 error name: skill name "Bad_Name" may hold only lower-case letters, digits and single hyphens',
      'skills/bare/SKILL.md:1 error -: SKILL.md has no frontmatter; name and description are required',
      'skills/long/SKILL.md:3 error description: field "description" is 1025 characters; the limit is 1024',
      'skills/loose.md:1 warning -: a skill is a folder with a SKILL.md (this file is read as a rule)',
      'skills/lower/skill.md:1 error -: the skill file must be named SKILL.md (upper case), not skill.md',
      'skills/no-desc/SKILL.md:2 error description: field "description" is required',
      'skills/no-name/SKILL.md:2 error name: field "name" is required',
      'skills/only-script/SKILL.md:1 error -: the skill folder skills/only-script has no SKILL.md',
      'skills/other/SKILL.md:2 error name: skill name "different" does not match its folder "skills/other"',
    ]);
    const fix = (start: string) => issues.find((i) => i.message.startsWith(start))!.fix;
    expect(fix('skill name "different"')).toBe('set name: other, or rename the folder to skills/different');
    expect(fix('the skill folder name "Bad_Name"')).toBe('rename the folder to skills/bad-name');
    expect(fix('skill name "Bad_Name"')).toBe('rename it (and the folder) to "bad-name"');
  });
});

describe('lint: commands', () => {
  it('a description is recommended (warning); typed fields are checked; odd names are mapped (warning)', async () => {
    const issues = await lint({
      'commands/ok.md': fm(
        'description: Explain\nargument-hint: "[path]"\nallowed-tools: [Read, Grep]',
        'Explain $ARGUMENTS\n',
      ),
      'commands/plain.md': 'Do $ARGUMENTS\n',
      // `[a, b]` is a YAML list, which Claude Code shows joined: accepted.
      'commands/typed.md': fm('description: T\nargument-hint: [a, b]\nallowed-tools: 3'),
      'commands/Fix_It.md': fm('description: F'),
      'commands/notes.txt': 'not a command\n',
    });
    expect(issues.map(show)).toEqual([
      'commands/Fix_It.md:1 warning name: the command name "Fix_It" becomes "fix-it" in tools with stricter names (skills, Claude Code)',
      'commands/notes.txt:1 warning -: a command is a Markdown file',
      'commands/plain.md:1 warning description: a command should have a description: tools show it in the command list, and some pick by it',
      'commands/typed.md:4 error allowed-tools: field "allowed-tools" must be a string or a list of strings, not 3',
    ]);
  });
});

describe('lint: hooks', () => {
  it('valid YAML and JSON hook files have no findings', async () => {
    const issues = await lint({
      'hooks/format.yaml':
        'schemaVersion: 1\ndescription: Format\nhooks:\n  - event: post-tool\n    matcher: Edit|Write\n    command: prettier --write\n    timeout: 30\n',
      'hooks/guard.json': JSON.stringify({ hooks: [{ event: 'pre-tool', matcher: 'Bash', command: './guard.sh' }] }),
    });
    expect(issues).toEqual([]);
  });

  it('unknown event (with the canonical name for a Claude one), missing command, unknown keys, bad syntax', async () => {
    const issues = await lint({
      'hooks/claude.yaml': 'hooks:\n  - event: PreToolUse\n    command: x\n',
      'hooks/nocmd.yaml': 'hooks:\n  - event: stop\n',
      'hooks/typo.yaml': 'hook:\n  - event: stop\n    command: x\n',
      'hooks/extra.yaml': 'hooks:\n  - event: stop\n    command: x\n    when: always\n',
      'hooks/empty.yaml': 'hooks: []\n',
      'hooks/matcher.yaml': 'hooks:\n  - event: stop\n    matcher: Bash\n    command: x\n',
      'hooks/time.yaml': 'hooks:\n  - event: stop\n    command: x\n    timeout: -1\n',
      'hooks/bad.yaml': 'hooks:\n  - event: stop\n   command: [\n',
      'hooks/bad.json': '{ "hooks": [ }',
      'hooks/blank.yaml': '',
      'hooks/nested/x.yaml': 'hooks: []\n',
    });
    expect(issues.map(show)).toEqual([
      expect.stringMatching(/^hooks\/bad\.json:1 error -: invalid JSON: /),
      expect.stringMatching(/^hooks\/bad\.yaml:\d error -: invalid YAML: /),
      'hooks/blank.yaml:1 error -: the file is empty',
      'hooks/claude.yaml:2 error hooks[0].event: field "hooks[0].event" "PreToolUse" is not one of pre-tool, post-tool, prompt-submit, stop, subagent-stop, session-start, session-end, pre-compact, notification',
      'hooks/empty.yaml:1 error hooks: field "hooks" needs at least 1 entry',
      'hooks/extra.yaml:4 error hooks[0].when: unknown field "hooks[0].when"',
      'hooks/matcher.yaml:3 warning hooks[0].matcher: matcher is ignored for event stop (no tool filters prompt-submit or stop hooks)',
      'hooks/nested/x.yaml:1 warning -: a hook file is hooks/<name>.yaml (or .yml, .json), directly in hooks/',
      'hooks/nocmd.yaml:2 error hooks[0].command: field "hooks[0].command" is required',
      'hooks/time.yaml:4 error hooks[0].timeout: field "hooks[0].timeout" must be at least 0',
      'hooks/typo.yaml:1 error hooks: field "hooks" is required',
      'hooks/typo.yaml:1 error hook: unknown field "hook"',
    ]);
    const fix = (file: string) => issues.find((i) => i.file === file)!.fix;
    expect(fix('hooks/claude.yaml')).toBe("write event: pre-tool (the library's name for PreToolUse)");
    expect(fix('hooks/extra.yaml')).toMatch(/the fields here are event, matcher, command, timeout/);
  });
});

describe('lint: permissions', () => {
  it('valid rules have no findings; bad shapes are errors, odd rules warnings', async () => {
    const issues = await lint({
      'permissions/safe.yaml':
        'schemaVersion: 1\nallow: ["Bash(npm test:*)", mcp__github]\nask: ["Bash(git push:*)"]\ndeny: ["Read(./.env)"]\nignore: [.env, "secrets/**"]\n',
      'permissions/bad.yaml': 'deny: Read(./.env)\nallowed: [x]\n',
      'permissions/odd.json': JSON.stringify({ deny: ['read the env file'] }, null, 2),
      'permissions/none.yaml': 'description: nothing\n',
    });
    expect(issues.map(show)).toEqual([
      'permissions/bad.yaml:1 error deny: field "deny" must be a array, not a string',
      'permissions/bad.yaml:2 error allowed: unknown field "allowed"',
      'permissions/none.yaml:1 warning -: the permissions file has no rules',
      'permissions/odd.json:3 warning deny[0]: "read the env file" is not a permission rule (Tool or Tool(specifier))',
    ]);
  });
});

describe('lint: agent selectors', () => {
  it('each selector of rules, skills, commands, hooks and permissions must pick something: a warning naming it', async () => {
    const issues = await lint({
      'rules/ts.md': fm('globs: ["**/*.ts"]\ntags: [ts]'),
      'skills/review/SKILL.md': fm('name: review\ndescription: Review code.\ntags: [quality]'),
      'commands/fix-issue.md': fm('description: Fix'),
      'hooks/format.yaml': 'tags: [fmt]\nhooks:\n  - event: stop\n    command: x\n',
      'permissions/safe.yaml': 'deny: ["Read(./.env)"]\n',
      'agents/good.md': fm(
        [
          'schemaVersion: 1',
          'name: good',
          'rules: [rules/ts.md, "rules/*.md", "tag:ts"]',
          'skills: [review, skills/review, "skills/*", "tag:quality"]',
          'commands: [fix-issue, commands/fix-issue.md, "commands/*.md"]',
          'hooks: [format, hooks/format.yaml, "tag:fmt"]',
          'permissions: [safe, permissions/safe.yaml]',
        ].join('\n'),
      ),
      'agents/bad.md': fm(
        [
          'schemaVersion: 1',
          'name: bad',
          'rules:',
          '  - rules/missing.md',
          '  - skills/review/SKILL.md',
          'skills: [nope, "tag:none"]',
          'commands: ["commands/x/*.md"]',
          'hooks: [ghost]',
          'permissions: [strict]',
        ].join('\n'),
      ),
    });
    expect(issues.map(show)).toEqual([
      'agents/bad.md:5 warning rules[0]: rules: "rules/missing.md" names no rule file in this library',
      'agents/bad.md:6 warning rules[1]: rules: "skills/review/SKILL.md" is a skill, not a rule',
      'agents/bad.md:7 warning skills[0]: skills: "nope" names no skill (skills/<name>/SKILL.md) in this library',
      'agents/bad.md:7 warning skills[1]: skills: no skill (skills/<name>/SKILL.md) has the tag "none" in this library',
      'agents/bad.md:8 warning commands[0]: commands: the glob "commands/x/*.md" matches no command (commands/<name>.md) in this library',
      'agents/bad.md:9 warning hooks[0]: hooks: "ghost" names no hook file (hooks/<name>.yaml) in this library',
      'agents/bad.md:10 warning permissions[0]: permissions: "strict" names no permissions file (permissions/<name>.yaml) in this library',
    ]);
    expect(issues.find((i) => i.field === 'rules[1]')!.fix).toBe('list it under skills: instead');
  });
});

describe('lint: robustness', () => {
  it('a file that vanished after the walk is a file/vanished warning, not a crash', async () => {
    const lib = tempDir('aicfg-lint-');
    writeTree(lib, {
      'rules/keep.md': fm('activation: nope'),
      'rules/gone.md': fm('activation: nope'),
      'skills/s/SKILL.md': fm('name: s\ndescription: S'),
    });
    const files = await walkLibrary(lib);
    fs.rmSync(path.join(lib, 'rules', 'gone.md'));
    const r = await lintWalked(lib, files);
    expect(r.files).toBe(2);
    expect(r.issues.map((i) => `${i.file} ${i.severity} ${i.rule}`)).toEqual([
      'rules/gone.md warning file/vanished',
      'rules/keep.md error rule/activation-unknown',
    ]);
  });

  it.each([
    ['binary', '\u0000\uFFFD---\n:\n- [}\n\t*&x\n'],
    ['text', '\uFFFD---\n:\n- [}\n\t*&x\n'],
  ])('garbage (%s) in every kind never throws: each is a finding', async (_, junk) => {
    const kinds = ['rules/a.md', 'skills/a/SKILL.md', 'commands/a.md', 'hooks/a.yaml', 'permissions/a.json'];
    const lib = tempDir('aicfg-lint-');
    writeTree(lib, {
      ...Object.fromEntries(kinds.map((k) => [k, `---\n${junk}\n---\n`])),
      'agents/a.md': `---\n${junk}`,
      'mcp-servers/a.json': junk,
      'hooks/b.yaml': junk,
      'permissions/b.yaml': '*alias\n',
    });
    const r = await lintLibrary(lib);
    expect(r.errors).toBeGreaterThan(0);
    expect(r.issues.filter((i) => i.rule === 'lint/internal-error')).toEqual([]);
    for (const f of ['hooks/a.yaml', 'hooks/b.yaml', 'permissions/a.json', 'permissions/b.yaml', 'mcp-servers/a.json'])
      expect(r.issues.some((i) => i.file === f && i.severity === 'error')).toBe(true);
  });
});

describe('lint: the starter library', () => {
  it('lints clean (no errors, no warnings) and holds every kind', async () => {
    const root = path.join(ASSETS_DIR, 'starter-library');
    const r = await lintLibrary(root);
    expect(r.issues.map(show)).toEqual([]);
    const rels = (await walkLibrary(root)).map((f) => f.rel);
    for (const prefix of ['rules/', 'skills/', 'commands/', 'hooks/', 'permissions/', 'agents/', 'mcp-servers/'])
      expect(
        rels.some((p) => p.startsWith(prefix)),
        prefix,
      ).toBe(true);
  });
});
