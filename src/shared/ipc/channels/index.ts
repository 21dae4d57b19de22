import { z } from 'zod';
import { channel } from '../define';
import type { IndexStats, SearchResult } from '../../search';
import { ENTRY_KINDS } from '../../library';

export const searchRequest = z
  .object({
    query: z.string().max(500),
    source: z.string().min(1).max(64).optional(),
    tag: z.string().min(1).max(128).optional(),
    kind: z.enum(ENTRY_KINDS).optional(),
    limit: z.number().int().min(1).max(500).optional(),
  })
  .strict();

export const indexChannels = {
  'index:search': channel<SearchResult>()(searchRequest),
  'index:rebuild': channel<IndexStats>()(z.object({}).strict(), { mutates: true }),
  'index:stats': channel<IndexStats>()(z.object({}).strict()),
};
