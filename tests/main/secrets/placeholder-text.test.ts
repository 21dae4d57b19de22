import { describe, expect, it } from 'vitest';
import {
  fromPlaceholders,
  secretsIn,
  toPlaceholders,
  valuesByTemplate,
} from '../../../src/main/secrets/placeholder-text';

describe('secret placeholders in tool files', () => {
  it('round-trips values, escaped ones in JSON and TOML included, longest first', () => {
    const secrets = [
      { name: 'A', value: 'abc"q\\x' },
      { name: 'B', value: 'abc' },
    ];
    const json = JSON.stringify({ a: 'abc"q\\x', b: 'abc' });
    const template = toPlaceholders(json, secrets);
    expect(template).toBe('{"a":"${secret:A}","b":"${secret:B}"}');
    expect(secretsIn(json, secrets).map((s) => s.name)).toEqual(['A', 'B']);
    const lookup = (n: string) => secrets.find((s) => s.name === n)?.value;
    expect(fromPlaceholders('/x/mcp.json', template, lookup)).toEqual({ text: json, resolved: 2, missing: [] });
    expect(fromPlaceholders('/x/config.toml', 'k = "${secret:A}"', lookup).text).toBe('k = "abc\\"q\\\\x"');
    expect(fromPlaceholders('/x/notes.md', '${secret:A}', lookup).text).toBe('abc"q\\x');
  });

  it('leaves an unknown placeholder as it is and names it', () => {
    const r = fromPlaceholders('/x/a.json', '"${secret:GONE}" ${NOT_OURS}', () => undefined);
    expect(r).toEqual({ text: '"${secret:GONE}" ${NOT_OURS}', resolved: 0, missing: ['GONE'] });
  });

  it('finds an old value in a file edited elsewhere from the line its placeholder form had', () => {
    const template = '{\n  "env": {\n    "TOKEN": "${secret:GH}"\n  },\n  "x": 1\n}\n';
    const edited = '{\n  "env": {\n    "TOKEN": "old-value-123"\n  },\n  "x": 2,\n  "y": 3\n}\n';
    expect(valuesByTemplate(template, edited)).toEqual([{ name: 'GH', value: 'old-value-123' }]);
    expect(valuesByTemplate(template, template)).toEqual([]);
  });
});
