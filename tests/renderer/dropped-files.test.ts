import { describe, expect, it } from 'vitest';
import { textOf } from '../../src/renderer/components/agents/dropped-files';

const buf = (bytes: number[]): ArrayBuffer => new Uint8Array(bytes).buffer;

describe('dropped files are handed over as text only when they are UTF-8 text', () => {
  it('keeps UTF-8 text (non-ASCII included) as it is', () => {
    const text = '---\ndescription: Überprüfung 日本語\n---\nbody\n';
    expect(textOf(new TextEncoder().encode(text).buffer as ArrayBuffer)).toBe(text);
  });

  it('hands an image or a Latin-1 file over as a lone NUL (reported as binary), never as mangled text', () => {
    expect(textOf(buf([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toBe('\0');
    expect(textOf(buf([0x63, 0x61, 0x66, 0xe9]))).toBe('\0');
  });
});
