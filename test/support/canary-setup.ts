import { afterAll, afterEach, expect } from 'vitest';
import { figure } from './figures.ts';

/**
 * Prototype-pollution canary for the whole suite: after every test (every parse the suite does),
 * Object.prototype has the same own keys and descriptors as when the worker started.
 */
function snapshot(): string {
  return Object.getOwnPropertyNames(Object.prototype).sort()
    .map((k) => {
      const d = Object.getOwnPropertyDescriptor(Object.prototype, k)!;
      return `${k}:${typeof d.value}:${String(d.writable)}:${String(d.enumerable)}:${String(d.configurable)}:${typeof d.get}`;
    })
    .join('|');
}

const before = snapshot();
const toString = Object.prototype.toString;
const hasOwn = Object.prototype.hasOwnProperty;

let checked = 0;
afterAll(() => {
  // Only the script's block needs the count; the suite itself stays quiet.
  if (process.env.PANTAU_FIGURES) figure('canary', String(checked), true);
});

afterEach(() => {
  checked++;
  const probe: Record<string, unknown> = {};
  expect(snapshot(), 'Object.prototype changed').toBe(before);
  expect(probe.polluted, 'Object.prototype.polluted appeared').toBeUndefined();
  expect(Object.prototype.toString).toBe(toString);
  expect(Object.prototype.hasOwnProperty).toBe(hasOwn);
});
