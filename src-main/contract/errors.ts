/** The closed set of error codes the core may answer with. */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'NOT_FOUND',
  'WORKSPACE_LOCKED',
  'WORKSPACE_INVALID',
  'IMPORT_FAILED',
  'CANCELLED',
  'PROFILE_REFUSED',
  /** The disk failed under a file or folder: full, no permission, read-only, or a read/write error; the message names the place. */
  'IO_FAILED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  /** The same message in English, for `--lang en`; `message` stays Indonesian. */
  readonly messageEn: string | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>);
  constructor(code: ErrorCode, message: string, messageEn: string | undefined, details?: Record<string, unknown>);
  constructor(
    code: ErrorCode,
    message: string,
    enOrDetails?: string | Record<string, unknown>,
    details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.messageEn = typeof enOrDetails === 'string' ? enOrDetails : undefined;
    this.details = typeof enOrDetails === 'object' ? enOrDetails : details;
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** An error's message in a language ('en' or Indonesian), Indonesian where no English text was given. */
export function messageIn(lang: string, err: unknown): string {
  if (err instanceof AppError) return lang === 'en' ? (err.messageEn ?? err.message) : err.message;
  return err instanceof Error ? err.message : String(err);
}
