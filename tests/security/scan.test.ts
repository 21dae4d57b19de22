import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_SCAN_BYTES } from '../../src/main/library/scan/read-capped';
import { scanFiles, scanFolder } from '../../src/main/library/scan/scan';
import { tempDir } from '../helpers/temp';

/** Built at run time so this test file holds no literal token that other scanners would flag. */
const tok = (prefix: string, body: string) => `${prefix}${body}`;
const GH = tok('ghp', '_' + 'aB3dE5gH7jK9mN1pQ3sT5vX7zA9cE1gI3kM5');
const PAT = tok('github', '_pat_' + '11ABCDEFG0123456789abc_' + 'x'.repeat(30) + 'Y7'.repeat(14) + 'z');
const AWS = tok('AK', 'IAQ3ZX7Y2W5V9U4T6S');
const SK = tok('sk', '-proj-' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4');
const KEY_BLOCK = `-----BEGIN ${'OPENSSH PRIVATE'} KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n`;
const RANDOM = 'Zx8Qw2Lp5Rt9Vb3Nm7Kj4Hg6Fd1Sa0Pq';

interface Case {
  readonly name: string;
  readonly file: string;
  readonly text: string;
  /** The rule expected, or undefined for a near miss that must not be reported. */
  readonly rule?: string;
}

const server = (env: Record<string, string>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ name: 's', transport: 'stdio', command: 'npx', args: [], env, ...extra }, null, 2);

const CASES: ReadonlyArray<Case> = [
  { name: 'GitHub classic token', file: 'a.md', text: `token: ${GH}\n`, rule: 'secret/github-token' },
  { name: 'GitHub fine-grained token', file: 'a.md', text: `x ${PAT}\n`, rule: 'secret/github-token' },
  { name: 'near miss: ghp_ too short', file: 'a.md', text: 'see ghp_abc123 in the docs\n' },
  { name: 'AWS access key id', file: 'a.md', text: `aws_access_key_id = ${AWS}\n`, rule: 'secret/aws-key' },
  { name: 'near miss: AWS documentation example', file: 'a.md', text: 'AKIAIOSFODNN7EXAMPLE\n' },
  { name: 'near miss: AKIA in a longer word', file: 'a.md', text: 'XAKIAQ3ZX7Y2W5V9U4T6S8RQ\n' },
  { name: 'sk- API key', file: 'a.md', text: `OPENAI_API_KEY=${SK}\n`, rule: 'secret/api-key' },
  { name: 'near miss: sk- inside a word', file: 'a.md', text: 'the task-force1234567890abcdefghij met\n' },
  { name: 'near miss: sk- hyphenated words', file: 'a.md', text: 'sk-this-is-not-a-key-at-all-really\n' },
  { name: 'private key block', file: 'id.txt', text: KEY_BLOCK, rule: 'secret/private-key' },
  { name: 'near miss: public key block', file: 'k.txt', text: '-----BEGIN PUBLIC KEY-----\nMIIB\n' },
  {
    name: 'high-entropy env value',
    file: 'mcp-servers/s.json',
    text: server({ API_TOKEN: RANDOM }),
    rule: 'secret/high-entropy',
  },
  {
    name: 'high-entropy header (Bearer)',
    file: 'mcp-servers/h.json',
    text: JSON.stringify({
      name: 'h',
      transport: 'http',
      url: 'https://x',
      headers: { Authorization: `Bearer ${RANDOM}` },
    }),
    rule: 'secret/high-entropy',
  },
  { name: 'near miss: placeholder', file: 'mcp-servers/s.json', text: server({ API_TOKEN: '${secret:GITHUB_TOKEN}' }) },
  { name: 'near miss: UUID', file: 'mcp-servers/s.json', text: server({ ID: '123e4567-e89b-12d3-a456-426614174000' }) },
  {
    name: 'near miss: hex hash',
    file: 'mcp-servers/s.json',
    text: server({ REV: 'a'.repeat(8) + '0123456789abcdef0123' }),
  },
  { name: 'near miss: a path', file: 'mcp-servers/s.json', text: server({ ROOT: '/opt/servers/bin2/x86_64-linux' }) },
  {
    name: 'near miss: hyphenated names with numbers',
    file: 'mcp-servers/s.json',
    text: server({
      DB: 'my-project-123456-prod-db',
      PY: 'python3.11-site-packages-v2',
      M: 'claude-3-5-sonnet-20241022',
    }),
  },
  { name: 'near miss: random value outside env', file: 'conf.json', text: JSON.stringify({ salt: RANDOM }) },
  {
    name: 'near miss: hex in a lockfile',
    file: 'package-lock.json',
    text: JSON.stringify({ integrity: 'sha512-' + 'f'.repeat(20) + '0123456789abcdef' }),
  },
  { name: 'bidi override', file: 'r.md', text: 'admin\u202E txt.exe\n', rule: 'unicode/bidi' },
  { name: 'bidi isolate', file: 'r.md', text: 'if (a \u2066&& b\u2069)\n', rule: 'unicode/bidi' },
  { name: 'near miss: right-to-left mark in Hebrew text', file: 'r.md', text: 'שלום\u200F world\n' },
  { name: 'zero-width space', file: 'z.md', text: 'pass\u200Bword\n', rule: 'unicode/zero-width' },
  { name: 'near miss: BOM at the start', file: 'z.md', text: '\uFEFF# Title\n' },
  { name: 'near miss: ZWJ emoji sequence', file: 'z.md', text: 'family \u{1F468}\u200D\u{1F469}\u200D\u{1F467}\n' },
  { name: 'tag characters', file: 't.md', text: `hi${String.fromCodePoint(0xe0049, 0xe0067)}\n`, rule: 'unicode/tag' },
  {
    name: 'near miss: subdivision flag',
    file: 't.md',
    text: `\u{1F3F4}${String.fromCodePoint(0xe0067, 0xe0062, 0xe0065, 0xe006e, 0xe0067, 0xe007f)} England\n`,
  },
];

