import { AppError } from '../../../shared/errors';

// Placeholder until the format-preserving JSON slots land (issue 14, slots part): see model.ts for the contract.
function todo(): never {
  throw new AppError('UNSUPPORTED', 'JSON array items are not written yet.', 'Update the app.');
}
export function readJsonItem(_t: string | undefined, _f: string, _p: string, _id: string): string | undefined {
  return todo();
}
export function writeJsonItem(_t: string | undefined, _f: string, _p: string, _id: string, _v: unknown): string {
  return todo();
}
export function removeJsonItem(_t: string, _f: string, _p: string, _id: string, _drop: boolean): string {
  return todo();
}
