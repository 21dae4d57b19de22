import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/app';
import { tempDir } from './helpers/temp';

async function lintAs(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: REPO_ROOT });
  const [result] = await eslint.lintText(code, { filePath: path.join(REPO_ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import layering (lint)', () => {
  it('only src/main/shell may import electron', async () => {
    expect(
      await lintAs('src/main/library/x.ts', "import { app } from 'electron';\nexport const a = app;\n"),
    ).toHaveLength(1);
    expect(await lintAs('src/cli/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(
      await lintAs('src/main/shell/x.ts', "import { app } from 'electron';\nexport const a = app;\n"),
    ).toHaveLength(0);
  });

  it('renderer imports only shared; shared imports nothing of ours or node', async () => {
    expect(
      await lintAs('src/renderer/x.ts', "import { git } from '../main/git/core';\nexport const a = git;\n"),
    ).toHaveLength(1);
    expect(await lintAs('src/renderer/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).toHaveLength(1);
    expect(
      await lintAs('src/renderer/x.ts', "import { ok } from '../shared/errors';\nexport const a = ok;\n"),
    ).toHaveLength(0);
    expect(await lintAs('src/shared/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).toHaveLength(1);
    expect(
      await lintAs('src/shared/x.ts', "import { git } from '../main/git/core';\nexport const a = git;\n"),
    ).toHaveLength(1);
    expect(
      await lintAs('src/main/x.ts', "import { App } from '../renderer/App';\nexport const a = App;\n"),
    ).toHaveLength(1);
  });
});

/** Lints the files (path -> text) written under `src/` of a temp folder with the repository's config. */
async function cyclesIn(files: Readonly<Record<string, string>>): Promise<string[]> {
  const root = tempDir('aicfg-cycle-');
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(REPO_ROOT, 'eslint.config.js') });
  const results = await eslint.lintFiles(Object.keys(files));
  return results.flatMap((r) =>
    r.messages.filter((m) => m.ruleId === 'import-x/no-cycle').map(() => path.relative(root, r.filePath)),
  );
}

describe('no import cycles (lint)', () => {
  it('reports both files of a two-file cycle of extensionless relative imports', async () => {
    const found = await cyclesIn({
      'src/main/x/a.ts': "import { b } from './b';\nexport const a = (): number => b() + 1;\n",
      'src/main/x/b.ts': "import { a } from '../x/a';\nexport const b = (): number => (a ? 1 : 0);\n",
    });
    expect(found.sort()).toEqual([path.join('src', 'main', 'x', 'a.ts'), path.join('src', 'main', 'x', 'b.ts')]);
  });

  it('does not count a type-only import (it vanishes at runtime), nor files without a cycle', async () => {
    const found = await cyclesIn({
      'src/main/x/a.ts': "import { b } from './b';\nexport interface A { readonly n: number }\nexport const a = b;\n",
      'src/main/x/b.ts': "import type { A } from './a';\nexport const b = (x: A): number => x.n;\n",
      'src/main/x/c.ts': "import { a } from './a';\nexport const c = a;\n",
    });
    expect(found).toEqual([]);
  });
});
