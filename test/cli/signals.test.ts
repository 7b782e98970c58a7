import { describe, expect, it } from 'vitest';
import { exitCode, signalHandling } from '../../src-main/cli/signals.ts';

// The CLI's signals (src-main/cli/signals.ts), as main.ts installs them. The processes themselves
// are test/cli/faults.test.ts's. Fixed defect: main.ts listened once per signal and only aborted,
// so a command that did not watch the abort (check) ignored it, and a hung one ignored the first.
describe('Ctrl+C and SIGTERM', () => {
  it('the first cancels and says how to stop at once; the second exits at once with 128 + its number', () => {
    const written: string[] = [];
    const exits: number[] = [];
    const s = signalHandling('id', { write: (t) => written.push(t), exit: (code) => exits.push(code) });
    s.handle('SIGINT');
    expect([s.signal.aborted, s.received(), exits]).toEqual([true, 'SIGINT', []]);
    expect(written).toEqual(['Menghentikan… (workspace ditutup dengan rapi; tekan Ctrl+C sekali lagi untuk berhenti seketika)\n']);
    s.handle('SIGTERM');
    expect(exits).toEqual([143]);
    expect(written[1]).toBe('Dihentikan seketika.\n');
  });

  it('speaks English with --lang en', () => {
    const written: string[] = [];
    const s = signalHandling('en', { write: (t) => written.push(t), exit: () => undefined });
    s.handle('SIGTERM');
    s.handle('SIGINT');
    expect(written).toEqual(['Stopping… (the workspace is closed cleanly; press Ctrl+C again to stop at once)\n', 'Stopped at once.\n']);
  });

  it('a command a signal ended early exits 130 (Ctrl+C) or 143 (SIGTERM); one that finished keeps its own code', () => {
    expect([exitCode(1, 'SIGINT'), exitCode(1, 'SIGTERM'), exitCode(0, 'SIGTERM'), exitCode(2, undefined)]).toEqual([130, 143, 0, 2]);
  });
});
