import { describe, expect, it } from 'vitest';
import { parse as parseJsonc } from 'jsonc-parser';
import { isEmptyJson, readJsonKey, removeJsonKey, writeJsonKey } from '../../../src/main/agents/slots/json-keys';
import { readJsonItem, removeJsonItem, writeJsonItem } from '../../../src/main/agents/slots/json-items';

// Parsed test values are read loosely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

const server = { command: 'npx', args: ['-y', 'srv'], env: { LEVEL: 'info' } };

const FILES: Record<string, string> = {
  twoSpaces: '{\n  "theme": "dark",\n  "mcpServers": {\n    "theirs": { "command": "x" }\n  }\n}\n',
  fourSpaces:
    '{\n    "theme": "dark",\n    "mcpServers": {\n        "theirs": {\n            "command": "x"\n        }\n    }\n}\n',
  tabs: '{\n\t"theme": "dark",\n\t"mcpServers": {\n\t\t"theirs": {"command": "x"}\n\t}\n}\n',
  crlf: '{\r\n  "theme": "dark",\r\n  "mcpServers": {\r\n    "theirs": {"command": "x"}\r\n  }\r\n}\r\n',
  commented:
    '// Cursor settings\n{\n  /* the theme */\n  "theme": "dark", // keep\n  "list": [1,2],\n' +
    '  "mcpServers": {\n    "theirs": {"command": "x"}, // theirs\n  },\n}\n',
  minified: '{"theme":"dark","mcpServers":{"theirs":{"command":"x"}}}',
  noFinalNewline: '{\n  "theme": "dark",\n  "mcpServers": {}\n}',
  emptyObject: '{}\n',
};

describe('JSON keys, format-preserving', () => {
  for (const [name, original] of Object.entries(FILES)) {
    it(`${name}: adds keys under existing and new (nested) parents, and removing them gives back the bytes`, () => {
      let t = writeJsonKey(original, 'f.json', 'mcpServers', 'ours', server);
      t = writeJsonKey(t, 'f.json', 'hooks.settings', 'level', 3);
      t = writeJsonKey(t, 'f.json', '', 'topLevel', true);
      const v = parseJsonc(t) as Record<string, Any>;
      expect(v.mcpServers.ours).toEqual(server);
      expect(v.hooks.settings.level).toBe(3);
      expect(v.theme ?? 'dark').toBe('dark');
      expect(readJsonKey(t, 'f.json', 'mcpServers', 'ours')).toBe(JSON.stringify(server));
      expect(readJsonKey(t, 'f.json', 'hooks.settings', 'level')).toBe('3');
      if (original.includes('\r\n')) expect(t.replace(/\r\n/g, '')).not.toContain('\n');
      if (original.includes('\t')) expect(t).toContain('\t\t"ours": {\n\t\t\t"command": "npx"');
      if (name === 'fourSpaces') expect(t).toContain('\n        "ours": {\n            "command": "npx"');
      if (name === 'minified') expect(t).not.toContain('\n');
      // Changing a value in place keeps the rest.
      const changed = writeJsonKey(t, 'f.json', 'mcpServers', 'ours', { command: 'uvx' });
      expect(readJsonKey(changed, 'f.json', 'mcpServers', 'ours')).toBe('{"command":"uvx"}');
      let back = removeJsonKey(t, 'f.json', '', 'topLevel', false);
      back = removeJsonKey(back, 'f.json', 'hooks.settings', 'level', true);
      // The empty file had no mcpServers: we created it, so it goes with our last key.
      back = removeJsonKey(back, 'f.json', 'mcpServers', 'ours', name === 'emptyObject');
      expect(back).toBe(original);
    });
  }

  it('an empty object we add into and remove from is {} again; a file of only {} is empty', () => {
    const t = writeJsonKey('{}', 'f.json', 'mcpServers', 'a', 1);
    expect(t).toBe('{\n  "mcpServers": {\n    "a": 1\n  }\n}');
    expect(removeJsonKey(t, 'f.json', 'mcpServers', 'a', true)).toBe('{}');
    expect(isEmptyJson('{ }\n', 'f.json')).toBe(true);
    expect(isEmptyJson('{ // mine\n}\n', 'f.json')).toBe(false);
  });

  it('a new file: two spaces and a final newline', () => {
    expect(writeJsonKey(undefined, 'f.json', 'a.b', 'c', [1])).toBe(
      '{\n  "a": {\n    "b": {\n      "c": [\n        1\n      ]\n    }\n  }\n}\n',
    );
  });

  it('a parent we did not create stays when emptied; one we created goes', () => {
    const t = writeJsonKey(FILES.noFinalNewline, 'f.json', 'mcpServers', 'x', 1);
    expect(removeJsonKey(t, 'f.json', 'mcpServers', 'x', false)).toBe(FILES.noFinalNewline);
    expect(parseJsonc(removeJsonKey(t, 'f.json', 'mcpServers', 'x', true))).toEqual({ theme: 'dark' });
  });

  it('what does not parse even as JSONC is INVALID_FILE; a non-object parent is refused', () => {
    expect(() => writeJsonKey('{"a": }', 'f.json', '', 'k', 1)).toThrow(/not valid JSON/);
    expect(() => readJsonKey('[1]', 'f.json', '', 'k')).toThrow(/does not hold a JSON object/);
    expect(() => writeJsonKey('{"a": 1}', 'f.json', 'a', 'k', 1)).toThrow(/is not an object/);
  });
});

