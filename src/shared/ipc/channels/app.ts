import { z } from 'zod';
import { channel } from '../define';
import type { SourceStatus } from '../../library';

export interface AppInfo {
  readonly name: string;
  readonly version: string;
  readonly home: string;
  readonly platform: string;
  readonly host: 'electron' | 'browser' | 'cli' | 'test';
}

export interface WorkspaceStatus {
  readonly initialized: boolean;
  readonly home: string;
  readonly personalDir: string;
  readonly sources: ReadonlyArray<SourceStatus>;
}

export interface InitResult {
  readonly changed: boolean;
  readonly home: string;
  readonly created: ReadonlyArray<string>;
  readonly sources: ReadonlyArray<SourceStatus>;
  readonly message: string;
}

export const appChannels = {
  'app:info': channel<AppInfo>()(z.object({}).strict()),
  'workspace:status': channel<WorkspaceStatus>()(z.object({}).strict()),
  'workspace:init': channel<InitResult>()(z.object({ library: z.string().min(1).optional() }).strict(), {
    mutates: true,
  }),
};
