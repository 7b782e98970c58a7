import { describe, expect, it } from 'vitest';
import type { GroupRate } from '../../src-main/contract/compare-types.ts';
import { formatter } from '../../src-main/contract/format.ts';
import { differenceText, groupDetail, rateText } from '../../src-renderer/src/features/compare/format.ts';
import { translate, type Lang, type MessageKey } from '../../src-renderer/src/i18n/i18n.tsx';

const t = (lang: Lang) => (key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars);
const small: GroupRate = { n: 3, met: 3, rate: null, ci95: null, small: true };
const group: GroupRate = { n: 22, met: 17, rate: 17 / 22, ci95: [0.566, 0.899], small: false };

// Perbandingan (issue 19): cells under the smallest group size showed their counts ("3/3", "0/0 · –"),
// and the difference lacked its unit in the table.
describe('Perbandingan writes a group and a difference in words', () => {
  it('a group under the smallest size shows only "n < 5", no counts', () => {
    expect(rateText(small, formatter('id'), t('id'), 5)).toBe('n < 5');
    expect(groupDetail(small, formatter('id'))).toBeNull();
  });

  it('a group large enough shows its rate, its counts and its interval in the language', () => {
    expect(rateText(group, formatter('en'), t('en'), 5)).toBe('77.3%');
    expect(groupDetail(group, formatter('id'))).toBe('17/22 · 56,6\u00a0% – 89,9\u00a0%');
    expect(groupDetail(group, formatter('en'))).toBe('17/22 · 56.6% – 89.9%');
  });

  it('a difference is written in points with its 95 % interval, in each language', () => {
    const d = { value: 0.054, ci95: [-0.098, 0.154] as [number, number] };
    expect(differenceText(d, formatter('id'), t('id'))).toBe('+5,4 poin persen (IK 95 %: −9,8 s.d. +15,4)');
    expect(differenceText(d, formatter('en'), t('en'))).toBe('+5.4 percentage points (95 % CI: −9.8 to +15.4)');
    expect(differenceText({ value: null, ci95: null }, formatter('id'), t('id'))).toBeNull();
  });
});