describe('JSON array items', () => {
  const hook = { matcher: 'Bash', hooks: [{ type: 'command', command: 'check.sh' }] };
  const id = JSON.stringify(hook);
  const settings =
    '{\n  "model": "opus",\n  "permissions": {\n    "allow": ["Bash(ls)"]\n  },\n  "hooks": {\n    "PreToolUse": [\n' +
    '      { "matcher": "Edit", "hooks": [{ "type": "command", "command": "mine.sh" }] }\n    ]\n  }\n}\n';

  it('appends to an existing array, finds it by content (any key order), removes it to the original bytes', () => {
    const t = writeJsonItem(settings, 's.json', 'hooks.PreToolUse', id, hook);
    expect(readJsonItem(t, 's.json', 'hooks.PreToolUse', id)).toBe(id);
    const reordered = JSON.stringify({ hooks: hook.hooks, matcher: 'Bash' });
    expect(readJsonItem(t, 's.json', 'hooks.PreToolUse', reordered)).toBe(reordered);
    expect(writeJsonItem(t, 's.json', 'hooks.PreToolUse', id, hook)).toBe(t);
    expect((parseJsonc(t) as Any).hooks.PreToolUse).toHaveLength(2);
    expect(removeJsonItem(t, 's.json', 'hooks.PreToolUse', id, false)).toBe(settings);
    // An inline array stays inline.
    const p = writeJsonItem(settings, 's.json', 'permissions.allow', '"Bash(git:*)"', 'Bash(git:*)');
    expect(p).toContain('"allow": ["Bash(ls)", "Bash(git:*)"]');
    expect(removeJsonItem(p, 's.json', 'permissions.allow', '"Bash(git:*)"', false)).toBe(settings);
  });

  it('creates the array and its parents, and drops what it created when emptied', () => {
    const t = writeJsonItem(settings, 's.json', 'hooks.PostToolUse', id, hook);
    const u = writeJsonItem(t, 's.json', 'permissions.deny', '"Read(.env)"', 'Read(.env)');
    const w = writeJsonItem(u, 's.json', 'statusLine.items', '"x"', 'x');
    expect((parseJsonc(w) as Any).statusLine).toEqual({ items: ['x'] });
    let back = removeJsonItem(w, 's.json', 'statusLine.items', '"x"', true);
    back = removeJsonItem(back, 's.json', 'permissions.deny', '"Read(.env)"', true);
    back = removeJsonItem(back, 's.json', 'hooks.PostToolUse', id, true);
    expect(back).toBe(settings);
    expect(readJsonItem(undefined, 's.json', 'hooks.PostToolUse', id)).toBeUndefined();
    const fresh = writeJsonItem(undefined, 's.json', 'hooks.Stop', id, hook);
    expect(JSON.parse(fresh)).toEqual({ hooks: { Stop: [hook] } });
    expect(isEmptyJson(removeJsonItem(fresh, 's.json', 'hooks.Stop', id, true), 's.json')).toBe(true);
    expect(() => writeJsonItem('{"hooks": {"Stop": 1}}', 's.json', 'hooks.Stop', id, hook)).toThrow(/not an array/);
  });

  it('an empty array we append to and remove from is [] again', () => {
    const t = '{\n  "a": []\n}\n';
    const u = writeJsonItem(t, 's.json', 'a', '1', 1);
    expect(u).toBe('{\n  "a": [\n    1\n  ]\n}\n');
    expect(removeJsonItem(u, 's.json', 'a', '1', false)).toBe(t);
  });
});
