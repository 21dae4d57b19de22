import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

/** JSON with comments and trailing commas, as VS Code, Zed and Cursor read it. */
export function parseJsonc(text: string): { value: unknown } | { error: string } {
  const errors: ParseError[] = [];
  const value: unknown = parse(text.replace(/^\uFEFF/, ''), errors, {
    allowTrailingComma: true,
    disallowComments: false,
  });
  if (!errors.length) return { value };
  const e = errors[0]!;
  const line = text.slice(0, e.offset).split('\n').length;
  return { error: `${printParseErrorCode(e.error)} at line ${line}` };
}

/** True when the text has comments or trailing commas (strict JSON would refuse it). */
export function isJsonc(text: string): boolean {
  try {
    JSON.parse(text.replace(/^\uFEFF/, ''));
    return false;
  } catch {
    return true;
  }
}

export function obj(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
