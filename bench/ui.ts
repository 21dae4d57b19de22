// The Library screen benchmark: a large library in the personal workspace, the real browser host
// (`ai-config serve`) and Debian's Chromium; measures the first render of the tree, expand/collapse all,
// frame times while scrolling the whole tree (steady, wheel and fling), the page's JS heap and the size and
// time of the tree's IPC payload. Run with `npm run bench:ui -- [--files 100000] [--out FILE]`.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startApp } from '../e2e/helpers/app';
import { writeFixture } from './fixtures';

const args = process.argv.slice(2);
const flag = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : dflt;
};
const files = Number(flag('files', '100000'));
const outFile = flag('out', path.join('bench', 'out', 'ui.json'));
const ROW = 26;
const DELTA_FILE = 'zz-bench-delta.md';

const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : 0;
};
const summary = (frames: number[]) => ({
  frames: frames.length,
  p50: round(pct(frames, 50)),
  p95: round(pct(frames, 95)),
  p99: round(pct(frames, 99)),
  max: round(Math.max(0, ...frames)),
  over50ms: frames.filter((f) => f > 50).length,
  over33ms: frames.filter((f) => f > 33.4).length,
});

/** Runs `steps` (one per animation frame, in the page) and returns the frame times seen meanwhile. */
async function scrollFrames(
  page: Page,
  mode: 'steady' | 'smooth' | 'fling',
  stepPx: number,
  maxFrames: number,
): Promise<{ frames: number[]; longTasks: number; slowWithGc: number }> {
  return page.evaluate(
    ({ mode, stepPx, maxFrames }) =>
      new Promise<{ frames: number[]; longTasks: number; slowWithGc: number }>((resolve) => {
        const heap = () =>
          (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
        let lastHeap = heap();
        /** Frames over 33 ms during which the heap shrank by more than 1 MB (a garbage collection ran). */
        let slowWithGc = 0;
        const tree = document.querySelector<HTMLElement>('[role="tree"]')!;
        const max = tree.scrollHeight - tree.clientHeight;
        tree.scrollTop = 0;
        let longTasks = 0;
        const obs = new PerformanceObserver((l) => (longTasks += l.getEntries().length));
        try {
          obs.observe({ type: 'longtask', buffered: false });
        } catch {
          // no longtask support
        }
        const frames: number[] = [];
        let last = 0;
        let n = 0;
        let seed = 7;
        const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
        const tick = (t: number) => {
          if (last) frames.push(t - last);
          const h = heap();
          if (last && t - last > 33.4 && h < lastHeap - 2 ** 20) slowWithGc++;
          lastHeap = h;
          last = t;
          n++;
          const done = n > maxFrames || (mode !== 'fling' && tree.scrollTop >= max);
          if (done) {
            obs.disconnect();
            resolve({ frames, longTasks, slowWithGc });
            return;
          }
          if (mode === 'fling') tree.scrollTop = Math.floor(rand() * max);
          else tree.scrollTop = Math.min(max, tree.scrollTop + stepPx);
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    { mode, stepPx, maxFrames },
  );
}

/** Runs fn in the page and returns how long until the next frame was painted after it. */
async function timedAction(page: Page, selector: string): Promise<number> {
  return page.evaluate(
    (sel) =>
      new Promise<number>((resolve) => {
        const t0 = performance.now();
        document.querySelector<HTMLElement>(sel)!.click();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
      }),
    selector,
  );
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return round((metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 2 ** 20);
}

async function main() {
  const started = Date.now();
  let fixtureMs = 0;
  let indexMs = 0;
  const app = await startApp({
    prepare: (home, cli) => {
      const t = Date.now();
      writeFixture(path.join(home, 'personal'), files);
      fixtureMs = Date.now() - t;
      const t2 = Date.now();
      const r = cli('index', 'rebuild');
      if (r.status !== 0) throw new Error(`index rebuild failed: ${r.stderr}`);
      indexMs = Date.now() - t2;
    },
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--enable-precise-memory-info',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    let treeRequests = 0;
    let deltaAt = 0;
    let deltaBytes = 0;
    let treeBytes = 0;
    page.on('websocket', (ws) => {
      ws.on('framesent', (f) => {
        if (typeof f.payload === 'string' && /"channel":"library:(tree|outline)"/.test(f.payload)) treeRequests++;
      });
      ws.on('framereceived', (f) => {
        if (typeof f.payload !== 'string') return;
        if (f.payload.length > 1e5) treeBytes = Math.max(treeBytes, Buffer.byteLength(f.payload));
        if (!deltaAt && f.payload.includes('"type":"result"') && f.payload.includes(DELTA_FILE)) {
          deltaAt = Date.now();
          deltaBytes = Buffer.byteLength(f.payload);
        }
      });
    });
    // Right after the host started: includes the host's own warm start of the index.
    const t0 = Date.now();
    await page.goto(app.url);
    await page.locator('[role="tree"] [role="treeitem"]').first().waitFor({ timeout: 300_000 });
    const firstRenderAfterHostStartMs = Date.now() - t0;
    // The tree payload, as the host sends it (HTTP invoke with the run's token), three times.
    const token = new URLSearchParams(new URL(app.url).hash.slice(1)).get('token') ?? '';
    const payload = async (channel: string) => {
      const t = performance.now();
      const res = await fetch(`${app.origin}/api/invoke`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ channel, request: {} }),
      });
      const text = await res.text();
      return { ms: performance.now() - t, bytes: Buffer.byteLength(text) };
    };
    const treeCalls = [await payload('library:tree'), await payload('library:tree'), await payload('library:tree')];
    // The compact form the Library screen loads (absent before it existed).
    const outlineCalls = [
      await payload('library:outline'),
      await payload('library:outline'),
      await payload('library:outline'),
    ];

    // The screen opened again with the host warm: what a user sees each time.
    const t1 = Date.now();
    await page.reload();
    await page.locator('[role="tree"] [role="treeitem"]').first().waitFor({ timeout: 300_000 });
    const firstRenderMs = Date.now() - t1;
    const requestsAfterLoads = treeRequests;
    const heapAfterLoad = await heapMb(page);

    const expandAllMs = await timedAction(page, '.tree-actions button:first-child');
    const rows = await page.evaluate(
      () => document.querySelector('[role="tree"] > div')!.getBoundingClientRect().height,
    );
    const visibleRows = Math.round(rows / ROW);
    const steady = await scrollFrames(page, 'steady', 4000, 5000);
    const smooth = await scrollFrames(page, 'smooth', 60, 600);
    const fling = await scrollFrames(page, 'fling', 0, 300);

    // The same on a CPU four times slower (CDP throttling): headroom for slower machines.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const steadySlow = await scrollFrames(page, 'steady', 4000, 5000);
    const flingSlow = await scrollFrames(page, 'fling', 0, 300);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.detach();

    // Mouse-wheel scrolling, as a user does it, while frames are recorded.
    await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __stop: boolean };
      w.__frames = [];
      w.__stop = false;
      let last = 0;
      const tick = (t: number) => {
        if (last) w.__frames.push(t - last);
        last = t;
        if (!w.__stop) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const box = (await page.locator('[role="tree"]').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 200; i++) await page.mouse.wheel(0, 900);
    const wheel = await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __stop: boolean };
      w.__stop = true;
      return w.__frames;
    });
    const lastRowShown = await page.evaluate(() => {
      const tree = document.querySelector<HTMLElement>('[role="tree"]')!;
      tree.scrollTop = tree.scrollHeight;
      return new Promise<string>((r) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() =>
            r([...tree.querySelectorAll('[role="treeitem"]')].pop()?.getAttribute('data-path') ?? ''),
          ),
        ),
      );
    });
    const heapAfterScroll = await heapMb(page);
    // One file added on disk while the screen is open: the tree follows by a delta, not a whole fetch.
    const requestsBefore = treeRequests;
    const tDelta = Date.now();
    fs.writeFileSync(path.join(app.home, 'personal', DELTA_FILE), '---\ntitle: Delta\n---\n');
    while (!deltaAt && Date.now() - tDelta < 30_000) await new Promise((r) => setTimeout(r, 10));
    const delta = {
      ms: deltaAt ? deltaAt - tDelta : -1,
      bytes: deltaBytes,
      wholeFetches: treeRequests - requestsBefore,
    };
    const collapseAllMs = await timedAction(page, '.tree-actions button:last-child');
    const expandAgainMs = await timedAction(page, '.tree-actions button:first-child');

    const result = {
      at: new Date().toISOString(),
      files,
      fixtureMs,
      indexRebuildMs: indexMs,
      treePayload: { bytes: treeCalls[0]!.bytes, ms: treeCalls.map((c) => round(c.ms)) },
      outlinePayload: { bytes: outlineCalls[0]!.bytes, ms: outlineCalls.map((c) => round(c.ms)) },
      /** Bytes of the largest tree message the screen received, and whole-tree requests over its two loads. */
      screenLoad: { wsBytes: treeBytes, treeRequests: requestsAfterLoads },
      /** One file added on disk: ms until its entry reached the screen (watcher debounce + batch included), bytes of that answer. */
      delta,
      firstRenderMs,
      firstRenderAfterHostStartMs,
      expandAllMs: round(expandAllMs),
      collapseAllMs: round(collapseAllMs),
      expandAgainMs: round(expandAgainMs),
      visibleRows,
      lastRowShown,
      heapMb: { afterLoad: heapAfterLoad, afterScroll: heapAfterScroll },
      frames: {
        steady: { ...summary(steady.frames), longTasks: steady.longTasks, slowWithGc: steady.slowWithGc, stepPx: 4000 },
        smooth: { ...summary(smooth.frames), longTasks: smooth.longTasks, slowWithGc: smooth.slowWithGc, stepPx: 60 },
        fling: { ...summary(fling.frames), longTasks: fling.longTasks, slowWithGc: fling.slowWithGc },
        wheel: summary(wheel),
        steadyCpu4x: {
          ...summary(steadySlow.frames),
          longTasks: steadySlow.longTasks,
          slowWithGc: steadySlow.slowWithGc,
        },
        flingCpu4x: { ...summary(flingSlow.frames), longTasks: flingSlow.longTasks, slowWithGc: flingSlow.slowWithGc },
      },
      totalMs: Date.now() - started,
    };
    fs.mkdirSync(path.dirname(outFile), { recursive: true });
    fs.writeFileSync(outFile, JSON.stringify(result, null, 2) + '\n');
    const f = result.frames;
    console.log(`Library screen, ${files} files (${visibleRows} rows expanded)`);
    console.log(
      `  library:tree      ${(result.treePayload.bytes / 2 ** 20).toFixed(1)} MB, ${result.treePayload.ms.join(' / ')} ms`,
    );
    console.log(
      `  library:outline   ${(result.outlinePayload.bytes / 2 ** 20).toFixed(1)} MB, ${result.outlinePayload.ms.join(' / ')} ms   (the screen received ${(treeBytes / 2 ** 20).toFixed(1)} MB)`,
    );
    console.log(
      `  first render      ${firstRenderMs} ms (${firstRenderAfterHostStartMs} ms right after the host started)   expand all ${result.expandAllMs} ms   collapse all ${result.collapseAllMs} ms`,
    );
    console.log(
      `  one file added    reached the screen in ${delta.ms} ms as ${delta.bytes} bytes (whole-tree fetches: ${delta.wholeFetches})`,
    );
    console.log(`  JS heap           ${heapAfterLoad} MB after load, ${heapAfterScroll} MB after scrolling`);
    for (const [name, s] of Object.entries(f))
      console.log(
        `  ${name.padEnd(8)} frames ${String(s.frames).padStart(5)}  p50 ${s.p50} ms  p95 ${s.p95} ms  p99 ${s.p99} ms  max ${s.max} ms  >50ms ${s.over50ms}${'slowWithGc' in s ? `  (slow with GC ${s.slowWithGc})` : ''}`,
      );
    console.log(`  wrote ${outFile}`);
  } finally {
    await browser.close();
    await app.stop();
  }
}

await main();
