import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  isAtomicWriteTemp,
  writeAtomic,
  writeAtomicSync,
  writeNewAtomicSync,
} from '../../../src/main/workspace/atomic-write';
import { tempDir } from '../../helpers/temp';

describe('atomic writes', () => {
  it('leave only the target behind', async () => {
    const dir = tempDir();
    await writeAtomic(path.join(dir, 'a.json'), '{}');
    writeNewAtomicSync(path.join(dir, 'b.md'), 'x');
    expect(fs.readdirSync(dir).sort()).toEqual(['a.json', 'b.md']);
  });

  it('recognise the temp names both writers use, and nothing else', () => {
    expect(isAtomicWriteTemp('rule.md', 'rule.md.123456')).toBe(true);
    expect(isAtomicWriteTemp('rule.md', 'rule.md.18482.h.tmp')).toBe(true);
    expect(isAtomicWriteTemp('rule.md', 'rule.md.bak')).toBe(false);
    expect(isAtomicWriteTemp('rule.md', 'rule.md')).toBe(false);
    expect(isAtomicWriteTemp('rule.md', 'other.md.123')).toBe(false);
    expect(isAtomicWriteTemp('rule.md', 'rule.md.12.x.y.tmp')).toBe(false);
  });
});

describe('atomic writes of the app state', () => {
  it("keep an existing file's mode, replace a link instead of writing through it, and leave no temp file", async () => {
    const dir = tempDir();
    const file = path.join(dir, 'key');
    fs.writeFileSync(file, 'old', { mode: 0o600 });
    fs.symlinkSync('key', path.join(dir, 'link'));
    await writeAtomic(file, 'second');
    expect(fs.readFileSync(file, 'utf8')).toBe('second');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    // The rename replaces the link itself: its old target is never written through it.
    await writeAtomic(path.join(dir, 'link'), 'first');
    expect(fs.lstatSync(path.join(dir, 'link')).isSymbolicLink()).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'link'), 'utf8')).toBe('first');
    expect(fs.readFileSync(file, 'utf8')).toBe('second');
    writeAtomicSync(file, 'third', { mode: 0o640 });
    expect(fs.statSync(file).mode & 0o777).toBe(0o640);
    expect(fs.readdirSync(dir).sort()).toEqual(['key', 'link']);
  });
});
