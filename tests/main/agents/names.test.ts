import fc from 'fast-check';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { SKILL_NAME } from '../../../src/shared/content';
import { readJsonKey, removeJsonKey, writeJsonKey } from '../../../src/main/agents/slots/json-keys';
import { tomlKeyValues } from '../../../src/main/agents/slots/toml-tables';
import { NameMap, toolName } from '../../../src/main/agents/targets/formats/names';
import { parseTomlKeyPath, tomlKey, tomlTableId } from '../../../src/main/agents/targets/formats/toml';

/** Whether a string is valid Unicode (no lone surrogate). */
const wellFormed = (s: string): boolean =>
  !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

/** Any string of UTF-16 code units, lone surrogates included. */
const anyString = fc.string({ unit: 'binary', maxLength: 200 });
/** Any string that is valid Unicode: TOML cannot hold a lone surrogate (its \u escapes are scalar values only). */
const unicode = anyString.filter(wellFormed);
/** Strings made of the characters names trip on. */
const tricky = fc.string({
  unit: fc.constantFrom(
    '.',
    '/',
    '\\',
    '\0',
    '"',
    "'",
    ' ',
    '\t',
    '\n',
    '\x7f',
    '\x1b',
    'a',
    'Z',
    '-',
    '_',
    'é',
    '😀',
    '\u2028',
    '\ud800',
    '\udc00',
    'ab\ud83d',
  ),
  maxLength: 30,
});
const names = fc.oneof(anyString, tricky);
const runs = { numRuns: 300 };

describe('TOML keys', () => {
  it('any key renders to a header TOML reads back as that key, and parseTomlKeyPath maps it back', () => {
    fc.assert(
      fc.property(fc.oneof(unicode, tricky.filter(wellFormed)), (k) => {
        const v = parseToml(`[a.${tomlKey(k)}]\nx=1`) as { a: Record<string, { x: number }> };
        expect(Object.keys(v.a)).toEqual([k]);
        expect(v.a[k]!.x).toBe(1);
        expect(parseTomlKeyPath(tomlKey(k))).toEqual([k]);
        expect(parseTomlKeyPath(tomlTableId('mcp_servers', k, 'env'))).toEqual(['mcp_servers', k, 'env']);
      }),
      runs,
    );
  });

  it('any key and value in key/value lines parse back', () => {
    fc.assert(
      fc.property(unicode, unicode, (k, s) => {
        const v = parseToml(
          tomlKeyValues([
            [k, s],
            ['list', [s]],
            ['map', { [k]: s }],
          ]),
        ) as Record<string, unknown>;
        expect(v[k] === s || k === 'list' || k === 'map').toBe(true);
        expect(v.list).toEqual([s]);
        expect((v.map as Record<string, string>)[k]).toBe(s);
      }),
      runs,
    );
  });
});

describe('JSON keys', () => {
  it('any key round-trips through a write, a read and a removal', () => {
    const original = '{\n  "mcpServers": {\n    "theirs": {}\n  }\n}\n';
    fc.assert(
      fc.property(names, (k) => {
        const t = writeJsonKey(original, 'f.json', 'mcpServers', k, { command: k });
        expect(Object.prototype.hasOwnProperty.call((JSON.parse(t) as { mcpServers: object }).mcpServers, k)).toBe(
          true,
        );
        expect(readJsonKey(t, 'f.json', 'mcpServers', k)).toBe(JSON.stringify({ command: k }));
        expect(removeJsonKey(t, 'f.json', 'mcpServers', k, false)).toBe(original);
      }),
      runs,
    );
  });
});

describe('tool names', () => {
  it('skill names match SKILL_NAME, fit in 64 characters, and are stable', () => {
    fc.assert(
      fc.property(names, (k) => {
        const n = toolName(k, 'skill');
        expect(n).toMatch(SKILL_NAME);
        expect(n.length).toBeLessThanOrEqual(64);
        expect(toolName(n, 'skill')).toBe(n);
        if (SKILL_NAME.test(k) && k.length <= 64) expect(n).toBe(k);
      }),
      runs,
    );
  });

  it('file names hold no / or NUL, are not . or .., are valid Unicode and fit a file system', () => {
    fc.assert(
      fc.property(names, (k) => {
        const n = toolName(k, 'file');
        expect(n).not.toMatch(/[/\\\0]/);
        expect(n).not.toBe('.');
        expect(n).not.toBe('..');
        expect(n.length).toBeGreaterThan(0);
        expect(wellFormed(n)).toBe(true);
        // Room for an extension inside the usual 255-byte limit.
        expect(Buffer.byteLength(n + '.agent.json')).toBeLessThanOrEqual(255);
        expect(toolName(n, 'file')).toBe(n);
      }),
      runs,
    );
  });

  it('NameMap records every name and refuses two library names on one tool name', () => {
    fc.assert(
      fc.property(fc.array(names, { maxLength: 12 }), fc.constantFrom('skill', 'file'), (list, format) => {
        const map = new NameMap('skill', 'Claude Code');
        const taken = new Map<string, string>();
        for (const k of list) {
          const n = toolName(k, format);
          const other = taken.get(n);
          if (other !== undefined && other !== k) {
            expect(() => map.take(k, format)).toThrow(/would both be/);
            continue;
          }
          expect(map.take(k, format)).toEqual({ name: n, mapped: n !== k });
          // Taking the same name again is fine.
          expect(map.take(k, format).name).toBe(n);
          taken.set(n, k);
        }
      }),
      runs,
    );
  });
});