describe('library content scan: rules', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const root = tempDir('aicfg-scan-');
      fs.mkdirSync(path.dirname(path.join(root, c.file)), { recursive: true });
      fs.writeFileSync(path.join(root, c.file), c.text);
      const { findings } = await scanFolder(root);
      if (c.rule) {
        expect(findings.map((f) => f.rule)).toEqual([c.rule]);
        expect(findings[0]!.file).toBe(c.file);
        expect(findings[0]!.line).toBeGreaterThan(0);
      } else expect(findings).toEqual([]);
    });
  }

  it('shows a secret redacted (first 4 characters), never in full', async () => {
    const root = tempDir('aicfg-scan-');
    fs.writeFileSync(path.join(root, 'a.md'), `one\ntwo ${GH}\n`);
    fs.mkdirSync(path.join(root, 'mcp-servers'));
    fs.writeFileSync(path.join(root, 'mcp-servers', 's.json'), server({ API_TOKEN: RANDOM }));
    const { findings } = await scanFolder(root);
    const text = JSON.stringify(findings);
    expect(text).not.toContain(GH);
    expect(text).not.toContain(RANDOM);
    expect(findings).toContainEqual(expect.objectContaining({ file: 'a.md', line: 2, column: 5 }));
    expect(findings.find((f) => f.file === 'a.md')!.message).toContain('ghp_…');
    expect(findings.find((f) => f.file === 'mcp-servers/s.json')!.message).toContain(`${RANDOM.slice(0, 4)}…`);
  });

  it('marks secrets, bidi, tags and symlinks as errors and zero-width characters as warnings', async () => {
    const root = tempDir('aicfg-scan-');
    fs.writeFileSync(path.join(root, 'a.md'), `${AWS}\nx\u202Ey\nz\u200Bw\n`);
    const { findings } = await scanFolder(root);
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      ['secret/aws-key', 'error'],
      ['unicode/bidi', 'error'],
      ['unicode/zero-width', 'warning'],
    ]);
  });
});

