import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { journalFileFor } from '../../../src/main/agents/journal';
import { writeJsonAtomic } from '../../../src/main/workspace/atomic-write';
import { snapshotTree } from '../../helpers/temp';
import { agentFixture, ctx, writeAgent } from './helpers';

describe('install write journal', () => {
  it('a run killed between the tool files and the manifest is put back wholly old by the next run', async () => {
    const f = await agentFixture();
    writeAgent(f.personal, 'helper', 'description: Helps\nmcpServers: [memory]');
    fs.writeFileSync(path.join(f.project, 'CLAUDE.md'), '# Mine\n');
    const old = snapshotTree(f.project);
    const manifest = path.join(f.services.paths.state, 'installs', 'manifest.json');
    const sub = path.join(f.project, '.claude', 'agents', 'helper.md');
    // What a kill leaves mid-install: the journal, one file rewritten, one created, a temp file, no manifest yet.
    await writeJsonAtomic(journalFileFor(manifest), {
      files: [
        { path: path.join(f.project, 'CLAUDE.md'), before: '# Mine\n' },
        { path: sub },
        { path: path.join(f.project, '.mcp.json') },
      ],
      manifest: { file: manifest },
    });
    fs.writeFileSync(path.join(f.project, 'CLAUDE.md'), '# Mine\n\n<!-- half an install -->\n');
    fs.mkdirSync(path.dirname(sub), { recursive: true });
    fs.writeFileSync(sub, 'new subagent');
    fs.writeFileSync(path.join(f.project, '.mcp.json.3141592653'), '{"partial":');

    expect(await f.services.agents.status()).toEqual([]);
    const now = snapshotTree(f.project);
    expect(now).toEqual(old);
    expect(fs.existsSync(journalFileFor(manifest))).toBe(false);
    expect(fs.existsSync(manifest)).toBe(false);
    // And the install then goes through cleanly, with no drift reported against the leftovers.
    const r = await f.services.agents.install(
      { name: 'helper', tool: 'claude-code', scope: 'project', project: f.project },
      ctx(),
    );
    expect(r.files.map((x) => x.drift.length)).toEqual(r.files.map(() => 0));
    expect((await f.services.agents.status())[0]!.state).toBe('installed');
  });
});
