import type { Desired } from '../model';
import { stringListSetting, stringSetting, toolSettings } from './render-helpers';
import type { RenderInput } from './types';

/** Keys the Amazon Q / Kiro agent format knows that an agent may set through `settings.<tool>`. */
const PASSTHROUGH = ['toolAliases', 'toolsSettings', 'hooks', 'useLegacyMcpJson'] as const;

/**
 * The agent JSON shared by Amazon Q Developer CLI and Kiro: prompt inline, resources as absolute
 * `file://` URIs, tools from settings (all by default), and no field outside the published schema.
 */
export function agentJson(input: RenderInput, tool: string, extra: Record<string, unknown>): Record<string, unknown> {
  const s = toolSettings(input, tool);
  const a = input.agent;
  const out: Record<string, unknown> = {
    name: a.name,
    description: a.description || null,
    prompt: a.prompt.replace(/\s+$/, ''),
    ...extra,
    tools: stringListSetting(s, 'tools') ?? ['*'],
    ...(stringListSetting(s, 'allowedTools')
      ? { allowedTools: [...new Set(stringListSetting(s, 'allowedTools'))] }
      : {}),
    resources: input.resources.map(
      (r) =>
        `file://${r.abs
          .split('\\')
          .join('/')
          .replace(/^([A-Za-z]):/, '/$1:')}`,
    ),
    ...(stringSetting(s, 'model') ? { model: stringSetting(s, 'model') } : {}),
  };
  for (const k of PASSTHROUGH) if (s[k] !== undefined) out[k] = s[k];
  return out;
}

export function jsonFile(path: string, value: unknown): Desired {
  return { kind: 'file', path, content: JSON.stringify(value, null, 2) + '\n' };
}