describe('library content scan: hostile files', () => {
  it('searches a binary file for tokens only and reports no Unicode noise', async () => {
    const root = tempDir('aicfg-scan-');
    const bytes = Buffer.concat([Buffer.from([0, 1, 2, 0xe2, 0x80, 0xae, 0xff, 0xfe, 0]), Buffer.from(`\n${AWS}\n`)]);
    fs.writeFileSync(path.join(root, 'blob.bin'), bytes);
    fs.writeFileSync(path.join(root, 'plain.bin'), Buffer.from([0, 0xe2, 0x80, 0xae, 0, 0xff]));
    const { findings, files } = await scanFolder(root);
    expect(files).toBe(2);
    expect(findings.map((f) => [f.file, f.rule, f.line])).toEqual([['blob.bin', 'secret/aws-key', 2]]);
  });

  it('reads at most the cap of a 50 MB file and says so', async () => {
    const root = tempDir('aicfg-scan-');
    const big = path.join(root, 'big.md');
    const fd = fs.openSync(big, 'w');
    fs.writeSync(fd, 'start\n');
    // Sparse: a secret far past the cap is not read (nor is the 50 MB in between).
    fs.writeSync(fd, `${AWS}\n`, 50 * 1024 * 1024);
    fs.closeSync(fd);
    const { findings } = await scanFolder(root);
    expect(findings).toEqual([
      expect.objectContaining({ file: 'big.md', rule: 'scan/too-large', severity: 'warning', line: 1 }),
    ]);
    expect(findings[0]!.message).toContain(String(MAX_SCAN_BYTES));
  });

  it('tolerates invalid UTF-8 and still finds what is around it', async () => {
    const root = tempDir('aicfg-scan-');
    const bytes = Buffer.concat([
      Buffer.from('ok\n'),
      Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xf0, 0x28]),
      Buffer.from('\nx\u202Ey\n'),
    ]);
    fs.writeFileSync(path.join(root, 'bad.md'), bytes);
    const { findings } = await scanFolder(root);
    expect(findings.map((f) => [f.rule, f.line])).toEqual([['unicode/bidi', 3]]);
  });

  it('reports a symlink to outside the source and never follows it', async () => {
    const outside = tempDir('aicfg-outside-');
    fs.writeFileSync(path.join(outside, 'secret.md'), `${GH}\n`);
    const root = tempDir('aicfg-scan-');
    fs.symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'link.md'));
    fs.symlinkSync(outside, path.join(root, 'dir'));
    const folder = await scanFolder(root);
    expect(folder.findings.map((f) => [f.file, f.rule, f.severity])).toEqual([
      ['dir', 'fs/symlink', 'error'],
      ['link.md', 'fs/symlink', 'error'],
    ]);
    expect(folder.findings[1]!.message).toContain('outside the source');
    expect(folder.files).toBe(0);
    // A list of changed files that goes through a linked folder is not read either.
    const listed = await scanFiles(root, ['link.md', 'dir/secret.md', '../x', '/etc/passwd']);
    expect(listed.findings.map((f) => [f.file, f.rule])).toEqual([
      ['dir', 'fs/symlink'],
      ['link.md', 'fs/symlink'],
    ]);
    expect(listed.files).toBe(0);
  });

  it('escapes control and hidden characters in odd file names and flags hidden ones', async () => {
    const root = tempDir('aicfg-scan-');
    fs.writeFileSync(path.join(root, 'new\nline.md'), 'fine\n');
    fs.writeFileSync(path.join(root, 'cod\u202Eexe.md'), 'fine\n');
    const { findings } = await scanFolder(root);
    expect(findings.map((f) => [f.file, f.rule])).toEqual([['cod\\u{202E}exe.md', 'unicode/bidi']]);
  });

  it('skips the folders the library walk skips (node_modules, .git)', async () => {
    const root = tempDir('aicfg-scan-');
    for (const dir of ['node_modules/pkg', '.git/objects'])
      fs.mkdirSync(path.join(root, ...dir.split('/')), { recursive: true });
    fs.writeFileSync(path.join(root, 'node_modules', 'pkg', 'fixture.md'), `${AWS}\n`);
    fs.writeFileSync(path.join(root, '.git', 'objects', 'x'), `${AWS}\n`);
    fs.writeFileSync(path.join(root, '.env'), `${AWS}\n`);
    const { findings } = await scanFolder(root);
    expect(findings.map((f) => [f.file, f.rule])).toEqual([['.env', 'secret/aws-key']]);
  });

  it('does not hang on a FIFO', async () => {
    const root = tempDir('aicfg-scan-');
    const { execFileSync } = await import('node:child_process');
    execFileSync('mkfifo', [path.join(root, 'pipe.md')]);
    const listed = await scanFiles(root, ['pipe.md']);
    const folder = await scanFolder(root);
    expect([listed.files, folder.files, listed.findings.length, folder.findings.length]).toEqual([0, 0, 0, 0]);
  });
});
