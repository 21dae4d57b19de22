/** Stable error codes that cross process boundaries. Add new codes here, never rename one. */
export const ERROR_CODES = [
  'INVALID_REQUEST',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN',
  'RATE_LIMITED',
  'INTERNAL',
  'NOT_INITIALIZED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'LOCKED',
  'SETTINGS_INVALID',
  'SETTINGS_NEWER',
  'INVALID_FILE',
  'GIT_MISSING',
  'GIT_TOO_OLD',
  'GIT_FAILED',
  'NOT_A_GIT_REPO',
  'AUTH_FAILED',
  'HOST_KEY_UNKNOWN',
  'HOST_KEY_CHANGED',
  'NETWORK_UNREACHABLE',
  'REPO_NOT_FOUND',
  'BRANCH_MISSING',
  'CONFLICT',
  'DISK_FULL',
  'CANCELLED',
  'OFFLINE',
  'DRIFT',
  'LIMIT_EXCEEDED',
  'UNSUPPORTED',
  'FILE_NEWER',
  'SECRET_NAME_INVALID',
  'SECRET_MISSING',
  'NEEDS_APPROVAL',
  'TIMEOUT',
  'STORE_DAMAGED',
  'SYMLINK_REFUSED',
  'PATH_OUTSIDE_ROOT',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** An expected failure, as it travels over IPC and out of the CLI. */
export interface IpcError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly hint: string;
  readonly correlationId?: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function errorResult(error: IpcError): Result<never> {
  return { ok: false, error };
}

/**
 * An expected failure raised inside a service. The router and the CLI turn it into an
 * {@link IpcError} value; anything that is not an AppError is treated as a bug.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly hint: string;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: ErrorCode, message: string, hint: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.hint = hint;
    this.details = details;
  }

  toValue(correlationId?: string): IpcError {
    return {
      code: this.code,
      message: this.message,
      hint: this.hint,
      ...(correlationId ? { correlationId } : {}),
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** Exhaustiveness helper for discriminated unions. */
export function assertNever(x: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(x)}`);
}
