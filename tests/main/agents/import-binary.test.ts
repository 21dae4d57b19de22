import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { binaryTag } from '../../../src/main/agents/binary-content';
import { rootsFor } from '../../../src/main/agents/fs-roots';
import { journaled } from '../../../src/main/agents/journal';
import { beforeOf } from '../../../src/main/agents/journal-entry';
import { tempDir } from '../../helpers/temp';
import { agentFixture, ctx, writeTree } from './helpers';

/** A PNG's first bytes: NUL bytes and bytes that are not UTF-8 (0x89, 0xff, 0xfe). */
const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe, 0x80,
  0xc3, 0x28, 0x00, 0x01,
]);
/** A compiled helper: an ELF header, executable. */
const ELF = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0xe0, 0xa0, 0xff, 0x00]);
const SKILL = '.claude/skills/pixel-art';

function skillSource(): string {
  const src = path.join(tempDir(), 'bin-src');
  writeTree(src, {
    [`${SKILL}/SKILL.md`]: '---\nname: pixel-art\ndescription: Draws pixel art\n---\n\nUse the helper.\n',
    [`${SKILL}/scripts/run.sh`]: '#!/bin/sh\n./bin/helper\n',
  });
  fs.writeFileSync(path.join(src, SKILL, 'logo.png'), PNG);
  fs.mkdirSync(path.join(src, SKILL, 'bin'));
  fs.writeFileSync(path.join(src, SKILL, 'bin', 'helper'), ELF, { mode: 0o755 });
  fs.chmodSync(path.join(src, SKILL, 'scripts', 'run.sh'), 0o755);
  return src;
}

const exec = (file: string) => fs.statSync(file).mode & 0o111;

describe("a skill folder's binary files are imported and installed byte for byte", () => {
  it('imports a PNG and a compiled +x helper byte-identical; a re-import is unchanged and writes nothing', async () => {
    const f = await agentFixture();
    const src = skillSource();
    const r = await f.services.agents.importConfigs({ path: src }, ctx());
    expect(r.files.filter((x) => x.outcome !== 'imported')).toEqual([]);
    const out = path.join(f.personal, 'skills', 'pixel-art');
    expect(fs.readFileSync(path.join(out, 'logo.png')).equals(PNG)).toBe(true);
    expect(fs.readFileSync(path.join(out, 'bin', 'helper')).equals(ELF)).toBe(true);
    expect(exec(path.join(out, 'bin', 'helper'))).not.toBe(0);
    expect(exec(path.join(out, 'logo.png'))).toBe(0);
    expect(exec(path.join(out, 'scripts', 'run.sh'))).not.toBe(0);
    // The preview names a binary file; its bytes are not sent along.
    expect(JSON.stringify(r)).not.toContain('"bytes"');

    const again = await f.services.agents.importConfigs({ path: src }, ctx());
    expect(again.written).toBe(0);
    expect(again.items.filter((i) => i.path.startsWith('skills/pixel-art/')).map((i) => i.action)).toEqual(
      Array(4).fill('unchanged'),
    );

    // Other bytes in the personal copy: a conflict, left alone.
    fs.writeFileSync(path.join(out, 'logo.png'), Buffer.concat([PNG, Buffer.from([0])]));
    const changed = await f.services.agents.importConfigs({ path: src, dryRun: true }, ctx());
    expect(changed.items.find((i) => i.path === 'skills/pixel-art/logo.png')?.action).toBe('conflict');
  });

  it('installs the imported skill into .claude/skills byte-identical; a re-install changes nothing', async () => {
    const f = await agentFixture();
    const r = await f.services.agents.importConfigs({ path: skillSource() }, ctx());
    const agent = r.items.find((i) => i.kind === 'agent')!.path.replace(/^agents\/|\.md$/g, '');
    const project = path.join(tempDir(), 'project');
    fs.mkdirSync(project);
    const req = { name: agent, tool: 'claude-code' as const, scope: 'project' as const, project };
    await f.services.agents.install(req, ctx());
    const dir = path.join(project, SKILL);
    expect(fs.readFileSync(path.join(dir, 'logo.png')).equals(PNG)).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'bin', 'helper')).equals(ELF)).toBe(true);
    expect(exec(path.join(dir, 'bin', 'helper'))).not.toBe(0);
    expect(exec(path.join(dir, 'scripts', 'run.sh'))).not.toBe(0);

    const again = await f.services.agents.install(req, ctx());
    expect(again.written).toBe(0);
    const mine = again.files.filter((x) => x.path.startsWith(dir));
    expect(mine.map((x) => x.action)).toEqual(Array(4).fill('unchanged'));
    expect(fs.readFileSync(path.join(dir, 'logo.png')).equals(PNG)).toBe(true);
  });

  it('a changed image is updated in place; a failed write puts the old bytes back from the journal', async () => {
    const f = await agentFixture();
    const r = await f.services.agents.importConfigs({ path: skillSource() }, ctx());
    const agent = r.items.find((i) => i.kind === 'agent')!.path.replace(/^agents\/|\.md$/g, '');
    const project = path.join(tempDir(), 'project');
    fs.mkdirSync(project);
    const req = { name: agent, tool: 'claude-code' as const, scope: 'project' as const, project };
    await f.services.agents.install(req, ctx());
    const NEW = Buffer.concat([PNG, Buffer.from([0x00, 0xfe])]);
    fs.writeFileSync(path.join(f.personal, 'skills', 'pixel-art', 'logo.png'), NEW);
    const up = await f.services.agents.install(req, ctx());
    const logo = path.join(project, SKILL, 'logo.png');
    expect(up.files.find((x) => x.path === logo)?.action).toBe('update');
    expect(fs.readFileSync(logo).equals(NEW)).toBe(true);

    const rootOf = rootsFor({ projects: [project] });
    const journal = path.join(tempDir(), 'pending.json');
    const entry = beforeOf({ path: logo, before: binaryTag(NEW) }, rootOf);
    expect(entry.beforeBase64).toBe(NEW.toString('base64'));
    await expect(
      journaled(journal, { files: [entry], roots: { projects: [project] } }, async () => {
        fs.writeFileSync(logo, 'torn');
        throw new Error('write failed');
      }),
    ).rejects.toThrow('write failed');
    expect(fs.readFileSync(logo).equals(NEW)).toBe(true);
    expect(fs.existsSync(journal)).toBe(false);
  });
});
