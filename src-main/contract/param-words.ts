import { formatter, type FormatLang } from './format.ts';
import type { AgencyLevel, ParamInfo, ParamValue, Texts } from './rules-types.ts';

/**
 * How a person reads a profile setting: by its label and unit, never by its key. The key
 * (maxFlexDays, rules.LOK-02.enabled) is what one types after --set and what a profile file holds;
 * everything a person reads — refusals, the CLI's listing, the screens — is written here.
 */

/** The agency's own settings beside the parameters [Bahasa Indonesia, English]. */
export const AGENCY_FIELD_LABELS = {
  name: ['Nama instansi', 'Agency name'],
  level: ['Tingkat', 'Level'],
  province: ['Provinsi', 'Province'],
} as const satisfies Record<string, readonly [string, string]>;

export type AgencyField = keyof typeof AGENCY_FIELD_LABELS;

export const AGENCY_LEVELS: readonly AgencyLevel[] = ['pusat', 'provinsi', 'kabupaten', 'kota'];

/** What each level of government is called; the Indonesian word is also what --set level= takes. */
export const LEVEL_LABELS: Record<AgencyLevel, readonly [string, string]> = {
  pusat: ['pusat', 'central'],
  provinsi: ['provinsi', 'province'],
  kabupaten: ['kabupaten', 'regency'],
  kota: ['kota', 'city'],
};

const I = { id: 0, en: 1 } as const;
const pick = (t: Texts, lang: FormatLang) => t[lang];

/** A number as people write it: 2 · 37,5 · 1.000 (one or two decimals only where the value has them). */
export function numberWords(n: number, lang: FormatLang): string {
  const f = formatter(lang);
  if (Number.isInteger(n)) return f.int(n);
  return f.decimal(n, Number.isInteger(n * 10) ? 1 : 2);
}

/** A number with the parameter's unit: "2 hari", "37,5 jam", "1.000 catatan". */
export function amount(p: ParamInfo, n: number, lang: FormatLang): string {
  if (!p.unit) return numberWords(n, lang);
  // English units are written plural ("days"); one is "1 day". Indonesian has one form.
  const unit = lang === 'en' && n === 1 ? p.unit.en.replace(/s$/, '') : pick(p.unit, lang);
  return `${numberWords(n, lang)} ${unit}`;
}

/** A parameter's value in words: its choice's label, a number with its unit, ya/tidak, a date, a time range. */
export function paramValueWords(p: ParamInfo, v: ParamValue, lang: FormatLang): string {
  const choice = p.choices?.find((c) => c.value === v);
  if (choice) return pick(choice.label, lang);
  if (v === null || v === '') return lang === 'en' ? 'not set' : 'tidak diisi';
  if (typeof v === 'boolean') return yesNo(v, lang);
  if (typeof v === 'number') return amount(p, v, lang);
  if (p.type === 'date') return formatter(lang).date(v);
  if (p.type === 'timeRange') return v.replace('-', '–');
  return v;
}

export function yesNo(v: boolean, lang: FormatLang): string {
  return lang === 'en' ? (v ? 'yes' : 'no') : (v ? 'ya' : 'tidak');
}

/** "Batas hari fleksibel lokasi per minggu: 2 hari". */
export function paramLine(p: ParamInfo, v: ParamValue, lang: FormatLang): string {
  return `${pick(p.label, lang)}: ${paramValueWords(p, v, lang)}`;
}

/** A rule's switch by the rule's id and title: "Aturan LOK-02 (Unit layanan langsung bekerja dari kantor) aktif". */
export function ruleSwitchLabel(rule: { id: string; title: Texts }, lang: FormatLang): string {
  return lang === 'en' ? `Rule ${rule.id} (${rule.title.en}) enabled` : `Aturan ${rule.id} (${rule.title.id}) aktif`;
}

/** "Aturan LOK-02 (…): aktif" / "Rule LOK-02 (…): off", for a listing of the switches. */
export function ruleSwitchLine(rule: { id: string; title: Texts }, enabled: boolean, lang: FormatLang): string {
  const state = lang === 'en' ? (enabled ? 'on' : 'off') : (enabled ? 'aktif' : 'nonaktif');
  return `${lang === 'en' ? 'Rule' : 'Aturan'} ${rule.id} (${pick(rule.title, lang)}): ${state}`;
}

export function agencyFieldLabel(field: AgencyField, lang: FormatLang): string {
  return AGENCY_FIELD_LABELS[field][I[lang]];
}

export function levelLabel(level: AgencyLevel, lang: FormatLang): string {
  return LEVEL_LABELS[level][I[lang]];
}

/** A profile's version as stored ("nasional v1 + KEMENDAGRI v3"), in the reader's language. */
export function profileVersionWords(version: string, lang: FormatLang): string {
  return lang === 'en' ? version.replace(/\bnasional\b/g, 'national') : version;
}
