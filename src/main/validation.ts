import type { z } from 'zod';

/** One readable line per zod issue: `field.path: message`. */
export function formatZodIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => `${i.path.length ? `field "${i.path.join('.')}"` : 'the value'}: ${i.message}`)
    .join('; ');
}
