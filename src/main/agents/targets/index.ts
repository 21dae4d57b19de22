import type { ToolId } from '../../../shared/agents';
import { amazonQ } from './amazon-q';
import { claudeCode } from './claude-code';
import { claudeDesktop } from './claude-desktop';
import { codex } from './codex';
import { copilot } from './copilot';
import { cursor } from './cursor';
import { gemini } from './gemini';
import { kiro } from './kiro';
import type { Target } from './types';
import { windsurf } from './windsurf';

/** Every tool target by id. */
export const TARGETS: Readonly<Record<ToolId, Target>> = {
  'amazon-q': amazonQ,
  kiro,
  'claude-code': claudeCode,
  cursor,
  codex,
  copilot,
  gemini,
  windsurf,
  'claude-desktop': claudeDesktop,
};
