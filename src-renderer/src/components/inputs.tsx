import { useEffect, useRef, useState, type InputHTMLAttributes } from 'react';
import { translate, useI18n, type Lang, type MessageKey } from '../i18n/i18n.tsx';
import { formatDate, formatMonth, formatNumber, parseNumber, readDate, readMonth, readNumber, type DateBounds, type NumberBounds, type Problem, type Read } from '../i18n/parse.ts';

/** A field's problem in the app's language. */
export function problemText(problem: Problem, lang: Lang): string {
  return translate(lang, `input.${problem.code}` as MessageKey, problem.vars);
}

interface FieldProps {
  id: string;
  /** Ids of the hints beside the field (unit, explanation); the field's message is added to them. */
  describedBy?: string;
  /** A refusal from elsewhere (the core's), shown next to the field as the field's own would be. */
  error?: string | null;
  /** Show the field's own problem before the field was left once (after a submit). */
  showProblem?: boolean;
  className?: string;
  inputProps?: Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'type'>;
}

/** The message under a field and the attributes that tie it to the field. */
function useFieldMessage(props: FieldProps, own: string | null, touched: boolean) {
  const shown = (touched || props.showProblem ? own : null) ?? props.error ?? null;
  const messageId = `${props.id}-error`;
  const describedBy = [props.describedBy, shown ? messageId : undefined].filter(Boolean).join(' ') || undefined;
  const message = shown ? <span className="field-error" id={messageId} role="alert">{shown}</span> : null;
  return { invalid: shown !== null, describedBy, message };
}

/**
 * The one number field of the app. Text, never `type=number`: the browser would drop a decimal comma
 * (42,75 → 4275) and answer in its own language. Read with parseNumber (the app's decimal mark, the
 * other as thousands or a decimal: docs/screens.md), shown back with the app's decimal mark once
 * left, bounds checked here with the message next to the field. `onChange` gets the number read
 * (even out of bounds, null when none) and the problem, null when there is none.
 */
export function NumberInput(props: FieldProps & NumberBounds & {
  value: number | null;
  onChange: (value: number | null, problem: string | null) => void;
}) {
  const { lang } = useI18n();
  const [text, setText] = useState(() => (props.value === null ? '' : formatNumber(props.value, lang)));
  const [touched, setTouched] = useState(false);
  const shownLang = useRef(lang);
  const bounds: NumberBounds = { min: props.min, max: props.max, step: props.step, required: props.required };
  // A value set from outside (a profile loaded, the language switched) replaces the text; the text typed for the same value stays.
  useEffect(() => {
    const langChanged = shownLang.current !== lang;
    const typed = parseNumber(text, shownLang.current);
    shownLang.current = lang;
    if (typed !== props.value) setText(props.value === null ? '' : formatNumber(props.value, lang));
    else if (langChanged && props.value !== null) setText(formatNumber(props.value, lang));
    // Only a new value or language resets the text, not the typing itself.
  }, [props.value, lang]);
  const read = readNumber(text, lang, bounds);
  const own = read.ok ? null : problemText(read.problem, lang);
  const { invalid, describedBy, message } = useFieldMessage(props, own, touched);
  return (
    <>
      <input
        {...props.inputProps}
        id={props.id}
        type="text"
        inputMode={props.step === 1 && (props.min ?? 0) >= 0 ? 'numeric' : 'decimal'}
        autoComplete="off"
        className={props.className}
        value={text}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          const r = readNumber(next, lang, bounds);
          props.onChange(parseNumber(next, lang), r.ok ? null : problemText(r.problem, lang));
        }}
        onBlur={() => {
          setTouched(true);
          if (read.ok && read.value !== null) setText(formatNumber(read.value, lang));
        }}
      />
      {message}
    </>
  );
}

/**
 * A field typed as text and read into an ISO value (a date, a month): the body of DateInput and
 * MonthInput. `read(text, bounded)` reads the text, checking the field's bounds when `bounded`;
 * `format` writes a value back as the field shows it.
 */
function IsoTextField(props: FieldProps & {
  value: string | null;
  onChange: (iso: string | null, problem: string | null) => void;
  read: (text: string, bounded: boolean) => Read<string | null>;
  format: (iso: string | null | undefined) => string;
  /** Its placeholder and format hint: input.<kind>.placeholder and input.<kind>.hint. */
  kind: 'date' | 'month';
  inputMode?: 'numeric';
}) {
  const { t, lang } = useI18n();
  const { read: readText, format } = props;
  const [text, setText] = useState(() => format(props.value));
  const [touched, setTouched] = useState(false);
  // A value set from outside replaces the text; the text typed for the same value stays.
  useEffect(() => {
    const typed = readText(text, false);
    if ((typed.ok ? typed.value : null) !== (props.value || null)) setText(format(props.value));
  }, [props.value]);
  const read = readText(text, true);
  const own = read.ok ? null : problemText(read.problem, lang);
  const hintId = `${props.id}-format`;
  const { invalid, describedBy, message } = useFieldMessage(
    { ...props, describedBy: [props.describedBy, hintId].filter(Boolean).join(' ') }, own, touched);
  return (
    <>
      <input
        {...props.inputProps}
        id={props.id}
        type="text"
        inputMode={props.inputMode}
        autoComplete="off"
        placeholder={t(`input.${props.kind}.placeholder`)}
        className={props.className}
        value={text}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          const r = readText(next, true);
          props.onChange(r.ok ? r.value : null, r.ok ? null : problemText(r.problem, lang));
        }}
        onBlur={() => {
          setTouched(true);
          if (read.ok && read.value) setText(format(read.value));
        }}
      />
      <span className="muted field-note" id={hintId}>{t(`input.${props.kind}.hint`)}</span>
      {message}
    </>
  );
}

/**
 * The one date field of the app: dd/mm/yyyy in both languages (a month by name and the ISO form are
 * read too: readDate), ISO yyyy-mm-dd to the rest of the app. Text, never `type=date`, whose format
 * follows the operating system's locale (mm/dd/yyyy on an English system). `onChange` gets the ISO
 * date, null when the field is empty or its text is no date, and the problem.
 */
export function DateInput(props: FieldProps & DateBounds & {
  value: string | null;
  onChange: (iso: string | null, problem: string | null) => void;
}) {
  const bounds: DateBounds = { min: props.min, max: props.max, required: props.required };
  return <IsoTextField {...props} kind="date" inputMode="numeric" format={formatDate}
    read={(text, bounded) => readDate(text, bounded ? bounds : {})} />;
}

/**
 * The one month field of the app: mm/yyyy or the month's name in either language (readMonth), ISO
 * yyyy-mm to the rest of the app; never `type=month`, which Firefox and Safari show as free text and
 * Chromium in the system's language. `onChange` gets the ISO month, null when empty or no month, and the problem.
 */
export function MonthInput(props: FieldProps & {
  value: string | null;
  required?: boolean;
  onChange: (yyyyMm: string | null, problem: string | null) => void;
}) {
  return <IsoTextField {...props} kind="month" format={formatMonth}
    read={(text, bounded) => readMonth(text, bounded && props.required === true)} />;
}
