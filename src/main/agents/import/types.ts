import type { ImportKind, ToolId } from '../../../shared/agents';

/** One file handed to the importer: from a folder walk, or dropped on the window. */
export interface ImportInput {
  /** Path relative to the import root (or the bare name of a dropped file), "/" separators. */
  readonly rel: string;
  readonly text: string;
  /** A skill folder's binary file (an image, a font, a compiled helper): its exact bytes; `text` is then empty. */
  readonly bytes?: Buffer;
  /** Where it is on disk, when it is (for `file://` resources relative to it). */
  readonly abs?: string;
  /** The file on disk has an execute bit (a skill's script): the imported copy keeps it. */
  readonly executable?: true;
}

/** How the converter reads around an input: files (a prompt's or resource's `file://`) and folders (globs). */
export interface ImportIo {
  /** A file's text inside the import root, or undefined (missing, a refused symlink, outside the root). */
  readFile(abs: string): string | undefined;
  /** A folder's entry names inside the import root, or undefined; absent for dropped files. */
  listDir?(abs: string): string[] | undefined;
}

/** What the converter made of a folder of inputs. */
export interface ConvertResult {
  readonly files: ConvertedFile[];
  readonly skipped: Array<{ from: string; reason: string }>;
  readonly warnings: string[];
  /** Each input that was recognised, with what it was read as ("Cursor rule", "Kiro agent", ...). */
  readonly recognised: Array<{ from: string; as: string }>;
  /** Inputs whose content went into a file another input made, with that file's path and why. */
  readonly merged: Array<{ from: string; into: string; reason: string }>;
}

/** A file the import creates, relative to the personal workspace. */
export interface ConvertedFile {
  readonly from: string;
  readonly kind: ImportKind;
  readonly path: string;
  readonly content: string;
  /** A skill's binary file: written as these exact bytes (`content` then only describes it). */
  readonly bytes?: Buffer;
  /** Written with execute bits (0755): a skill's script that had them. */
  readonly executable?: true;
}

/** What one tool's imported rules, skills, commands, hooks and permissions add up to: one agent installs them back. */
export interface Bundle {
  readonly from: string;
  readonly rules: string[];
  readonly skills: string[];
  readonly commands: string[];
  readonly hooks: string[];
  readonly permissions: string[];
}

/** An agent read from a tool's agent file, before it is written. */
export interface AgentDraft {
  readonly from: string;
  readonly name: string;
  /** The name as the tool file wrote it, when the library's had to differ (`CdkHelper` -> `cdkhelper`). */
  readonly title?: string;
  readonly tool: ToolId;
  readonly description: string;
  readonly prompt: string;
  /** Library rule paths the agent loads (its `resources`). */
  readonly rules: string[];
  readonly skills: string[];
  readonly permissions?: string[];
  readonly mcpServers: string[];
  readonly settings: Record<string, Record<string, unknown>>;
}
