import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/app';

const eslint = new ESLint({ cwd: REPO_ROOT });

/** The boundary rule's messages for `code` as if it lived at `file`. */
async function boundaryHits(code: string, file: string): Promise<number> {
  const [res] = await eslint.lintText(code, { filePath: path.join(REPO_ROOT, file) });
  return res!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').length;
}

const OFFENDERS: ReadonlyArray<{ name: string; code: string }> = [
  {
    name: 'fs.writeFile',
    code: "import fs from 'node:fs';\nexport const w = () => fs.writeFile('/x', 'y', () => 0);\n",
  },
  {
    name: 'fs.writeFileSync',
    code: "import fs from 'node:fs';\nexport const w = () => fs.writeFileSync('/x', 'y');\n",
  },
  {
    name: 'fs.promises.readFile',
    code: "import fs from 'node:fs';\nexport const r = () => fs.promises.readFile('/x');\n",
  },
  { name: 'fs.renameSync', code: "import fs from 'node:fs';\nexport const m = () => fs.renameSync('/a', '/b');\n" },
  { name: 'named fs/promises import', code: "import { rename } from 'node:fs/promises';\nexport const m = rename;\n" },
  { name: 'write-file-atomic', code: "import w from 'write-file-atomic';\nexport const m = w;\n" },
  {
    name: 'atomic-write',
    code: "import { writeAtomic } from '../workspace/atomic-write';\nexport const m = writeAtomic;\n",
  },
];

describe('lint: file I/O goes through the filesystem boundary', () => {
  for (const o of OFFENDERS) {
    it(`fails for ${o.name} outside the boundary, passes inside it`, async () => {
      expect(await boundaryHits(o.code, 'src/main/agents/new-feature.ts')).toBeGreaterThan(0);
      expect(await boundaryHits(o.code, 'src/cli/commands/new-command.ts')).toBeGreaterThan(0);
      expect(await boundaryHits(o.code, 'src/main/workspace/boundary/new-part.ts')).toBe(0);
    });
  }

  it('passes code that uses the boundary', async () => {
    const code = "import { readInRoot, libraryRoot } from '../workspace/boundary';\nexport const r = readInRoot;\n";
    expect(await boundaryHits(code, 'src/main/agents/new-feature.ts')).toBe(0);
  });

  it('keeps an allow-list of existing files, each with a reason', async () => {
    const { BOUNDARY_ALLOW } = (await import(path.join(REPO_ROOT, 'eslint.config.js'))) as {
      BOUNDARY_ALLOW: ReadonlyArray<{ file: string; reason: string }>;
    };
    expect(BOUNDARY_ALLOW.length).toBeGreaterThan(0);
    for (const a of BOUNDARY_ALLOW) {
      expect(fs.existsSync(path.join(REPO_ROOT, a.file)), a.file).toBe(true);
      expect(a.reason.length, a.file).toBeGreaterThan(8);
    }
  });
});
