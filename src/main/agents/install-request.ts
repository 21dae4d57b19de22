import type { DriftChoice, Scope, ToolId } from '../../shared/agents';

/** One install or uninstall: which agent into which tool, at user scope or into a project folder. */
export interface InstallRequest {
  readonly name: string;
  readonly tool: ToolId;
  readonly scope: Scope;
  readonly project?: string;
  readonly dryRun?: boolean;
  /** One choice for every drifted file... */
  readonly onDrift?: DriftChoice;
  /** ...or one per file (absolute path). */
  readonly resolutions?: Readonly<Record<string, DriftChoice>>;
  /** Tool-file symlinks to follow this time (`--follow-symlink PATH`), beside settings `filesystem.allowSymlinks`. */
  readonly followSymlinks?: ReadonlyArray<string>;
  /**
   * A project-scope install may also write the tool's user-level files (MCP of a tool that has no project file):
   * only when the user asked (`--allow-user-files`, or the app's confirmation). Otherwise they are reported, not
   * written.
   */
  readonly allowUserFiles?: boolean;
}
