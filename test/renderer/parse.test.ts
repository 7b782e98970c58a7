import { describe, expect, it } from 'vitest';
import { CORE_MESSAGES } from '../../src-renderer/src/i18n/messages-core.ts';
import { formatDate, formatMonth, formatNumber, parseNumber, readDate, readMonth, readNumber, type Problem } from '../../src-renderer/src/i18n/parse.ts';

/**
 * What people type into the app's number and date fields (docs/screens.md, Typing numbers and dates).
 * Issue 19: the Aturan screen read "42,75" as 4275 (a browser number field drops the comma) and its
 * date fields showed mm/dd/yyyy; these functions are what the fields now read with.
 */
describe('parseNumber', () => {
  it('issue 19: reads 42,75 and 42.75 as 42.75 in Indonesian (type=number made 42,75 into 4275)', () => {
    expect(parseNumber('42,75', 'id')).toBe(42.75);
    expect(parseNumber('42.75', 'id')).toBe(42.75);
  });

  it('Indonesian: the comma is the decimal mark, a point parts thousands when groups have three digits', () => {
    const cases: [string, number | null][] = [
      ['37,5', 37.5], ['0,5', 0.5], [',5', 0.5], ['-1,5', -1.5], ['−2', -2], ['+3', 3], [' 7 ', 7],
      ['1.234', 1234], ['1.234.567', 1234567], ['1.234,5', 1234.5], ['1 234,5', 1234.5], ['1\u00a0234', 1234],
      ['0.125', 0.125], ['1.2345', 1.2345], ['12.5', 12.5], ['.5', 0.5],
      ['1,2,3', null], ['1.23.4', null], ['1.234.5', null], ['12a', null], ['1e3', null], ['0x20', null],
      ['', null], [' ', null], ['5,', null], ['5.', null], [',', null], ['1.23,4', null], ['--1', null], ['Infinity', null],
    ];
    for (const [text, value] of cases) expect([text, parseNumber(text, 'id')]).toEqual([text, value]);
  });

  it('English: the same rule with the marks swapped', () => {
    const cases: [string, number | null][] = [
      ['37.5', 37.5], ['42,75', 42.75], ['1,234', 1234], ['1,234.5', 1234.5], ['1,234,567', 1234567], ['0,125', 0.125],
      ['1.2.3', null], ['1,23,4', null], ['1,23.4', null],
    ];
    for (const [text, value] of cases) expect([text, parseNumber(text, 'en')]).toEqual([text, value]);
  });

  it('what a field shows is read back as the same number, in both languages', () => {
    for (const n of [0, 1, 2, 7, 37.5, 42.75, 0.125, 1000, 1234.5, 1234567.25, -3.5]) {
      expect(parseNumber(formatNumber(n, 'id'), 'id')).toBe(n);
      expect(parseNumber(formatNumber(n, 'en'), 'en')).toBe(n);
    }
    expect(formatNumber(42.75, 'id')).toBe('42,75');
    expect(formatNumber(1234.5, 'id')).toBe('1.234,5');
    expect(formatNumber(42.75, 'en')).toBe('42.75');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
  });
});

describe('readNumber', () => {
  const hours = { min: 1, max: 80, required: true };

  it('issue 19: 42,75 is within 1..80 (the browser said "Value must be less than or equal to 80")', () => {
    expect(readNumber('42,75', 'id', hours)).toEqual({ ok: true, value: 42.75 });
  });

  it('bounds, whole numbers and steps give their problem with the number as read', () => {
    expect(readNumber('4275', 'id', hours)).toEqual({ ok: false, problem: { code: 'number.max', vars: { max: '80', n: '4.275' } } });
    expect(readNumber('0,5', 'id', hours)).toEqual({ ok: false, problem: { code: 'number.min', vars: { min: '1', n: '0,5' } } });
    expect(readNumber('2,5', 'id', { min: 0, max: 7, step: 1 })).toEqual({ ok: false, problem: { code: 'number.integer' } });
    expect(readNumber('0,3', 'id', { step: 0.25 })).toEqual({ ok: false, problem: { code: 'number.step', vars: { step: '0,25' } } });
    expect(readNumber('0,75', 'id', { step: 0.25 })).toEqual({ ok: true, value: 0.75 });
    expect(readNumber('abc', 'id', hours)).toEqual({ ok: false, problem: { code: 'number.format', vars: { example: '37,5' } } });
    expect(readNumber('abc', 'en', hours)).toEqual({ ok: false, problem: { code: 'number.format', vars: { example: '37.5' } } });
    expect(readNumber('', 'id', hours)).toEqual({ ok: false, problem: { code: 'required' } });
    expect(readNumber('', 'id', {})).toEqual({ ok: true, value: null });
  });
});

