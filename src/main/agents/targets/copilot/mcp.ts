import type { McpServer } from '../../../../shared/agents';
import type { Desired } from '../../model';
import type { Reporter } from '../formats/report';
import { join, mcpEntry, mcpJsonItems } from '../render-helpers';
import type { RenderInput } from '../types';

const PLACEHOLDER = /\$\{(secret:)?([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** Every string of a server, for finding its placeholders. */
function strings(s: McpServer): string[] {
  return s.transport === 'stdio'
    ? [s.command, ...s.args, ...Object.values(s.env)]
    : [s.url, ...Object.values(s.headers)];
}

/** Names whose value would come from the secret store (not the environment): VS Code prompts for them instead. */
function storeSecrets(input: RenderInput): string[] {
  const names = new Set<string>();
  for (const s of input.mcpServers)
    for (const v of strings(s))
      for (const m of v.matchAll(PLACEHOLDER)) {
        const name = m[2]!;
        const fromEnv = m[1] ? undefined : input.vars.env[name];
        if (fromEnv === undefined && input.vars.secret(name) !== undefined) names.add(name);
      }
  return [...names];
}

/** The server with each store-only secret as VS Code's `${input:NAME}`, so no secret value is written. */
function withInputs(s: McpServer, inputs: ReadonlySet<string>): McpServer {
  const sub = (v: string) => v.replace(PLACEHOLDER, (w, _s, n: string) => (inputs.has(n) ? `\${input:${n}}` : w));
  const rec = (r: Readonly<Record<string, string>>) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, sub(v)]));
  return s.transport === 'stdio'
    ? { ...s, command: sub(s.command), args: s.args.map(sub), env: rec(s.env) }
    : { ...s, url: sub(s.url), headers: rec(s.headers) };
}

/**
 * Project: `servers` in `.vscode/mcp.json` (`type`, `${env:VAR}`; a secret only the secret store holds becomes a
 * prompted `inputs` entry and `${input:NAME}`). User: `mcpServers` in the Copilot CLI's `~/.copilot/mcp-config.json`
 * (`type`, `tools: ["*"]`, `${VAR}`).
 */
export function mcpItems(input: RenderInput, base: string, rep: Reporter) {
  if (input.scope === 'user') {
    const mcp = mcpJsonItems(
      input.mcpServers,
      join(base, '.copilot', 'mcp-config.json'),
      'mcpServers',
      input.vars,
      { native: (n) => `\${${n}}` },
      (srv, r) => ({ ...mcpEntry(srv, r, { typeField: true }), tools: ['*'] }),
    );
    for (const s of input.mcpServers) rep.native('mcp-server', s.name, '~/.copilot/mcp-config.json mcpServers');
    return mcp;
  }
  const file = join(base, '.vscode', 'mcp.json');
  const secrets = new Set(storeSecrets(input));
  const mcp = mcpJsonItems(
    input.mcpServers.map((s) => withInputs(s, secrets)),
    file,
    'servers',
    input.vars,
    { native: (n) => `\${env:${n}}` },
    (srv, r) => mcpEntry(srv, r, { typeField: true }),
  );
  const inputs: Desired[] = [...secrets].map((id) => {
    const value = { type: 'promptString', id, description: id, password: true };
    return { kind: 'json-item', path: file, parent: 'inputs', id: JSON.stringify(value), value };
  });
  for (const s of input.mcpServers) rep.native('mcp-server', s.name, '.vscode/mcp.json servers');
  return { items: [...mcp.items, ...inputs], warnings: mcp.warnings };
}
