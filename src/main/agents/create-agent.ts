import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { OperationContext } from '../context';
import { personalRoot, readTextInRoot, writeInRoot } from '../workspace/boundary';
import { withLock } from '../workspace/lock';
import type { AgentContext } from './agent-context';
import { parseAgent } from './load';
import { agentFileText } from './write-agent';

/** What `agent create` asks for: a name, and the fields or a whole agent file to create it from. */
export interface CreateAgentRequest {
  readonly name: string;
  readonly title?: string;
  readonly description?: string;
  readonly tags?: ReadonlyArray<string>;
  readonly prompt?: string;
  readonly resources?: ReadonlyArray<string>;
  readonly mcpServers?: ReadonlyArray<string>;
  /** A whole agent file's text to create from (its name is replaced by `name`). */
  readonly from?: string;
  readonly overwrite?: boolean;
}

/** Creates a personal agent file (from fields or a whole file's text), versioned and audited. */
export async function createAgent(
  ac: AgentContext,
  req: CreateAgentRequest,
  ctx: OperationContext,
): Promise<{ path: string; created: boolean }> {
  const { deps } = ac;
  const file = path.join(deps.personalDir(), 'agents', `${req.name}.md`);
  let text: string;
  if (req.from !== undefined) {
    const parsed = parseAgent(req.from, { source: 'input', path: `agents/${req.name}.md` });
    const { prompt, source: _s, path: _p, ...fm } = { ...parsed, name: req.name };
    text = agentFileText(fm, prompt);
  } else {
    text = agentFileText(
      {
        name: req.name,
        ...(req.title ? { title: req.title } : {}),
        description: req.description ?? '',
        tags: [...(req.tags ?? [])],
        resources: [...(req.resources ?? [])],
        mcpServers: [...(req.mcpServers ?? [])],
      },
      req.prompt ?? `You are ${req.title ?? req.name}.`,
    );
  }
  parseAgent(text, { source: 'personal', path: `agents/${req.name}.md` });
  return withLock(deps.lockFile, 'agent.create', async () => {
    const root = personalRoot(deps.personalDir());
    const existing = readTextInRoot(root, file);
    if (existing !== undefined && !req.overwrite)
      throw new AppError(
        'ALREADY_EXISTS',
        `The agent file ${file} already exists.`,
        'Pick another name, or edit the existing agent.',
      );
    if (existing === text) return { path: file, created: false };
    const op = { operation: 'agent.create', correlationId: ctx.correlationId, message: `agent ${req.name}` };
    const started = Date.now();
    await deps.history.beforeChange(op);
    await writeInRoot(root, file, text);
    await deps.history.record(op);
    deps.audit.append({
      operation: 'agent.create',
      target: req.name,
      result: 'ok',
      durationMs: Date.now() - started,
      correlationId: ctx.correlationId,
      details: { path: file, overwrite: existing !== undefined },
    });
    return { path: file, created: existing === undefined };
  });
}
