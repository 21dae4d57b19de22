import { describe, expect, it } from 'vitest';
import type { Desired, InstallRecord } from '../../../src/main/agents/model';
import { planChanges, type PlanOutput } from '../../../src/main/agents/plan';

const FILE = '/home/u/.claude/settings.json';
const USER =
  '{\n  // mine\n  "model": "opus",\n  "permissions": {\n    "allow": ["Bash(ls)"]\n  },\n  "hooks": {\n' +
  '    "PreToolUse": [\n      { "matcher": "Edit", "hooks": [{ "type": "command", "command": "mine.sh" }] }\n' +
  '    ]\n  }\n}\n';

const hook = (matcher: string, command: string) => ({ matcher, hooks: [{ type: 'command', command }] });
const item = (parent: string, value: unknown): Desired => ({
  kind: 'json-item',
  path: FILE,
  parent,
  id: JSON.stringify(value),
  value,
});
const DESIRED: Desired[] = [
  item('hooks.PreToolUse', hook('Bash', 'check.sh')),
  item('hooks.PostToolUse', hook('Write', 'fmt.sh')),
  item('permissions.allow', 'Bash(git status)'),
];

function run(disk: Map<string, string>, op: 'install' | 'uninstall', previous?: InstallRecord): PlanOutput {
  const out = planChanges({
    operation: op,
    desired: op === 'install' ? DESIRED : [],
    ...(previous ? { previous } : {}),
    others: [],
    read: (f) => disk.get(f),
    choice: () => undefined,
  });
  for (const f of out.files)
    if (f.after === undefined) disk.delete(f.path);
    else disk.set(f.path, f.after);
  return out;
}

const record = (out: PlanOutput): InstallRecord => ({
  agent: 'a',
  tool: 'claude-code',
  scope: 'user',
  installedAt: 'now',
  items: out.items,
});

describe('planner: JSON array items', () => {
  it('installs two hooks into an existing settings.json, re-installs writing nothing, uninstalls to the same bytes', () => {
    const disk = new Map([[FILE, USER]]);
    const first = run(disk, 'install');
    expect(first.blocked).toBe(false);
    expect(first.files.map((f) => f.action)).toEqual(['update']);
    const v = JSON.parse(disk.get(FILE)!.replace('  // mine\n', '')) as {
      hooks: Record<string, unknown[]>;
      permissions: { allow: string[] };
    };
    expect(v.hooks.PreToolUse).toHaveLength(2);
    expect(v.hooks.PostToolUse).toEqual([hook('Write', 'fmt.sh')]);
    expect(v.permissions.allow).toEqual(['Bash(ls)', 'Bash(git status)']);
    expect(first.items.map((i) => [i.parent, i.parentCreated])).toEqual([
      ['hooks.PreToolUse', false],
      ['hooks.PostToolUse', true],
      ['permissions.allow', false],
    ]);
    expect(first.items.every((i) => !i.createdFile)).toBe(true);

    const again = run(disk, 'install', record(first));
    expect(again.files.filter((f) => f.after !== f.before)).toHaveLength(0);
    expect(again.items).toEqual(first.items);

    const gone = run(disk, 'uninstall', record(first));
    expect(gone.files.map((f) => f.action)).toEqual(['update']);
    expect(disk.get(FILE)).toBe(USER);
  });

  it('a settings file we created goes away on uninstall; a hook the user changed is drift', () => {
    const disk = new Map<string, string>();
    const first = run(disk, 'install');
    expect(first.files[0]!.action).toBe('create');
    const gone = run(new Map(disk), 'uninstall', record(first));
    expect(gone.files[0]!.action).toBe('delete');
    disk.set(FILE, disk.get(FILE)!.replace('check.sh', 'other.sh'));
    const drift = run(disk, 'install', record(first));
    expect(drift.blocked).toBe(true);
    expect(drift.files[0]!.drift).toEqual([{ kind: 'deleted', what: 'item of hooks.PreToolUse' }]);
  });
});
