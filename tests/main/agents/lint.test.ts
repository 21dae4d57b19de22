import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ASSETS_DIR } from '../../helpers/app';
import { tempDir } from '../../helpers/temp';
import { writeTree } from './helpers';

describe('ai-config lint', () => {
  it('passes the starter library', async () => {
    const r = await cli(['lint', path.join(ASSETS_DIR, 'starter-library')], { AI_CONFIG_HOME: tempDir() });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/0 error\(s\), 0 warning\(s\)/);
  });

  it('prints file:line: message for each problem and exits 1', async () => {
    const lib = tempDir();
    writeTree(lib, {
      'common/ok.md': '---\ntitle: Ok\ntags: [ok]\n---\n\nFine.\n',
      'common/bad-yaml.md': '---\ntitle: Bad\ntags: [a, b\n---\n\nBody.\n',
      'agents/good.md':
        '---\nschemaVersion: 1\nname: good\nresources:\n  - common/ok.md\n  - common/missing.md\n  - "tag:nothing"\nmcpServers: [srv, ghost]\n---\n\nPrompt.\n',
      'agents/other.md': '---\nschemaVersion: 1\nname: good\n---\n\nDuplicate.\n',
      'agents/broken.md': '---\nschemaVersion: 2\nname: broken\n---\n\nBad version.\n',
      'mcp-servers/srv.json': JSON.stringify(
        { schemaVersion: 1, name: 'srv', transport: 'stdio', command: 'x' },
        null,
        2,
      ),
      'mcp-servers/bad.json': '{\n  "name": "bad",\n  "transport": "stdio",\n}\n',
      'mcp-servers/nourl.json': JSON.stringify({ schemaVersion: 1, name: 'nourl', transport: 'http' }, null, 2),
    });
    const r = await cli(['lint', lib], { AI_CONFIG_HOME: tempDir() });
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'agents/broken.md:2:1: error agent/field-invalid: field "schemaVersion": Invalid input: expected 1',
        'agents/good.md:6:5: error agent/resource-missing: resource "common/missing.md" does not exist',
        'agents/good.md:7:5: warning agent/tag-unmatched: no file has the tag "nothing"',
        'agents/good.md:8:19: error agent/server-unknown: MCP server "ghost" has no definition (mcp-servers/ghost.json)',
        'agents/other.md:3:1: error agent/name-mismatch: name "good" does not match the file name "other"',
        'agents/other.md:3:1: error agent/duplicate-name: duplicate agent name "good" (also in agents/good.md)',
        // An unclosed list: an error, unless the tolerant frontmatter reader reads it as text.
        expect.stringMatching(
          /^common\/bad-yaml\.md:3:\d+: (error frontmatter\/invalid|warning frontmatter\/not-strict)/,
        ),
        expect.stringMatching(/^mcp-servers\/bad\.json:4:1: error mcp\/parse-error: invalid JSON/),
        expect.stringMatching(/^mcp-servers\/nourl\.json:\d+:\d+: error mcp\/field-invalid: field "url"/),
      ]),
    );
    expect(lines.at(-1)).toMatch(/8 files checked: \d+ error\(s\), [12] warning\(s\), 0 info\./);
    // Each structural finding is followed by its fix.
    const missing = lines.indexOf(
      'agents/good.md:6:5: error agent/resource-missing: resource "common/missing.md" does not exist',
    );
    expect(lines[missing + 1]).toBe('  fix: correct the path (relative to the library root), or remove it');
    const json = await cli(['lint', lib, '--json'], { AI_CONFIG_HOME: tempDir() });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      errors: expect.any(Number),
      issues: expect.arrayContaining([expect.objectContaining({ file: 'agents/good.md', line: 6 })]),
    });
  });

  it('every kind: an unquoted Cursor glob is a warning (exit 0), a bad hook event an error with its fix', async () => {
    const lib = tempDir();
    writeTree(lib, {
      'rules/ts.mdc': '---\ndescription: TS\nglobs: **/*.ts\n---\n\nUse strict.\n',
      'hooks/h.yaml': 'hooks:\n  - event: PostToolUse\n    command: x\n',
    });
    const r = await cli(['lint', lib], { AI_CONFIG_HOME: tempDir() });
    expect(r.stdout.trim().split('\n')).toEqual([
      'hooks/h.yaml:2:5: error hook/event-unknown: field "hooks[0].event" "PostToolUse" is not one of pre-tool, post-tool, prompt-submit, stop, subagent-stop, session-start, session-end, pre-compact, notification',
      "  fix: write event: post-tool (the library's name for PostToolUse)",
      'rules/ts.mdc:3:8: warning frontmatter/not-strict-yaml: globs: **/*.ts is not valid YAML (an unquoted "*" or "{" starts YAML syntax); Cursor reads it, YAML parsers and the other tools do not',
      '  fix: quote the value: globs: "**/*.ts"',
      '2 files checked: 1 error(s), 1 warning(s), 0 info.',
    ]);
    expect(r.code).toBe(1);
    writeTree(lib, { 'hooks/h.yaml': 'hooks:\n  - event: post-tool\n    command: x\n' });
    expect((await cli(['lint', lib], { AI_CONFIG_HOME: tempDir() })).code).toBe(0);
  });
});
