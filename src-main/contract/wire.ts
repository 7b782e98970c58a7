import type { CoreApi, MethodName } from './api.ts';
import { bytesReplacer, bytesReviver } from './bytes.ts';
import { AppError, isErrorCode, type ErrorCode } from './errors.ts';
import type { CallOptions } from './progress.ts';
import { VALIDATORS } from './validate.ts';

export interface WireError {
  code: ErrorCode;
  message: string;
  /** The message in English, when the error has one. */
  messageEn?: string;
  details: Record<string, unknown> | null;
}
export type Envelope = { ok: true; value: unknown } | { ok: false; error: WireError };

/** Moves one call across a boundary: JSON text in, JSON text out. */
export type Transport = (method: string, body: string, opts?: CallOptions) => Promise<string>;

export const METHODS = Object.keys(VALIDATORS) as MethodName[];

export function isMethod(name: string): name is MethodName {
  return (METHODS as string[]).includes(name);
}

export interface Dispatcher {
  dispatch(method: string, body: string, opts?: CallOptions): Promise<string>;
}

/**
 * Maps (method, JSON body) to a JSON envelope for an allow-listed method set.
 * Unknown failures become INTERNAL and are logged with their stack.
 */
export function createDispatcher(
  core: CoreApi,
  log: (err: unknown) => void = (err) => console.error(err),
): Dispatcher {
  return {
    async dispatch(method, body, opts) {
      try {
        if (!isMethod(method)) throw new AppError('BAD_REQUEST', `Metode tidak dikenal: ${method}`, `Unknown method: ${method}`);
        let parsed: unknown;
        try {
          parsed = JSON.parse(body);
        } catch {
          throw new AppError('BAD_REQUEST', 'Isi permintaan bukan JSON yang valid', 'The request body is not valid JSON');
        }
        VALIDATORS[method](parsed);
        const call = core[method] as (req: unknown, o?: CallOptions) => Promise<unknown>;
        const value = await call.call(core, parsed, opts);
        // Serialised here, inside the try: an answer that cannot be sent is an error envelope, not a
        // thrown exception that the transport turns into a bare failure.
        return JSON.stringify({ ok: true, value } satisfies Envelope, bytesReplacer);
      } catch (err) {
        return JSON.stringify({ ok: false, error: toWireError(err, log) } satisfies Envelope, bytesReplacer);
      }
    },
  };
}

function toWireError(err: unknown, log: (err: unknown) => void): WireError {
  if (err instanceof AppError) {
    return { code: err.code, message: err.message, messageEn: err.messageEn, details: err.details ?? null };
  }
  log(err);
  return { code: 'INTERNAL', message: 'Terjadi kesalahan internal; rinciannya dicatat di log.', messageEn: 'An internal error occurred; the details are in the log.', details: null };
}

/** A CoreApi whose every call goes through the transport and the codec. */
export function createClient(transport: Transport): CoreApi {
  const client = {} as Record<MethodName, unknown>;
  for (const method of METHODS) {
    client[method] = async (req: unknown, opts?: CallOptions) => {
      const text = await transport(method, JSON.stringify(req ?? {}), opts);
      const envelope = JSON.parse(text, bytesReviver) as Envelope;
      if (envelope.ok) return envelope.value;
      const { code, message, messageEn, details } = envelope.error;
      throw new AppError(isErrorCode(code) ? code : 'INTERNAL', message, messageEn, details ?? undefined);
    };
  }
  return client as unknown as CoreApi;
}

/** The transport used by the CLI and the contract tests: the dispatcher, in-process. */
export function inProcessTransport(dispatcher: Dispatcher): Transport {
  return (method, body, opts) => dispatcher.dispatch(method, body, opts);
}
