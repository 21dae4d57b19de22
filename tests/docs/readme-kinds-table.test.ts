import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Scope, ToolId } from '../../src/shared/agents';
import { HOOK_EVENTS, type KindOutcome, type KindOutcomeKind } from '../../src/shared/content';
import { TARGETS } from '../../src/main/agents/targets';
import type { HookContent } from '../../src/main/agents/targets/types';
import { fullInput, HOOKS, RULES } from '../main/agents/targets/fixture';

/**
 * README "The library format" has a table of what each kind becomes in each tool. This renders the golden fixture
 * (every kind, one rule per activation, stdio and HTTP servers) into every target at each scope it has, sums up the
 * report per tool and column, and checks the table says the same.
 *
 * The table sits between `<!-- kinds-table:begin -->` and `<!-- kinds-table:end -->`. A cell is
 * `OUTCOME[: words][; user: OUTCOME[: words]]`: the first part is project scope (user scope for a user-only tool),
 * the `; user:` part is user scope where it differs. OUTCOME is `native`, `fallback` or `skipped`, or several
 * joined by ` + ` when the items of that column end differently (e.g. some hook events native, others skipped).
 */

const README = path.resolve(__dirname, '../../README.md');
const BEGIN = '<!-- kinds-table:begin -->';
const END = '<!-- kinds-table:end -->';

const COLUMNS = [
  'agent',
  'rule: always',
  'rule: glob',
  'rule: agent-requested',
  'rule: manual',
  'skills',
  'commands',
  'hooks',
  'permissions',
  'MCP servers',
] as const;
type Column = (typeof COLUMNS)[number];

const ORDER: ReadonlyArray<KindOutcomeKind> = ['native', 'fallback', 'skipped'];
const OUTCOME_RE = /^((?:native|fallback|skipped)(?: \+ (?:native|fallback|skipped))*)(?=$|:|\s)/;

/** The fixture's hooks cover pre-tool and post-tool; one more hook per other event shows which events each maps. */
const EVERY_EVENT_HOOKS: ReadonlyArray<HookContent> = [
  ...HOOKS,
  ...HOOK_EVENTS.filter((e) => !HOOKS.some((h) => h.event === e)).map((event) => ({
    name: `on-${event}`,
    source: 'team',
    path: `hooks/on-${event}.yaml`,
    description: `Runs on ${event}`,
    event,
    command: `./scripts/${event}.sh`,
  })),
];

const ruleColumn = new Map<string, Column>(RULES.map((r) => [r.path, `rule: ${r.activation}` as Column]));

function columnOf(o: KindOutcome): Column {
  switch (o.kind) {
    case 'agent':
      return 'agent';
    case 'rule': {
      const c = ruleColumn.get(o.name);
      if (!c) throw new Error(`a rule the fixture does not have: ${o.name}`);
      return c;
    }
    case 'skill':
      return 'skills';
    case 'command':
      return 'commands';
    case 'hook':
      return 'hooks';
    case 'permissions':
      return 'permissions';
    case 'mcp-server':
      return 'MCP servers';
  }
}

/** Per column: the outcomes of its items, in the order native, fallback, skipped (`native + skipped`). */
function summarise(report: ReadonlyArray<KindOutcome>): Record<Column, string> {
  const seen = new Map<Column, Set<KindOutcomeKind>>(COLUMNS.map((c) => [c, new Set()]));
  for (const o of report) seen.get(columnOf(o))!.add(o.outcome);
  return Object.fromEntries(
    COLUMNS.map((c) => [c, ORDER.filter((k) => seen.get(c)!.has(k)).join(' + ') || '(nothing reported)']),
  ) as Record<Column, string>;
}

interface Actual {
  readonly project?: Record<Column, string>;
  readonly user?: Record<Column, string>;
}

function actual(id: ToolId): Actual {
  const t = TARGETS[id];
  const at = (scope: Scope) =>
    t.scopes.includes(scope) ? summarise(t.render(fullInput(scope, { hooks: EVERY_EVENT_HOOKS })).report) : undefined;
  const project = at('project');
  const user = at('user');
  return { ...(project ? { project } : {}), ...(user ? { user } : {}) };
}

interface Row {
  readonly tool: string;
  readonly cells: Record<Column, string>;
}

function splitRow(line: string): string[] {
  const t = line.trim();
  if (!t.startsWith('|') || !t.endsWith('|')) throw new Error(`not a table row: ${line}`);
  return t
    .slice(1, -1)
    .split('|')
    .map((c) => c.trim());
}

function readmeTable(): { header: string[]; rows: Row[] } {
  const text = fs.readFileSync(README, 'utf8');
  const from = text.indexOf(BEGIN);
  const to = text.indexOf(END);
  if (from < 0 || to < from) throw new Error(`README.md has no ${BEGIN} ... ${END} block`);
  const lines = text
    .slice(from + BEGIN.length, to)
    .split('\n')
    .filter((l) => l.trim() !== '');
  const [head, rule, ...body] = lines;
  if (!head || !rule || !/^\|(\s*-+\s*\|)+$/.test(rule.trim())) throw new Error('the block is not a Markdown table');
  const header = splitRow(head);
  const rows = body.map((l) => {
    const cells = splitRow(l);
    if (cells.length !== header.length) throw new Error(`row has ${cells.length} cells, header ${header.length}: ${l}`);
    const tool = /`([a-z-]+)`/.exec(cells[0]!)?.[1];
    if (!tool) throw new Error(`no \`tool-id\` in the first cell: ${l}`);
    return { tool, cells: Object.fromEntries(COLUMNS.map((c, i) => [c, cells[i + 1]!])) as Record<Column, string> };
  });
  return { header, rows };
}

/** A cell's outcomes: the first part, and the `; user:` part if there is one. */
function parseCell(cell: string): { main: string; user?: string } {
  const [main, user, ...more] = cell.split('; user: ');
  if (more.length) throw new Error(`more than one "; user:" in: ${cell}`);
  const outcome = (part: string) => {
    const m = OUTCOME_RE.exec(part);
    if (!m) throw new Error(`a cell part must start with native, fallback or skipped: "${part}"`);
    return m[1]!;
  };
  return { main: outcome(main!), ...(user !== undefined ? { user: outcome(user) } : {}) };
}

describe('README "What each kind becomes in each tool"', () => {
  const { header, rows } = readmeTable();

  it('has a column per kind and a row per target, each once', () => {
    expect(header.slice(1)).toEqual([...COLUMNS]);
    expect(rows.map((r) => r.tool).sort()).toEqual(Object.keys(TARGETS).sort());
  });

  it("says, per tool, kind and scope, what the targets' reports say", () => {
    const problems: string[] = [];
    for (const row of rows) {
      const a = actual(row.tool as ToolId);
      for (const c of COLUMNS) {
        const cell = parseCell(row.cells[c]);
        const check = (scope: Scope, said: string, real: string | undefined) => {
          if (real !== undefined && said !== real)
            problems.push(`${row.tool} / ${c} / ${scope}: README says "${said}", the report says "${real}"`);
        };
        if (!a.project) {
          if (cell.user !== undefined) problems.push(`${row.tool} / ${c}: user-only tool, drop the "; user:" part`);
          check('user', cell.main, a.user?.[c]);
        } else {
          check('project', cell.main, a.project[c]);
          check('user', cell.user ?? cell.main, a.user?.[c]);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
