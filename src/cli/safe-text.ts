import { isUnsafeCodePoint } from '../shared/unsafe-chars';
import type { Io } from './output';

/** CLI text output: every control and bidi character escaped as `\u{hex}`, except the newlines and tabs we print. */
export function safeText(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    out += ch !== '\n' && ch !== '\t' && isUnsafeCodePoint(cp) ? `\\u{${cp.toString(16)}}` : ch;
  }
  return out;
}

/**
 * JSON output: the characters JSON.stringify leaves raw (C1 controls, bidi, line separators) as `\uXXXX`,
 * which parses back to the same string but cannot reorder or hide text on a terminal.
 */
export function safeJson(json: string): string {
  let out = '';
  for (const ch of json) {
    const cp = ch.codePointAt(0)!;
    out += cp >= 0x7f && isUnsafeCodePoint(cp) ? `\\u${cp.toString(16).padStart(4, '0')}` : ch;
  }
  return out;
}

/** An Io whose output is escaped (safeJson with --json, else safeText); every command prints through it. */
export function safeIo(io: Io, json: boolean): Io {
  return {
    out: (t) => io.out(json ? safeJson(t) : safeText(t)),
    err: (t) => io.err(safeText(t)),
    isTty: io.isTty,
  };
}
