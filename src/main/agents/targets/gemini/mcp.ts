import type { McpServer } from '../../../../shared/agents';
import type { Reporter } from '../formats/report';
import { mcpEntry, mcpJsonItems } from '../render-helpers';
import type { VarSource } from '../../vars';

/** `mcpServers.<name>` in settings.json; Gemini expands `${VAR}` itself, HTTP servers use `httpUrl`. */
export function geminiMcp(servers: ReadonlyArray<McpServer>, file: string, vars: VarSource, rep: Reporter) {
  const mcp = mcpJsonItems(servers, file, 'mcpServers', vars, { native: (n) => `\${${n}}` }, (srv, r) =>
    mcpEntry(srv, r, { urlKey: 'httpUrl' }),
  );
  for (const s of servers) rep.native('mcp-server', s.name, `mcpServers in ${file}`);
  return mcp;
}
