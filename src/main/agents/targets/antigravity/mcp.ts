import type { McpServer } from '../../../../shared/agents';
import type { VarSource } from '../../vars';
import type { Reporter } from '../formats/report';
import { mcpEntry, mcpJsonItems } from '../render-helpers';

/**
 * `mcpServers.<name>` in mcp_config.json; HTTP servers use `serverUrl`. Antigravity does not expand variables in
 * this file, so values are resolved (each secret written is warned about by the resolver).
 */
export function agyMcp(servers: ReadonlyArray<McpServer>, file: string, shown: string, vars: VarSource, rep: Reporter) {
  const mcp = mcpJsonItems(servers, file, 'mcpServers', vars, {}, (srv, r) =>
    mcpEntry(srv, r, { urlKey: 'serverUrl' }),
  );
  for (const s of servers) rep.native('mcp-server', s.name, `mcpServers in ${shown}`);
  return mcp;
}
