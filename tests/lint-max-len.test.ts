import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/app';

async function maxLen(file: string, code: string): Promise<number> {
  const eslint = new ESLint({ cwd: REPO_ROOT });
  const [result] = await eslint.lintText(code, { filePath: path.join(REPO_ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'max-len').length;
}

const long = 'x'.repeat(130);

describe('line length (lint)', () => {
  it('holds code and comments under src/ to 120 characters', async () => {
    expect(await maxLen('src/main/x.ts', `// ${long}\nexport const a = 1;\n`)).toBe(1);
    expect(await maxLen('src/renderer/x.tsx', `/** ${long} */\nexport const a = 1;\n`)).toBe(1);
    expect(await maxLen('src/main/x.ts', `// ${'x'.repeat(100)}\nexport const a = 1;\n`)).toBe(0);
  });

  it('lets a single long string, template or regular expression stand', async () => {
    expect(await maxLen('src/main/x.ts', `export const s =\n  '${long}';\n`)).toBe(0);
    expect(await maxLen('src/main/x.ts', `export const t = (n: number) =>\n  \`${long} \${n}\`;\n`)).toBe(0);
    expect(await maxLen('src/main/x.ts', `export const r =\n  /${long}/;\n`)).toBe(0);
  });
});
