import { describe, expect, it } from 'vitest';
import type { CoreApi } from '../src-main/contract/api.ts';
import { AppError, messageIn } from '../src-main/contract/errors.ts';
import { createClient, createDispatcher, inProcessTransport } from '../src-main/contract/wire.ts';

describe('AppError in two languages', () => {
  it('keeps message Indonesian, carries the English text, and takes details in either form', () => {
    const both = new AppError('NOT_FOUND', 'Impor b-9 tidak ditemukan.', 'Import b-9 not found.', { batch: 'b-9' });
    expect([both.message, both.messageEn, both.details]).toEqual(['Impor b-9 tidak ditemukan.', 'Import b-9 not found.', { batch: 'b-9' }]);
    const old = new AppError('NOT_FOUND', 'Impor b-9 tidak ditemukan.', { batch: 'b-9' });
    expect([old.messageEn, old.details]).toEqual([undefined, { batch: 'b-9' }]);
    expect(messageIn('en', both)).toBe('Import b-9 not found.');
    expect(messageIn('id', both)).toBe('Impor b-9 tidak ditemukan.');
    expect(messageIn('en', old)).toBe('Impor b-9 tidak ditemukan.');
    expect(messageIn('en', new Error('boom'))).toBe('boom');
  });

  it('crosses the wire with its English text', async () => {
    const core = {
      undoImport: async () => {
        throw new AppError('NOT_FOUND', 'Impor b-9 tidak ditemukan.', 'Import b-9 not found.', { batch: 'b-9' });
      },
    } as unknown as CoreApi;
    const api = createClient(inProcessTransport(createDispatcher(core)));
    const err = await api.undoImport({ batch: 'b-9' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'NOT_FOUND', message: 'Impor b-9 tidak ditemukan.', messageEn: 'Import b-9 not found.', details: { batch: 'b-9' } });
    const bad = await api.undoImport({} as never).catch((e: unknown) => e);
    expect(messageIn('en', bad)).toBe('"batch" must be text');
  });
});
