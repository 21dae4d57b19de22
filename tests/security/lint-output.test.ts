import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/app';
import { tempDir } from '../helpers/temp';

const AWS = `${'AKIA'}Q3ZX7Y2W5V9U4T6S`;
const RANDOM = 'Zx8Qw2Lp5Rt9Vb3Nm7Kj4Hg6Fd1Sa0Pq';

function write(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
}

describe('ai-config lint: content scan', () => {
  it('prints file:line: rule-id: message, redacted, and exits 1 on secrets, bidi, tags and symlinks', async () => {
    const lib = tempDir('aicfg-lint-');
    const outside = tempDir('aicfg-outside-');
    write(lib, {
      'common/keys.md': `# Keys\n\naws ${AWS}\n`,
      'common/trojan.md': '# T\n\nif (admin\u202E) {}\n',
      'common/zw.md': '# Z\npass\u200Bword\n',
      'common/tags.md': `# Tags\nhello${String.fromCodePoint(0xe0049, 0xe0067)}\n`,
      'mcp-servers/api.json': `${JSON.stringify(
        { schemaVersion: 1, name: 'api', transport: 'stdio', command: 'api-mcp', env: { API_TOKEN: RANDOM } },
        null,
        2,
      )}\n`,
    });
    fs.symlinkSync(path.join(outside, 'x.md'), path.join(lib, 'common', 'link.md'));
    const r = await cli(['lint', lib], { AI_CONFIG_HOME: tempDir() });
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines.slice(0, -1).filter((l) => !l.startsWith('  fix: '))).toEqual([
      'common/keys.md:3:5: error secret/aws-key: AWS access key id (AKIA…) in plain text: remove it, use a ${NAME} placeholder instead',
      `common/link.md:1:1: error fs/symlink: symbolic link to "${path.join(outside, 'x.md')}" (outside the source): not followed; commit the file itself instead`,
      'common/tags.md:2:6: error unicode/tag: invisible Unicode tag character U+E0049 (and 1 more on this line): text may read differently than it shows',
      'common/trojan.md:3:10: error unicode/bidi: bidirectional control character U+202E: text may read differently than it shows',
      'common/zw.md:2:5: warning unicode/zero-width: zero-width character U+200B: text may read differently than it shows',
      'mcp-servers/api.json:7:19: error secret/high-entropy: env.API_TOKEN looks like a literal secret (Zx8Q…): use a ${NAME} placeholder instead',
    ]);
    expect(lines.at(-1)).toBe('5 files checked: 5 error(s), 1 warning(s), 0 info.');
    expect(r.stdout).not.toContain(AWS);
    expect(r.stdout).not.toContain(RANDOM);
    const json = JSON.parse((await cli(['lint', lib, '--json'], { AI_CONFIG_HOME: tempDir() })).stdout);
    expect(json.issues).toContainEqual(
      expect.objectContaining({
        file: 'common/keys.md',
        line: 3,
        col: 5,
        rule: 'secret/aws-key',
        severity: 'error',
      }),
    );
  });

  it('a zero-width character alone is a warning: exit 0', async () => {
    const lib = tempDir('aicfg-lint-');
    write(lib, { 'common/zw.md': '# Z\n\npass\u200Bword\n' });
    const r = await cli(['lint', lib], { AI_CONFIG_HOME: tempDir() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('common/zw.md:3:5: warning unicode/zero-width:');
    expect(r.stdout).toContain('0 error(s), 1 warning(s), 0 info.');
  });
});
