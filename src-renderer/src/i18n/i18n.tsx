import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { formatter, type Formatter } from '../../../src-main/contract/format.ts';
import { CORE_MESSAGES } from './messages-core.ts';
import { WORK_MESSAGES } from './messages-work.ts';

const MESSAGES = { ...CORE_MESSAGES, ...WORK_MESSAGES };
export type MessageKey = keyof typeof MESSAGES;
export type Lang = 'id' | 'en';
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
  /** Picks the text of a {id, en} pair the core sends (rule titles and explanations). */
  pick: (text: { id: string; en: string }) => string;
  /** Numbers, dates, weeks and percentages as this language writes them (the contract's one formatter). */
  fmt: Formatter;
}

const I18nContext = createContext<I18n | null>(null);
const STORAGE_KEY = 'pantau.lang';

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const text = MESSAGES[key][lang === 'en' ? 1 : 0];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Storage may be unavailable; the choice then lasts for this session only.
    }
  }, []);
  const value = useMemo<I18n>(() => ({
    lang, setLang,
    t: (key, vars) => translate(lang, key, vars),
    pick: (text) => (lang === 'en' ? text.en : text.id),
    fmt: formatter(lang),
  }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
