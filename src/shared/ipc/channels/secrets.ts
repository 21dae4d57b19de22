import { z } from 'zod';
import { channel } from '../define';

/** A secret as the UI and `ai-config secret list` show it: never its value. */
export interface SecretSummary {
  readonly name: string;
  /** ISO time it was last set (absent for secrets stored before this was kept). */
  readonly setAt?: string;
}

/** Names are checked by the service, so a bad one gets a coded error naming the field and how to fix it. */
const secretName = z.string().min(1).max(200);

export const secretsChannels = {
  'secrets:list': channel<{ readonly secrets: ReadonlyArray<SecretSummary> }>()(z.object({}).strict()),
  /** The value goes in only; nothing ever returns it. */
  'secrets:set': channel<{ readonly name: string; readonly replaced: boolean }>()(
    z.object({ name: secretName, value: z.string().min(1).max(65_536) }).strict(),
    { mutates: true },
  ),
  'secrets:remove': channel<{ readonly name: string; readonly removed: boolean }>()(
    z.object({ name: secretName }).strict(),
    { mutates: true },
  ),
};
