import { AppError } from '../../shared/errors';

/** A name `${NAME}` and `${secret:NAME}` placeholders in agent and MCP files can use. */
export const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

/** Names other parts of the app keep in the store (e.g. `source.NAME.token` for a library source's token). */
const STORED_NAME = /^[A-Za-z0-9_.:-]{1,128}$/;

const invalidName = (name: string, field: string, rule: string) =>
  new AppError(
    'SECRET_NAME_INVALID',
    `The secret name ${JSON.stringify(name.slice(0, 80))} (field "${field}") is not valid: ${rule}.`,
    'Use a name like GITHUB_TOKEN: a letter or "_" first, then letters, digits or "_" (at most 128).',
    { field },
  );

/** Throws SECRET_NAME_INVALID unless `name` can be used as a placeholder in agent files. */
export function checkSecretName(name: string, field = 'name'): void {
  if (!SECRET_NAME.test(name))
    throw invalidName(name, field, 'it must start with a letter or "_" and hold only letters, digits and "_"');
}

/** Throws SECRET_NAME_INVALID unless `name` could be in the store at all (for removing one). */
export function checkStoredName(name: string, field = 'name'): void {
  if (!STORED_NAME.test(name)) throw invalidName(name, field, 'it holds characters no stored secret has');
}
