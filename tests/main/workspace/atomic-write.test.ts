import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAtomicWriteTemp, writeAtomic, writeNewAtomicSync } from '../../../src/main/workspace/atomic-write';
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
