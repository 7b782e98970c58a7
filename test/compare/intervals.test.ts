import { describe, expect, it } from 'vitest';
import { difference, groupRate } from '../../src-main/core/compare/compare.ts';
import { newcombe, wilson } from '../../src-main/core/compare/intervals.ts';

const to4 = (pair: [number, number]) => pair.map((v) => Number(v.toFixed(4)));

describe('Wilson score interval (Newcombe 1998, single proportion, Table I, method 3)', () => {
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0.0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i/%i gives %f to %f', (x, n, lo, hi) => {
    expect(to4(wilson(x, n))).toEqual([lo, hi]);
  });

  it('0/n starts exactly at 0 and n/n ends exactly at 1, mirror images of each other', () => {
    const [lo0, hi0] = wilson(0, 20);
    const [loN, hiN] = wilson(20, 20);
    expect(lo0).toBe(0);
    expect(hiN).toBe(1);
    expect(loN).toBeCloseTo(1 - hi0, 12);
  });

  it('refuses an impossible count', () => {
    expect(() => wilson(3, 0)).toThrow(RangeError);
    expect(() => wilson(5, 4)).toThrow(RangeError);
  });
});

describe('Newcombe hybrid score interval for a difference (Newcombe 1998, Table II, method 10)', () => {
  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [6, 7, 2, 7, 0.0582, 0.8062],
    [5, 56, 0, 29, -0.0381, 0.1926],
    [0, 10, 0, 20, -0.1611, 0.2775],
    [0, 10, 0, 10, -0.2775, 0.2775],
    [10, 10, 0, 20, 0.6791, 1.0],
    [10, 10, 0, 10, 0.6075, 1.0],
  ])('%i/%i − %i/%i gives %f to %f', (x1, n1, x2, n2, lo, hi) => {
    expect(to4(newcombe(x1, n1, x2, n2))).toEqual([lo, hi]);
  });
});

describe('group cells and the small-n rule', () => {
  it('a group below minGroupSize has no rate and no interval, and no difference is drawn from it', () => {
    const small = groupRate(4, 4, 5);
    expect(small).toEqual({ n: 4, met: 4, rate: null, ci95: null, small: true });
    expect(difference(small, groupRate(80, 66, 5))).toEqual({ value: null, ci95: null });
  });

  it('a group at minGroupSize gets its rate and Wilson interval, unrounded', () => {
    const g = groupRate(5, 4, 5);
    expect(g).toEqual({ n: 5, met: 4, rate: 4 / 5, ci95: wilson(4, 5), small: false });
    expect(to4(g.ci95!)).toEqual([0.3755, 0.9638]);
  });

  it('an empty group is small whatever minGroupSize says', () => {
    expect(groupRate(0, 0, 0).small).toBe(true);
  });

  it('the difference carries the Newcombe interval, unrounded', () => {
    const d = difference(groupRate(70, 56, 5), groupRate(80, 48, 5));
    expect(d).toEqual({ value: 56 / 70 - 48 / 80, ci95: newcombe(56, 70, 48, 80) });
    expect([Number(d.value!.toFixed(4)), ...to4(d.ci95!)]).toEqual([0.2, 0.0524, 0.3339]);
  });
});
