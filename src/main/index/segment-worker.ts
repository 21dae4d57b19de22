import { Worker } from 'node:worker_threads';
import { builderCode, SegmentBuilder, type BuiltSegment } from './segment-builder';
import { segmentLayoutCode } from './segment-layout';
import { termScanCode } from './term-scan';

/** A word source of one field and its bit (see FIELD). */
export type FieldText = readonly [text: string, bit: number];

/** Where a bulk build's documents go: this thread's builder, or a worker thread's. */
export interface BulkSink {
  /**
   * Indexes one document: its body as `bytes[from..to)` (copied or used at once, so the buffer may be reused)
   * and its fields.
   */
  add(doc: number, bytes: Uint8Array, from: number, to: number, fields: ReadonlyArray<FieldText>): void;
  /** A promise while the worker is far behind (the caller waits before reading more), else undefined. */
  backlog(): Promise<void> | undefined;
  /** The segment of every document added. */
  finish(): Promise<BuiltSegment>;
  /** Stops without a result. */
  abort(): void;
}

/** Builds on this thread. */
export function inThreadSink(blockBits?: number): BulkSink {
  const b = new SegmentBuilder(blockBits);
  return {
    add(doc, bytes, from, to, fields) {
      b.begin(doc);
      b.body(bytes, from, to);
      for (const [text, bit] of fields) b.field(text, bit);
      b.end();
    },
    backlog: () => undefined,
    finish: async () => b.finish(),
    abort: () => undefined,
  };
}

// The worker runs the source text of `builderCode`, `termScanCode` and `segmentLayoutCode` (each self-contained
// by design): no separate file to locate in the CLI bundle, the Electron bundle, the benchmark bundle and the
// TypeScript sources alike.
const WORKER_SOURCE = `'use strict';
const { parentPort } = require('node:worker_threads');
var __name = (f) => f;
const { SegmentBuilder } = (${builderCode.toString()})(
  (${termScanCode.toString()})(),
  (${segmentLayoutCode.toString()})(),
);
const b = new SegmentBuilder();
parentPort.on('message', (m) => {
  if (m.kind === 'docs') {
    const bytes = new Uint8Array(m.bytes);
    const at = m.at;
    for (let d = 0; d < m.fields.length; d++) {
      b.begin(at[3 * d]);
      b.body(bytes, at[3 * d + 1], at[3 * d + 2]);
      for (const [text, bit] of m.fields[d]) b.field(text, bit);
      b.end();
    }
    parentPort.postMessage({ kind: 'ack', bytes: bytes.byteLength });
  } else if (m.kind === 'finish') {
    const s = b.finish();
    parentPort.postMessage({ kind: 'done', segment: s }, [s.offsets.buffer, s.df.buffer, s.postings.buffer, s.docs.buffer, s.lens.buffer]);
  }
});
`;

const BATCH = 1 << 20;
/** Bytes sent and not yet indexed before the reader waits: bounds the memory a slow worker can make pile up. */
const MAX_BACKLOG = 8 << 20;

/**
 * Builds in a worker thread: bodies are copied into 1 MB batches whose memory is handed over (not copied) to
 * the worker, which tokenizes while this thread goes on reading, so a cold build uses a second core and this
 * thread never waits for the tokenizer. The finished segment's arrays are handed back the same way.
 */
export function workerSink(): BulkSink {
  const worker = new Worker(WORKER_SOURCE, { eval: true });
  let batch = new Uint8Array(BATCH);
  let used = 0;
  let at: number[] = [];
  let fields: Array<ReadonlyArray<FieldText>> = [];
  let outstanding = 0;
  let waiters: Array<() => void> = [];
  let settle: { resolve: (s: BuiltSegment) => void; reject: (e: Error) => void } | undefined;
  let failure: Error | undefined;
  let finished = false;

  const fail = (e: Error) => {
    if (finished) return;
    finished = true;
    failure = e;
    settle?.reject(e);
    for (const w of waiters) w();
    waiters = [];
    void worker.terminate();
  };
  worker.on('message', (m: { kind: 'ack'; bytes: number } | { kind: 'done'; segment: BuiltSegment }) => {
    if (m.kind === 'ack') {
      outstanding -= m.bytes;
      if (outstanding <= MAX_BACKLOG / 2) {
        for (const w of waiters) w();
        waiters = [];
      }
    } else {
      finished = true;
      settle?.resolve(m.segment);
      void worker.terminate();
    }
  });
  worker.on('error', (e) => fail(e instanceof Error ? e : new Error(String(e))));
  worker.on('exit', (code) => fail(new Error(`search index worker exited (${code})`)));

  const flush = () => {
    if (!fields.length || failure) return;
    const bytes = batch.buffer.slice(0, used);
    worker.postMessage({ kind: 'docs', bytes, at: Uint32Array.from(at), fields }, [bytes]);
    outstanding += used;
    used = 0;
    at = [];
    fields = [];
  };

  return {
    add(doc, bytes, from, to, docFields) {
      if (failure) return;
      const n = to - from;
      if (used + n > batch.length) flush();
      if (n > batch.length) batch = new Uint8Array(n);
      batch.set(bytes.subarray(from, to), used);
      at.push(doc, used, used + n);
      fields.push(docFields);
      used += n;
    },
    backlog() {
      if (outstanding <= MAX_BACKLOG || failure) return undefined;
      return new Promise<void>((resolve) => waiters.push(resolve));
    },
    finish() {
      if (failure) return Promise.reject(failure);
      flush();
      const done = new Promise<BuiltSegment>((resolve, reject) => (settle = { resolve, reject }));
      worker.postMessage({ kind: 'finish' });
      return done;
    },
    abort() {
      fail(new Error('aborted'));
    },
  };
}
