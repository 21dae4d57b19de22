import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import type { Io } from '../../src/cli/output';
import { REPO_ROOT } from '../helpers/app';

/**
 * Commands another branch is adding right now; a hint may name them before they exist here.
 * `secret set|list|remove`: the secrets engineer's branch. Remove this entry when that branch is merged.
 */
const KNOWN_PENDING: ReadonlyArray<string> = [];

interface Mention {
  readonly words: ReadonlyArray<string>;
  readonly flags: ReadonlyArray<string>;
  readonly where: string;
}

/** Every `ai-config <words> [--flags]` that the sources name (hints, messages, help text, comments). */
function mentions(): Mention[] {
  const out: Mention[] = [];
  const visit = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) visit(abs);
      else if (/\.tsx?$/.test(e.name)) {
        const lines = fs.readFileSync(abs, 'utf8').split('\n');
        lines.forEach((line, i) => {
          for (const m of line.matchAll(/ai-config((?: [a-z][a-z-]*)+)((?: --[a-z][a-z-]*)*)/g)) {
            out.push({
              words: m[1]!.trim().split(' '),
              flags: (m[2] ?? '').trim().split(' ').filter(Boolean),
              where: `${path.relative(REPO_ROOT, abs)}:${i + 1}`,
            });
          }
        });
      }
    }
  };
  visit(path.join(REPO_ROOT, 'src'));
  return out;
}

/** The help text of `ai-config <words>`, and its exit code. */
async function help(words: ReadonlyArray<string>): Promise<{ code: number; text: string }> {
  let text = '';
  const io: Io = { out: (t) => void (text += t), err: (t) => void (text += t), isTty: false };
  const code = await runCli([...words, '--help'], { version: '0.0.0-test', packageRoot: REPO_ROOT, io });
  return { code, text };
}

const found = mentions();
const unique = [...new Map(found.map((m) => [[...m.words, ...m.flags].join(' '), m])).values()];

describe('every `ai-config ...` that a hint or message names exists', () => {
  it('finds the mentions to check', () => {
    expect(unique.length).toBeGreaterThan(20);
  });

  it.each(unique.map((m) => [[...m.words, ...m.flags].join(' '), m] as const))('ai-config %s', async (_n, m) => {
    if (KNOWN_PENDING.includes(m.words[0]!)) return;
    const { code, text } = await help(m.words);
    expect(code, `${m.where}: ai-config ${m.words.join(' ')} --help`).toBe(0);
    // Commander prints the root usage for an unknown command; the usage line must name every word as a command.
    expect(text, `${m.where}: "ai-config ${m.words.join(' ')}" is not a command`).toContain(
      `Usage: ai-config ${m.words.join(' ')} `,
    );
    for (const f of m.flags) expect(text, `${m.where}: ${m.words.join(' ')} has no ${f}`).toContain(f);
  });
});
