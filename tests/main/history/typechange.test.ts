import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { historyFixture } from '../../helpers/history';
import { testContext } from '../../helpers/app';

it('rolls back across a path that changed between file and folder, both ways', async () => {
  const { work, h } = historyFixture();
  fs.mkdirSync(path.join(work, 'a'), { recursive: true });
  fs.writeFileSync(path.join(work, 'a', 'x'), 'file');
  const v1 = (await h.record({ operation: 't1', correlationId: 'p' }))!;
  fs.rmSync(path.join(work, 'a', 'x'));
  fs.mkdirSync(path.join(work, 'a', 'x'));
  fs.writeFileSync(path.join(work, 'a', 'x', 'y'), 'inner');
  const v2 = (await h.record({ operation: 't2', correlationId: 'p' }))!;
  await h.rollback({ version: v1 }, testContext());
  expect(fs.readFileSync(path.join(work, 'a', 'x'), 'utf8')).toBe('file');
  await h.rollback({ version: v2 }, testContext());
  expect(fs.readFileSync(path.join(work, 'a', 'x', 'y'), 'utf8')).toBe('inner');
});
