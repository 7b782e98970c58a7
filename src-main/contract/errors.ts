/** The closed set of error codes the core may answer with. */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'NOT_FOUND',
  'WORKSPACE_LOCKED',
  'WORKSPACE_INVALID',
  'IMPORT_FAILED',
  'CANCELLED',
  'PROFILE_REFUSED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
