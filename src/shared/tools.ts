import type { Scope, ToolId } from './agents';
import type { ContentKind } from './content';

/** One place a tool reads one kind of content (`ai-config tools`, the Agents screen). */
export interface ToolSurfaceInfo {
  readonly kind: ContentKind | 'memory';
  readonly scope: Scope;
  readonly path: string;
  readonly docUrl: string;
  /** ISO date the doc was last checked against what we write. */
  readonly checked: string;
  readonly note?: string;
}

/** One AI tool target as `ai-config tools` and `tools:list` describe it. */
export interface ToolInfo {
  readonly id: ToolId;
  readonly label: string;
  readonly scopes: ReadonlyArray<Scope>;
  /** The tool that replaces this one (a legacy target), if any. */
  readonly supersededBy?: ToolId;
  readonly formatVersion: number;
  readonly surfaces: ReadonlyArray<ToolSurfaceInfo>;
  /** A config folder of the tool exists under the home folder, or one of its programs is on PATH. */
  readonly present: boolean;
}
