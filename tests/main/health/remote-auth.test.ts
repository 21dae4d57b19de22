import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { unwrap } from '../../../src/main/ipc/router';
import type { Channel, RequestOf } from '../../../src/shared/ipc/contract';
import { testRuntime } from '../../helpers/app';
import { createUpstream } from '../../helpers/servers/git-repos';
import { startGitHttpServer, type GitHttpServer } from '../../helpers/servers/git-http';
import { filesContaining, tempDir } from '../../helpers/temp';

const caller = { id: 'test', trusted: true };
const running: GitHttpServer[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.stop();
});

describe('health over an authenticated remote', () => {
  it('probes the remote and re-clones with the source token, which lands in no file', async () => {
    const TOKEN = 'tok_health_Kp3vX9qL2mW7';
    const root = tempDir();
    const home = path.join(root, 'home');
    const rt = testRuntime(home, { TEAM_TOKEN: TOKEN });
    const call = <C extends Channel>(channel: C, req: RequestOf<C>) =>
      rt.router.call(caller, channel, req).then(unwrap);
    await call('workspace:init', {});
    const up = createUpstream(root, { 'common/a.md': '# A\n' });
    const server = await startGitHttpServer({ projectRoot: root, user: 'x-access-token', password: TOKEN });
    running.push(server);
    await call('sources:add', { name: 'team', url: server.url(path.basename(up.bare)), tokenEnv: 'TEAM_TOKEN' });

    const report = await call('health:check', { only: ['source:team'] });
    expect(report.checks[0]).toMatchObject({ status: 'ok' });
    expect(report.checks[0]!.explanation).toContain('Up to date with the remote');

    fs.rmSync(path.join(home, 'library', 'team'), { recursive: true });
    const repair = await call('health:repair', { id: 'reclone-source', target: 'team' });
    expect(repair.outcome).toBe('repaired');
    expect(fs.existsSync(path.join(home, 'library', 'team', 'common', 'a.md'))).toBe(true);

    expect(filesContaining(home, TOKEN)).toEqual([]);
  });
});
