import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from '../../../src/main/library/frontmatter';
import { fileName } from '../../../src/main/agents/import/names';
import { tempDir } from '../../helpers/temp';
import { agentFixture, ctx, writeTree } from './helpers';
import { convertTree, walkInputs, writeConverted } from './import-round-trip-helpers';

/**
 * Property: tool files with the quirks real ones have (names with case, dots and non-ASCII letters, unquoted glob
 * lists, descriptions with colons, multi-line prompts holding `---`, `${VAR}` and `${env:VAR}` references) survive
 * import -> install into the same tool: same rules (activation, globs, description, body), same agent prompts and
 * each agent's own servers (command, args, env).
 */

const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,7}$/);
const nameArb = fc
  .tuple(word, fc.constantFrom('', '.v2', '.config', '-Übersicht', '_日本', ' Notes'), fc.constantFrom('', 'X', 'é'))
  .map(([a, b, c]) => `${a}${b}${c}`);
const globArb = fc
  .tuple(fc.constantFrom('src', 'lib', 'packages/*', 'app/api'), fc.constantFrom('**/*.ts', '*.tsx', '**/*.py', '*.md'))
  .map(([d, f]) => `${d}/${f}`);
const lineArb = fc.constantFrom(
  'Use tabs: never spaces.',
  '---',
  '- Prefer `unknown` to `any`.',
  'Ünïcödé text, 日本語の説明。',
  '  indented: key: value',
  '# Heading',
  'Run `npm test -- --run` first.',
);
const bodyArb = fc.array(lineArb, { minLength: 1, maxLength: 6 }).map((l) => `${l.join('\n')}\nEnd of rule.`);
const descArb = fc.constantFrom('', 'Style rules', 'Use when: editing the API', 'Rules for "quoted" things');

interface RuleSpec {
  readonly name: string;
  readonly activation: 'always' | 'glob' | 'agent-requested' | 'manual';
  readonly globs: string[];
  readonly description: string;
  readonly body: string;
}

const ruleArb: fc.Arbitrary<RuleSpec> = fc
  .record({
    name: nameArb,
    activation: fc.constantFrom('always', 'glob', 'agent-requested', 'manual'),
    globs: fc.uniqueArray(globArb, { minLength: 1, maxLength: 3 }),
    description: descArb,
    body: bodyArb,
  })
  .map((r) => ({
    ...r,
    globs: r.activation === 'glob' ? r.globs : [],
    // In Cursor a rule with a description and neither globs nor alwaysApply is agent-requested; manual has neither.
    description:
      r.activation === 'manual' ? '' : r.activation === 'agent-requested' && !r.description ? 'Pick me' : r.description,
  }));

/** A Cursor rule as people write it: globs unquoted and comma-separated, an empty `description:` line. */
function mdc(r: RuleSpec): string {
  const lines = [
    `description: ${r.description}`,
    `globs: ${r.globs.join(',')}`,
    `alwaysApply: ${r.activation === 'always'}`,
  ];
  return `---\n${lines.join('\n')}\n---\n\n${r.body}\n`;
}

/** What Cursor's installed rule means, read back the way Cursor reads it. */
function cursorMeaning(text: string): Omit<RuleSpec, 'name'> {
  const p = parseFrontmatter(text);
  const fm = p.frontmatter;
  const globs = typeof fm.globs === 'string' ? fm.globs.split(',').map((g) => g.trim()) : [];
  const description = typeof fm.description === 'string' ? fm.description : '';
  const activation =
    fm.alwaysApply === true ? 'always' : globs.length ? 'glob' : description ? 'agent-requested' : 'manual';
  return {
    activation,
    globs,
    description: activation === 'always' && !description ? '' : description,
    body: p.body.trim(),
  };
}

const key = (n: string) => fileName(n).toLowerCase();

