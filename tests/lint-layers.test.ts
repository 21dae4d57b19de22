import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/app';

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
