import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { readTomlTable, removeTomlTable, writeTomlTable } from '../../../src/main/agents/slots/toml-tables';
import { tomlTableId } from '../../../src/main/agents/targets/formats/toml';

const body = (n: number, name = `s${n}`) =>
  `[mcp_servers.${name}]\ncommand = "npx"\nargs = ["-y", "s${n}"]\n\n[mcp_servers.${name}.env]\nLEVEL = "info"`;

describe('TOML tables we own', () => {
  it('appends many tables to a commented file, every result parsing as a whole does', () => {
    let text = '# my settings\nmodel = "o3" # keep\n\n[profiles.fast]\nmodel = "mini"\n';
    for (let i = 0; i < 30; i++) text = writeTomlTable(text, 'config.toml', `mcp_servers.s${i}`, body(i));
    const v = parse(text) as { mcp_servers: Record<string, { env: { LEVEL: string } }>; model: string };
    expect(Object.keys(v.mcp_servers)).toHaveLength(30);
    expect(v.mcp_servers.s29!.env.LEVEL).toBe('info');
    expect(text.startsWith('# my settings\nmodel = "o3" # keep\n')).toBe(true);
    expect(readTomlTable(text, 'config.toml', 'mcp_servers.s7')).toContain('args = ["-y", "s7"]');
  });

  it("beside the user's own tables of the same name, still a valid file; refuses what would not parse", () => {
    const mine = '[mcp_servers.theirs]\ncommand = "x"\n';
    const out = writeTomlTable(mine, 'config.toml', 'mcp_servers.ours', body(1, 'ours'));
    expect(Object.keys((parse(out) as { mcp_servers: object }).mcp_servers).sort()).toEqual(['ours', 'theirs']);
    expect(readTomlTable(out, 'config.toml', 'mcp_servers.theirs')).toMatch(/^foreign:/);
    // An inline table cannot be extended by a [table] header: the whole text is checked and the write refused.
    const inline = 'mcp_servers = { theirs = { command = "x" } }\n';
    readTomlTable(inline, 'config.toml', 'mcp_servers.ours');
    expect(() => writeTomlTable(inline, 'config.toml', 'mcp_servers.ours', body(2, 'ours'))).toThrow(/not valid TOML/);
    const dotted = 'mcp_servers.theirs.command = "x"\n';
    readTomlTable(dotted, 'config.toml', 'mcp_servers.ours');
    const r = (() => {
      try {
        return parse(writeTomlTable(dotted, 'config.toml', 'mcp_servers.ours', body(3, 'ours')));
      } catch (e) {
        return e as Error;
      }
    })();
    // Whatever the answer, it is the whole-text parser's: either a file that parses or the refusal.
    if (r instanceof Error) expect(r.message).toMatch(/not valid TOML/);
    else expect(Object.keys((r as { mcp_servers: object }).mcp_servers).sort()).toEqual(['ours', 'theirs']);
  });

  it('reads a table id with a quoted dotted key as one key (ours and foreign)', () => {
    const id = 'mcp_servers."awslabs.aws-docs"';
    const ours = writeTomlTable('', 'config.toml', id, `[${id}]\ncommand = "uvx"`);
    expect((parse(ours) as { mcp_servers: Record<string, unknown> }).mcp_servers['awslabs.aws-docs']).toEqual({
      command: 'uvx',
    });
    expect(readTomlTable(ours, 'config.toml', id)).toBe(`[${id}]\ncommand = "uvx"`);
    const theirs = '[mcp_servers."awslabs.aws-docs"]\ncommand = "theirs"\n';
    expect(readTomlTable(theirs, 'config.toml', id)).toBe('foreign:{"command":"theirs"}');
    expect(readTomlTable(theirs, 'config.toml', 'mcp_servers."awslabs.other"')).toBeUndefined();
  });
});

describe('TOML tables with quoted keys', () => {
  it('a server named awslabs.aws-documentation-mcp-server round-trips as ONE table with a command', () => {
    const name = 'awslabs.aws-documentation-mcp-server';
    const id = tomlTableId('mcp_servers', name);
    expect(id).toBe('mcp_servers."awslabs.aws-documentation-mcp-server"');
    const user = '[mcp_servers.theirs]\ncommand = "x"\n';
    const out = writeTomlTable(user, 'config.toml', id, `[${id}]\ncommand = "uvx"\nargs = ["${name}@latest"]`);
    const v = parse(out) as { mcp_servers: Record<string, { command: string }> };
    expect(Object.keys(v.mcp_servers).sort()).toEqual([name, 'theirs']);
    expect(v.mcp_servers[name]!.command).toBe('uvx');
    expect(readTomlTable(out, 'config.toml', id)).toContain('command = "uvx"');
    expect(removeTomlTable(out, id)).toBe(user);
    // Someone else's table of that name is seen as theirs (the quoted key read as one key).
    const theirs = `[mcp_servers."${name}"]\ncommand = "npx"\n`;
    expect(readTomlTable(theirs, 'config.toml', id)).toBe('foreign:{"command":"npx"}');
    expect(readTomlTable(theirs, 'config.toml', tomlTableId('mcp_servers', 'awslabs'))).toBeUndefined();
  });
});
