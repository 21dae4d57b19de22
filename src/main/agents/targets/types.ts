import type { Agent, McpServer, Scope, ToolId } from '../../../shared/agents';
import type { Desired } from '../model';
import type { VarSource } from '../vars';

/** A resolved resource with its text, ready to inline or reference. */
export interface ResourceText {
  readonly source: string;
  readonly path: string;
  readonly abs: string;
  /** The file's body without frontmatter. */
  readonly body: string;
  readonly title: string;
}

export interface RenderInput {
  readonly agent: Agent;
  readonly resources: ReadonlyArray<ResourceText>;
  readonly mcpServers: ReadonlyArray<McpServer>;
  readonly scope: Scope;
  /** The chosen project folder (project scope). */
  readonly project?: string;
  readonly homeDir: string;
  readonly platform: NodeJS.Platform;
  readonly vars: VarSource;
}

export interface Rendered {
  readonly items: ReadonlyArray<Desired>;
  readonly warnings: ReadonlyArray<string>;
}

/** One AI tool: where its files live and how an agent looks in them. */
export interface Target {
  readonly id: ToolId;
  readonly label: string;
  readonly scopes: ReadonlyArray<Scope>;
  render(input: RenderInput): Rendered;
  /** A warning about a whole planned file (e.g. a size cap the tool applies), if any. */
  check?(file: string, after: string): string | undefined;
}
