/**
 * How a tool file's bytes go into history and come back out. The secrets domain supplies it: a resolved secret
 * is stored as its placeholder and resolved again on rollback. Without one, bytes are stored as they are.
 */
export interface ToolContent {
  /** The bytes to store for the tool file at `file`. */
  toHistory(file: string, data: Buffer): Buffer;
  /** The bytes to write back; `private` asks for mode 0600, `missing` names placeholders nothing resolved. */
  fromHistory(file: string, data: Buffer): { data: Buffer; private: boolean; missing: string[] };
}
