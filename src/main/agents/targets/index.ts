import type { ToolId } from '../../../shared/agents';
import { amazonQ } from './amazon-q';
import { antigravity } from './antigravity';
import { claudeCode } from './claude-code';
import { claudeDesktop } from './claude-desktop';
import { codex } from './codex';
import { copilot } from './copilot';
import { cursor } from './cursor';
import { devin } from './devin';
import { gemini } from './gemini';
import { kiro } from './kiro';
import type { Target } from './types';
import { windsurf } from './windsurf';

/** Every tool target by id: one folder per tool, one file per surface (see CONTRIBUTING, "A tool target"). */
export const TARGETS: Readonly<Record<ToolId, Target>> = {
  'amazon-q': amazonQ,
  kiro,
  'claude-code': claudeCode,
  cursor,
  codex,
  copilot,
  gemini,
  antigravity,
  windsurf,
  devin,
  'claude-desktop': claudeDesktop,
};
