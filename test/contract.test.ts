import { describe, expect, it } from 'vitest';
import type { CoreApi } from '../src-main/contract/api.ts';
import { AppError } from '../src-main/contract/errors.ts';
import { createClient, createDispatcher, inProcessTransport, METHODS } from '../src-main/contract/wire.ts';
import { freshCore } from './helpers/workspace.ts';

function clientFor(core: CoreApi, log: (e: unknown) => void = () => undefined) {
  const dispatcher = createDispatcher(core, log);
  return { dispatcher, api: createClient(inProcessTransport(dispatcher)) };
}

describe('the wire contract', () => {
  it('a call through the codec returns what the core returns', async () => {
    const core = await freshCore();
    const { api } = clientFor(core);
    expect(await api.listImports({})).toEqual(await core.listImports({}));
  });

  it('an unknown method is refused with BAD_REQUEST', async () => {
    const { dispatcher } = clientFor(await freshCore());
    const reply = JSON.parse(await dispatcher.dispatch('dropEverything', '{}'));
    expect(reply).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('malformed JSON and invalid requests are refused before reaching the core', async () => {
    const { dispatcher } = clientFor(await freshCore());
    expect(JSON.parse(await dispatcher.dispatch('listImports', '{nope'))).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const bad = JSON.parse(await dispatcher.dispatch('importFiles', JSON.stringify({ files: [{ path: 'x.csv', kind: 'payroll' }] })));
    expect(bad.error.message).toMatch(/"kind" harus salah satu/);
    expect(JSON.parse(await dispatcher.dispatch('undoImport', '{}')).error.code).toBe('BAD_REQUEST');
  });

  it('AppError codes survive the trip; other errors become INTERNAL and are logged', async () => {
    const logged: unknown[] = [];
    const failing = new Proxy({} as CoreApi, {
      get: (_t, name) => async () => {
        if (name === 'undoImport') throw new AppError('NOT_FOUND', 'tidak ada', { batch: 'b-1' });
        throw new TypeError('boom');
      },
    });
    const { api } = clientFor(failing, (e) => logged.push(e));
    await expect(api.undoImport({ batch: 'b-1' })).rejects.toMatchObject({ code: 'NOT_FOUND', details: { batch: 'b-1' } });
    await expect(api.listImports({})).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(logged).toHaveLength(1);
  });

  it('every CoreApi method is allow-listed', () => {
    expect([...METHODS].sort()).toEqual([
      'batchRejects', 'compare', 'exportProfiles', 'exportWorkbook', 'getProfile', 'importFiles', 'importProfiles', 'listImports', 'listRecipes',
      'listRules', 'previewImport', 'runChecks', 'saveRecipe', 'setProfile', 'undoImport',
    ]);
  });
});
