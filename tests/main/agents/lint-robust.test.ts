import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintLibrary, lintWalked, type LintIssue } from '../../../src/main/agents/lint';
import { walkLibrary } from '../../../src/main/library/walk';
import { tempDir } from '../../helpers/temp';
import { writeTree } from './helpers';

const at = (i: LintIssue): string => `${i.file}:${i.line}:${i.col} ${i.severity} ${i.rule}`;
const isRoot = process.getuid?.() === 0;
const fm = (lines: string): string => `---\n${lines}\n---\n\nBody.\n`;

describe('lint never crashes: what cannot be read is a finding', () => {
  it('a file that vanishes between listing and reading is file/vanished (a warning: exit 0)', async () => {
    const lib = tempDir('aicfg-lint-');
    writeTree(lib, { 'agents/a.md': fm('schemaVersion: 1\nname: a\nmcpServers: [s]'), 'mcp-servers/s.json': '{}' });
    const files = await walkLibrary(lib);
    fs.rmSync(path.join(lib, 'mcp-servers', 's.json'));
    const r = await lintWalked(lib, files);
    expect(r.issues.map(at)).toEqual([
      'agents/a.md:4:14 error agent/server-unknown',
      'mcp-servers/s.json:1:1 warning file/vanished',
    ]);
  });

  it.skipIf(isRoot)(
    'an unreadable file (chmod 000) is file/unreadable naming the fix (skipped as root: root reads it)',
    async () => {
      const lib = tempDir('aicfg-lint-');
      writeTree(lib, { 'rules/locked.md': fm('title: Locked') });
      fs.chmodSync(path.join(lib, 'rules', 'locked.md'), 0o000);
      try {
        const r = await lintLibrary(lib);
        expect(r.issues.map(at)).toEqual(['rules/locked.md:1:1 error file/unreadable']);
        expect(r.issues[0]!.fix).toContain('chmod a+r rules/locked.md');
      } finally {
        fs.chmodSync(path.join(lib, 'rules', 'locked.md'), 0o644);
      }
    },
  );

  it.skipIf(isRoot)(
    'an unreadable folder is file/unreadable, the rest still checked (skipped as root: root reads it)',
    async () => {
      const lib = tempDir('aicfg-lint-');
      writeTree(lib, { 'rules/locked/a.md': fm('title: A'), 'rules/ok.md': fm('activation: nope') });
      fs.chmodSync(path.join(lib, 'rules', 'locked'), 0o000);
      try {
        const r = await lintLibrary(lib);
        expect(r.issues.map(at)).toEqual([
          'rules/locked:1:1 error file/unreadable',
          'rules/ok.md:2:1 error rule/activation-unknown',
        ]);
      } finally {
        fs.chmodSync(path.join(lib, 'rules', 'locked'), 0o755);
      }
    },
  );

  it('a folder where a file is expected is file/not-a-file', async () => {
    const lib = tempDir('aicfg-lint-');
    writeTree(lib, {
      'skills/pdf/SKILL.md/notes.md': '# not here\n',
      'hooks/fmt.yaml/x.yaml': 'hooks: []\n',
    });
    const r = await lintLibrary(lib);
    expect(r.issues.map(at)).toEqual([
      'hooks/fmt.yaml:1:1 error file/not-a-file',
      'skills/pdf/SKILL.md:1:1 error file/not-a-file',
    ]);
  });

  it('a symlink out of the root is fs/symlink and is never read', async () => {
    const lib = tempDir('aicfg-lint-');
    const outside = tempDir('aicfg-outside-');
    fs.writeFileSync(path.join(outside, 'secret.md'), `---\nactivation: nope\n---\nghp_${'a1'.repeat(18)}\n`);
    fs.mkdirSync(path.join(lib, 'rules'));
    fs.symlinkSync(path.join(outside, 'secret.md'), path.join(lib, 'rules', 'link.md'));
    const r = await lintLibrary(lib);
    expect(r.issues.map(at)).toEqual(['rules/link.md:1:1 error fs/symlink']);
  });

  it('a file swapped for a symlink after the walk is fs/symlink, reported once', async () => {
    const lib = tempDir('aicfg-lint-');
    const outside = tempDir('aicfg-outside-');
    fs.writeFileSync(path.join(outside, 'x.md'), fm('activation: nope'));
    writeTree(lib, { 'rules/a.md': fm('title: A') });
    const files = await walkLibrary(lib);
    fs.rmSync(path.join(lib, 'rules', 'a.md'));
    fs.symlinkSync(path.join(outside, 'x.md'), path.join(lib, 'rules', 'a.md'));
    const r = await lintWalked(lib, files);
    expect(r.issues.map(at)).toEqual(['rules/a.md:1:1 error fs/symlink']);
  });

  it('binary content is file/binary (an error), and not parsed', async () => {
    const lib = tempDir('aicfg-lint-');
    fs.mkdirSync(path.join(lib, 'hooks'));
    fs.writeFileSync(path.join(lib, 'hooks', 'h.yaml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0d, 0x0a]));
    const r = await lintLibrary(lib);
    expect(r.issues.map(at)).toEqual(['hooks/h.yaml:1:1 error file/binary']);
  });

  it('invalid UTF-8 is file/not-utf8 at the bad byte, and the file is still checked', async () => {
    const lib = tempDir('aicfg-lint-');
    fs.mkdirSync(path.join(lib, 'rules'));
    const text = Buffer.concat([
      Buffer.from('---\ntitle: Caf'),
      Buffer.from([0xe9]),
      Buffer.from('\nactivation: nope\n---\n\nBody.\n'),
    ]);
    fs.writeFileSync(path.join(lib, 'rules', 'latin1.md'), text);
    const r = await lintLibrary(lib);
    expect(r.issues.map(at)).toEqual([
      'rules/latin1.md:2:11 warning file/not-utf8',
      'rules/latin1.md:3:1 error rule/activation-unknown',
    ]);
    expect(r.issues[0]!.message).toContain('0xe9');
  });

  it('a folder of real Cursor rules with unquoted globs (the "Unresolved alias" crash) only warns', async () => {
    const lib = tempDir('aicfg-lint-');
    writeTree(lib, {
      'rules/a.mdc': '---\ndescription: A\nglobs: **/*.ts\nalwaysApply: false\n---\nA\n',
      'rules/b.mdc': '---\ndescription: B\nglobs: *.tsx\n---\nB\n',
      'rules/c.mdc': '---\ndescription: C\nglobs: *\n---\nC\n',
    });
    const r = await lintLibrary(lib);
    expect(r.errors).toBe(0);
    expect(r.issues.map(at)).toEqual([
      'rules/a.mdc:3:8 warning frontmatter/not-strict-yaml',
      'rules/b.mdc:3:8 warning frontmatter/not-strict-yaml',
      'rules/c.mdc:3:8 warning frontmatter/not-strict-yaml',
    ]);
  });
});

describe('lint severities', () => {
  it('overrides change a rule severity or turn it off; the counts follow', async () => {
    const lib = tempDir('aicfg-lint-');
    writeTree(lib, { 'commands/x.md': 'Do it.\n', 'rules/r.md': fm('activation: nope') });
    const base = await lintLibrary(lib);
    expect(base.issues.map(at)).toEqual([
      'commands/x.md:1:1 warning command/description-missing',
      'rules/r.md:2:1 error rule/activation-unknown',
    ]);
    const r = await lintLibrary(lib, {
      rules: { 'command/description-missing': 'off', 'rule/activation-unknown': 'info' },
    });
    expect(r.issues.map(at)).toEqual(['rules/r.md:2:1 info rule/activation-unknown']);
    expect([r.errors, r.warnings, r.infos]).toEqual([0, 0, 1]);
  });
});
