import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LINT_RULES } from '../../../src/shared/lint';
import { REPO_ROOT } from '../../helpers/app';

const DOCS = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'lint-rules.md'), 'utf8');

/** The rule ids written in these files: `rule: '<id>'` literals, and the suffixes of `${kind}/<suffix>` templates. */
function ruleIdsIn(files: ReadonlyArray<string>): { literals: Set<string>; suffixes: Set<string> } {
  const literals = new Set<string>();
  const suffixes = new Set<string>();
  for (const f of files) {
    const text = fs.readFileSync(path.join(REPO_ROOT, f), 'utf8');
    for (const m of text.matchAll(/\brule: '([a-z]+\/[a-z0-9-]+)'/g)) literals.add(m[1]!);
    // The content scan's ids: the members of the ScanRule union.
    for (const m of text.matchAll(/^\s+\| '([a-z]+\/[a-z0-9-]+)'/gm)) literals.add(m[1]!);
    for (const m of text.matchAll(/`\$\{kind\}\/([a-z-]+)`/g)) suffixes.add(m[1]!);
  }
  return { literals, suffixes };
}

const srcFiles = (dir: string, re: RegExp): string[] =>
  fs
    .readdirSync(path.join(REPO_ROOT, dir))
    .filter((f) => re.test(f))
    .map((f) => `${dir}/${f}`);

describe('docs/lint-rules.md', () => {
  const documented = [...DOCS.matchAll(/<a id="([^"]+)"><\/a>\s+### `([^`]+)`\s+\*\*Severity:\*\* (\w+)/g)];

  it('documents every rule id (anchor, heading, default severity) and no other', () => {
    expect(documented.map((m) => m[1])).toEqual(documented.map((m) => m[2]));
    expect(new Set(documented.map((m) => m[1]))).toEqual(new Set(Object.keys(LINT_RULES)));
    for (const m of documented) expect(m[3], m[1]).toBe(LINT_RULES[m[1] as keyof typeof LINT_RULES].severity);
    // Each section has an example and a fix.
    for (const section of DOCS.split('<a id="').slice(1)) {
      expect(section, section.slice(0, 40)).toMatch(/\nExample:\n\n```/);
      expect(section, section.slice(0, 40)).toMatch(/\n\*\*Fix:\*\* \S/);
    }
  });

  it('every rule id the lint and the content scan use in src is a registered (so documented) rule', () => {
    const used = ruleIdsIn([
      ...srcFiles('src/main/agents', /^lint.*\.ts$/),
      ...srcFiles('src/main/library/scan', /\.ts$/),
      'src/shared/scan.ts',
    ]);
    const known = Object.keys(LINT_RULES);
    expect([...used.literals].filter((id) => !known.includes(id))).toEqual([]);
    for (const suffix of used.suffixes)
      expect(
        known.some((id) => id.endsWith(`/${suffix}`)),
        suffix,
      ).toBe(true);
    expect(used.literals.size).toBeGreaterThan(40);
    expect(used.literals).toContain('secret/aws-key');
    expect(used.suffixes).toContain('parse-error');
  });
});
