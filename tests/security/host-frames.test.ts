import { afterEach, describe, expect, it } from 'vitest';
import { WS_CLOSE, WS_MAX_PAYLOAD } from '../../src/shared/host-protocol';
import type { Host } from '../../src/main/host/server';
import { call, closed, openSocket, opened, startTestHost } from '../helpers/host';

let host: Host | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

/** A second client still gets answers: the host survived. */
async function stillServes(h: Host): Promise<void> {
  const ws = openSocket(h);
  await opened(ws);
  expect(await call(ws, 1, 'app:info')).toMatchObject({ ok: true, value: { name: 'AI Configurator' } });
  ws.close();
}

describe('host WebSocket frames', () => {
  it('closes a socket that sends a frame over maxPayload with 1009 and keeps serving others', async () => {
    ({ host } = await startTestHost());
    const ws = openSocket(host);
    await opened(ws);
    const end = closed(ws);
    ws.on('error', () => undefined);
    ws.send('x'.repeat(WS_MAX_PAYLOAD + 1));
    expect((await end).code).toBe(WS_CLOSE.tooBig);
    await stillServes(host);
  });

  it('closes a socket that sends a text frame of invalid UTF-8 with 1007 and keeps serving others', async () => {
    ({ host } = await startTestHost());
    const ws = openSocket(host);
    await opened(ws);
    const end = closed(ws);
    ws.on('error', () => undefined);
    ws.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false });
    expect((await end).code).toBe(WS_CLOSE.invalidUtf8);
    await stillServes(host);
  });

  it('closes a socket that sends a binary frame or text that is not a JSON object, with a coded reason', async () => {
    ({ host } = await startTestHost());
    const bin = openSocket(host);
    await opened(bin);
    const binEnd = closed(bin);
    bin.send(Buffer.from('{}'), { binary: true });
    expect(await binEnd).toMatchObject({ code: WS_CLOSE.binary, reason: expect.stringMatching(/^BINARY_FRAME/) });

    const text = openSocket(host);
    await opened(text);
    const textEnd = closed(text);
    text.send('[1, 2');
    expect(await textEnd).toMatchObject({ code: WS_CLOSE.notJson, reason: expect.stringMatching(/^INVALID_REQUEST/) });
    await stillServes(host);
  });

  it('forgets closed sockets', async () => {
    ({ host } = await startTestHost());
    const ws = openSocket(host);
    await opened(ws);
    expect(host.sockets()).toBe(1);
    const end = closed(ws);
    ws.send(Buffer.from([0xc3]), { binary: false });
    await end;
    await stillServes(host);
    const h = host;
    await expect.poll(() => h.sockets(), { timeout: 30_000 }).toBe(0);
  });
});