describe('readDate', () => {
  it('issue 19: takes dd/mm/yyyy (the date field showed mm/dd/yyyy) and hands on ISO', () => {
    expect(readDate('17/08/2025')).toEqual({ ok: true, value: '2025-08-17' });
    expect(readDate('01/03/2025')).toEqual({ ok: true, value: '2025-03-01' });
  });

  it('day first with / - or ., a month by name in either language, ISO as pasted', () => {
    const cases: [string, string][] = [
      ['1/3/2025', '2025-03-01'], ['1-3-2025', '2025-03-01'], ['01.03.2025', '2025-03-01'], [' 29/02/2024 ', '2024-02-29'],
      ['17 Agu 2025', '2025-08-17'], ['17 Agustus 2025', '2025-08-17'], ['17 Aug 2025', '2025-08-17'], ['17 august 2025', '2025-08-17'],
      ['1 Mei 2025', '2025-05-01'], ['1 Okt 2025', '2025-10-01'], ['1 Des 2025', '2025-12-01'], ['1-Sep-2025', '2025-09-01'],
      ['2025-08-17', '2025-08-17'], ['2025-8-7', '2025-08-07'],
    ];
    for (const [text, iso] of cases) expect([text, readDate(text)]).toEqual([text, { ok: true, value: iso }]);
  });

  it('refuses with a reason: the American order, days a month lacks, two-digit years, anything else', () => {
    expect(readDate('08/17/2025')).toEqual({ ok: false, problem: { code: 'date.month', vars: { month: '17' } } });
    expect(readDate('31/02/2025')).toEqual({ ok: false, problem: { code: 'date.day', vars: { date: '31/02/2025' } } });
    expect(readDate('29/02/2025')).toEqual({ ok: false, problem: { code: 'date.day', vars: { date: '29/02/2025' } } });
    for (const text of ['17/08/25', '17/08', '2025', 'besok', '17 Foo 2025', '17/08-2025', '2025/08/17']) {
      expect([text, readDate(text)]).toEqual([text, { ok: false, problem: { code: 'date.format' } }]);
    }
    expect(readDate('')).toEqual({ ok: true, value: null });
    expect(readDate('', { required: true })).toEqual({ ok: false, problem: { code: 'required' } });
    expect(readDate('01/01/2024', { min: '2025-01-01' })).toEqual({ ok: false, problem: { code: 'date.min', vars: { date: '01/01/2025' } } });
  });

  it('shows ISO dates as dd/mm/yyyy, read back as the same date', () => {
    expect(formatDate('2025-08-17')).toBe('17/08/2025');
    expect(formatDate(null)).toBe('');
    expect(readDate(formatDate('2024-02-29'))).toEqual({ ok: true, value: '2024-02-29' });
  });
});

it('every problem has its message in both languages', () => {
  const codes: Problem['code'][] = ['required', 'number.format', 'number.min', 'number.max', 'number.integer', 'number.step',
    'date.format', 'date.month', 'date.day', 'date.min', 'date.max'];
  for (const code of codes) {
    const texts = (CORE_MESSAGES as Record<string, readonly [string, string]>)[`input.${code}`];
    expect(texts, code).toBeDefined();
    expect(texts![0]).not.toBe(texts![1]);
  }
});

describe('readMonth', () => {
  it('issue 19: the import card\'s month field reads a month as people write it (type=month showed the browser\'s own form)', () => {
    const cases: [string, string | null][] = [
      ['Sep 2025', '2025-09'], ['September 2025', '2025-09'], ['sept. 2025', '2025-09'], ['Agustus 2025', '2025-08'],
      ['Agu 2025', '2025-08'], ['Aug 2025', '2025-08'], ['Okt 2025', '2025-10'], ['09/2025', '2025-09'], ['9-2025', '2025-09'],
      ['2025-09', '2025-09'], [' 12/2025 ', '2025-12'], ['', null],
    ];
    for (const [text, value] of cases) expect([text, readMonth(text)]).toEqual([text, { ok: true, value }]);
  });

  it('refuses what is no month, with its reason', () => {
    expect(readMonth('13/2025')).toEqual({ ok: false, problem: { code: 'date.month', vars: { month: '13' } } });
    for (const text of ['Sep', '2025', '09/25', 'Foo 2025', '2025-09-01']) expect(readMonth(text)).toEqual({ ok: false, problem: { code: 'month.format' } });
    expect(readMonth(' ', true)).toEqual({ ok: false, problem: { code: 'required' } });
  });

  it('what the field shows is read back as the same month', () => {
    expect(formatMonth('2025-09')).toBe('09/2025');
    expect(readMonth(formatMonth('2025-09'))).toEqual({ ok: true, value: '2025-09' });
  });
});