describe('round-trip property', () => {
  it('Cursor rules with real-world quirks come back with the same meaning', async () => {
    const f = await agentFixture();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(ruleArb, { minLength: 1, maxLength: 4, selector: (r) => key(r.name) }),
        async (rules) => {
          const label = `prop${run++}`;
          const src = path.join(tempDir(), label);
          writeTree(src, Object.fromEntries(rules.map((r) => [`.cursor/rules/${r.name}.mdc`, mdc(r)])));
          const conv = convertTree(src, label);
          expect(conv.skipped).toEqual([]);
          for (const r of rules) expect(conv.files.map((x) => x.path)).toContain(`rules/${fileName(r.name)}.md`);
          writeConverted(f.personal, conv);
          const project = path.join(tempDir(), 'project');
          fs.mkdirSync(project);
          await f.services.agents.install(
            { name: `${label}-cursor`, tool: 'cursor', scope: 'project', project },
            ctx(),
          );
          const installed = walkInputs(project)
            .filter((i) => i.rel.startsWith('.cursor/rules/'))
            .map((i) => cursorMeaning(i.text));
          const expected = rules.map(({ name: _n, ...r }) => ({
            ...r,
            body: r.body.trim(),
          }));
          // Whole meanings in a fixed order: two rules may share a body (fast-check found one).
          const canon = (x: object) => JSON.stringify(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1)));
          const order = <T extends object>(l: ReadonlyArray<T>) =>
            [...l].sort((a, b) => (canon(a) < canon(b) ? -1 : 1));
          expect(order(installed)).toEqual(order(expected));
        },
      ),
      { numRuns: Number(process.env.FC_NUM_RUNS ?? 8) },
    );
  });

  it('Amazon Q agents keep their prompt and only their own servers, names with dots and env references', async () => {
    const f = await agentFixture();
    const serverArb = fc.record({
      name: fc.tuple(word, fc.constantFrom('', '.mcp-server', '.Docs')).map(([a, b]) => `awslabs.${a}${b}`),
      args: fc.array(fc.constantFrom('-y', '--flag=a:b', 'pkg@latest', 'ü'), { maxLength: 3 }),
      env: fc.constantFrom<Record<string, string>>(
        {},
        { TOKEN: '${TOKEN}' },
        { KEY: '${env:API_KEY}', LEVEL: 'ERROR' },
      ),
    });
    const agentArb = fc.record({
      name: fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/),
      prompt: bodyArb,
      servers: fc.uniqueArray(serverArb, { maxLength: 2, selector: (s) => s.name.toLowerCase() }),
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(agentArb, { minLength: 1, maxLength: 3, selector: (a) => a.name }).filter((as) => {
          const all = as.flatMap((a) => a.servers.map((s) => s.name.toLowerCase()));
          return new Set(all).size === all.length;
        }),
        async (agents) => {
          const label = `q${run++}`;
          const src = path.join(tempDir(), label);
          const json = (a: (typeof agents)[number]) =>
            JSON.stringify({
              name: a.name,
              prompt: a.prompt,
              mcpServers: Object.fromEntries(
                a.servers.map((s) => [s.name, { command: 'uvx', args: s.args, env: s.env }]),
              ),
            });
          writeTree(src, Object.fromEntries(agents.map((a) => [`.amazonq/cli-agents/${a.name}.json`, json(a)])));
          writeConverted(f.personal, convertTree(src, label));
          const project = path.join(tempDir(), 'project');
          fs.mkdirSync(project);
          for (const a of agents) {
            await f.services.agents.install({ name: a.name, tool: 'amazon-q', scope: 'project', project }, ctx());
            const out = JSON.parse(
              fs.readFileSync(path.join(project, '.amazonq/cli-agents', `${a.name}.json`), 'utf8'),
            );
            expect(out.prompt.trim()).toBe(a.prompt.trim());
            const envOut = (e: Record<string, string>) =>
              Object.fromEntries(Object.entries(e).map(([k, v]) => [k, v.replace(/\$\{env:/, '${')]));
            expect(out.mcpServers ?? {}).toEqual(
              Object.fromEntries(
                a.servers.map((s) => [
                  s.name.toLowerCase(),
                  // An empty env is left out of the installed file.
                  { command: 'uvx', args: s.args, ...(Object.keys(s.env).length ? { env: envOut(s.env) } : {}) },
                ]),
              ),
            );
          }
        },
      ),
      { numRuns: Number(process.env.FC_NUM_RUNS ?? 8) },
    );
  });
});
