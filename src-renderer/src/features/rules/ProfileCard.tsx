import { useEffect, useState, type ReactNode } from 'react';
import { AppError, type EffectiveProfile, type ParamInfo, type RuleInfo } from '../../../../src-main/contract/index.ts';
import { agencyFieldLabel, ruleSwitchLabel } from '../../../../src-main/contract/param-words.ts';
import { useApi } from '../../api/ApiProvider.tsx';
import { useDataVersion } from '../../api/DataVersion.tsx';
import { errorText, useQuery } from '../../api/useQuery.ts';
import { RunButton, shortVersion, useRunChecks } from '../../components/RunStatus.tsx';
import { DateInput, NumberInput } from '../../components/inputs.tsx';
import { Card, Notice } from '../../components/ui.tsx';
import { translate, useI18n, type Lang } from '../../i18n/i18n.tsx';

/**
 * Form values keyed by the profile keys (docs/rules.md, Profiles), as setProfile takes them: numbers
 * with a point (the NumberInput shows and reads them in the app's language), dates ISO, booleans
 * "true"/"false". Compared as such, so "37,5" typed over 37.5 is no change.
 */
type Values = Record<string, string>;

const NEW = '__new__';

function stored(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

function valuesOf(p: EffectiveProfile, parameters: ParamInfo[], rules: RuleInfo[]): Values {
  const v: Values = { name: p.name ?? '', level: p.level ?? '', province: p.province ?? '' };
  for (const param of parameters) v[param.key] = stored(p.params[param.key]);
  for (const r of rules) v[`rules.${r.id}.enabled`] = String(p.params.rules[r.id]?.enabled ?? true);
  return v;
}

/** A field's label, as every refusal names it too (param-words.ts): a parameter's, a rule switch's, the agency's name, level and province. */
function labelOf(key: string, parameters: ParamInfo[], rules: RuleInfo[], lang: Lang): string {
  const p = parameters.find((x) => x.key === key);
  if (p) return p.label[lang];
  const rule = rules.find((r) => `rules.${r.id}.enabled` === key);
  if (rule) return ruleSwitchLabel(rule, lang);
  return key === 'name' || key === 'level' || key === 'province' ? agencyFieldLabel(key, lang) : key;
}

export function ProfileCard(props: {
  agency: string; onAgency: (a: string) => void; profile: EffectiveProfile | undefined; error: string | null;
  rules: RuleInfo[]; parameters: ParamInfo[];
}) {
  const { t, pick, lang } = useI18n();
  const api = useApi();
  const { changed } = useDataVersion();
  const checks = useRunChecks();
  const overview = useQuery(() => api.overview({}), []);
  const [values, setValues] = useState<Values>({});
  const [typed, setTyped] = useState('');
  const [choice, setChoice] = useState(props.agency);
  /** What the last save said, written when shown: a language switch rewrites it. */
  const [result, setResult] = useState<{ tone: 'ok' | 'error' | 'info'; text: (l: Lang) => string; field?: boolean } | null>(null);
  /** The fields' own problems (NumberInput, DateInput), by key: a save waits until there are none. */
  const [problems, setProblems] = useState<Record<string, string | null>>({});
  /** The core's refusal of one field, shown next to it until the field is changed. */
  const [refusal, setRefusal] = useState<{ key: string; text: (l: Lang) => string } | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const [focusKey, setFocusKey] = useState<{ key: string } | null>(null);
  const initial = props.profile ? valuesOf(props.profile, props.parameters, props.rules) : {};
  // The form starts again from the stored profile when another profile or version arrives (or the
  // rules and parameters first load), not when the same one is read again: every query is read
  // again on a language switch or any change of data, and that must not throw away what is typed.
  const shown = props.profile ? `${props.profile.agency ?? ''} ${props.profile.version}` : null;
  useEffect(() => {
    if (props.profile) setValues(valuesOf(props.profile, props.parameters, props.rules));
    setProblems({});
    setRefusal(null);
    setSubmitted(false);
  }, [shown, props.parameters.length, props.rules.length]);
  // The refused or first invalid field takes the focus, so its message is read out with it.
  useEffect(() => {
    if (focusKey) document.getElementById(`param-${focusKey.key}`)?.focus();
  }, [focusKey]);
  const agencies = (overview.data?.data.agencies ?? []).map((a) => ({ code: a.agency, name: a.name }));
  const isAgency = props.agency !== '';
  const labelIn = (key: string, l: Lang) => labelOf(key, props.parameters, props.rules, l);
  const set = (key: string, value: string, problem: string | null = null) => {
    setValues((v) => ({ ...v, [key]: value }));
    setProblems((p) => ({ ...p, [key]: problem }));
    if (refusal?.key === key) setRefusal(null);
  };

  const save = async () => {
    const invalid = Object.keys(values).filter((k) => problems[k]);
    if (invalid.length > 0) {
      setSubmitted(true);
      setResult({ tone: 'error', text: (l) => translate(l, 'profile.fix', { fields: invalid.map((k) => labelIn(k, l)).join(', ') }), field: true });
      setFocusKey({ key: invalid[0]! });
      return;
    }
    const diff = Object.fromEntries(Object.entries(values).filter(([k, v]) => v !== initial[k]));
    if (Object.keys(diff).length === 0) return setResult({ tone: 'info', text: (l) => translate(l, 'profile.noChange') });
    try {
      const saved = await api.setProfile({ ...(isAgency ? { agency: props.agency } : {}), set: diff });
      setRefusal(null);
      setResult({ tone: 'ok', text: (l) => translate(l, 'profile.saved', { version: shortVersion(saved.version, l) }) });
      changed();
    } catch (err) {
      const key = err instanceof AppError && err.code === 'PROFILE_REFUSED' && typeof err.details?.key === 'string' ? err.details.key : null;
      if (key !== null && key in diff) {
        // The core's refusal names the field by its label, in both languages.
        setRefusal({ key, text: (l) => errorText(err, l) });
        setResult({ tone: 'error', text: (l) => translate(l, 'profile.fix', { fields: labelIn(key, l) }), field: true });
        setFocusKey({ key });
      } else {
        setResult({ tone: 'error', text: (l) => `${translate(l, 'profile.refused')}: ${errorText(err, l)}` });
      }
    }
  };

  // The hint and the unit sit outside the label: they describe the field without becoming part of its name.
  const field = (key: string, label: string, control: ReactNode, note?: string) => (
    <div className="field" key={key}>
      <label htmlFor={`param-${key}`}>{label}</label>
      {control}
      {note && <span className="muted field-note" id={`hint-${key}`}>{note}</span>}
    </div>
  );
  const refused = (key: string) => (refusal?.key === key ? refusal.text(lang) : null);
  /** A control the core alone checks (text, a choice): its refusal next to it, the control marked invalid. */
  const checked = (key: string, control: (a: { 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode, note = false) => {
    const error = refused(key);
    const describedBy = [note ? `hint-${key}` : '', error ? `param-${key}-error` : ''].filter(Boolean).join(' ') || undefined;
    return (
      <>
        {control({ ...(error ? { 'aria-invalid': true } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) })}
        {error && <span className="field-error" id={`param-${key}-error`} role="alert">{error}</span>}
      </>
    );
  };
  const input = (key: string, note = false, extra: Record<string, string> = {}) => checked(key, (a) => (
    <input id={`param-${key}`} type="text" value={values[key] ?? ''} onChange={(e) => set(key, e.target.value)} {...a} {...extra} />
  ), note);
  /** One parameter's control, from its type: a choice, a checkbox, a date, a time range or a number typed as people write it. */
  const param = (p: ParamInfo) => {
    const note = [p.unit ? pick(p.unit) : '', p.hint ? pick(p.hint) : ''].filter(Boolean).join(' · ') || undefined;
    const common = { id: `param-${p.key}`, describedBy: note ? `hint-${p.key}` : undefined, error: refused(p.key), showProblem: submitted };
    if (p.type === 'boolean') {
      return (
        <label key={p.key} className="check">
          <input type="checkbox" checked={values[p.key] === 'true'} onChange={(e) => set(p.key, String(e.target.checked))} />
          {pick(p.label)}
        </label>
      );
    }
    if (p.choices) {
      return field(p.key, pick(p.label), checked(p.key, (a) => (
        <select id={`param-${p.key}`} value={values[p.key] ?? ''} onChange={(e) => set(p.key, e.target.value)} {...a}>
          {p.choices!.map((c) => <option key={String(c.value)} value={String(c.value)}>{pick(c.label)}</option>)}
        </select>
      )));
    }
    if (p.type === 'date') {
      return field(p.key, pick(p.label), (
        <DateInput {...common} value={values[p.key] || null} onChange={(iso, problem) => set(p.key, iso ?? '', problem)} />
      ), note);
    }
    if (p.type === 'integer' || p.type === 'decimal') {
      return field(p.key, pick(p.label), (
        <NumberInput {...common} required min={p.min} max={p.max} step={p.type === 'integer' ? 1 : undefined}
          value={values[p.key] === undefined || values[p.key] === '' ? null : Number(values[p.key])}
          onChange={(n, problem) => set(p.key, n === null ? '' : String(n), problem)} />
      ), note);
    }
    const extra: Record<string, string> = p.type === 'timeRange' ? { placeholder: '12:00-13:00' } : { placeholder: '05:00' };
    return field(p.key, pick(p.label), input(p.key, note !== undefined, extra), note);
  };
  const groups: { group: ParamInfo['group']; legend: string }[] = [
    { group: 'rules', legend: t('profile.params') },
    { group: 'compare', legend: t('profile.compareParams') },
  ];
  const selectProfile = (value: string) => {
    setChoice(value);
    setResult(null);
    if (value !== NEW) props.onAgency(value);
  };

  return (
    <Card id="profile" title={t('profile.title')} desc={t('profile.desc')}>
      <div className="filters" style={{ marginBottom: 10 }}>
        <label className="field">
          <span>{t('profile.which')}</span>
          <select value={choice} onChange={(e) => selectProfile(e.target.value)}>
            <option value="">{t('profile.national')}</option>
            {agencies.map((a) => <option key={a.code} value={a.code}>{a.name ? `${a.name} (${a.code})` : a.code}</option>)}
            <option value={NEW}>{t('profile.newAgency')}</option>
          </select>
        </label>
        {choice === NEW && (
          <label className="field">
            <span>{t('profile.newCode')}</span>
            <input value={typed} onChange={(e) => setTyped(e.target.value.toUpperCase())} onBlur={() => typed && props.onAgency(typed)} />
          </label>
        )}
      </div>
      {props.error && <Notice tone="error">{props.error}</Notice>}
      {props.profile && <p className="muted" style={{ marginBottom: 10 }}>{t('profile.version', { version: shortVersion(props.profile.version, lang) })}</p>}
      <form noValidate onSubmit={(e) => { e.preventDefault(); void save(); }}>
        {isAgency && (
          <fieldset className="form-grid">
            <legend>{t('profile.identity')}</legend>
            {field('name', t('param.name'), input('name'))}
            {field('level', t('param.level'), checked('level', (a) => (
              <select id="param-level" value={values.level ?? ''} onChange={(e) => set('level', e.target.value)} {...a}>
                <option value="">—</option>
                {(['pusat', 'provinsi', 'kabupaten', 'kota'] as const).map((l) => <option key={l} value={l}>{t(`level.${l}`)}</option>)}
              </select>
            )))}
            {field('province', t('param.province'), input('province'))}
          </fieldset>
        )}
        {groups.map(({ group, legend }) => (
          <fieldset className="form-grid" key={group}>
            <legend>{legend}</legend>
            {props.parameters.filter((p) => p.group === group).map(param)}
          </fieldset>
        ))}
        <fieldset className="rule-toggles">
          <legend>{t('profile.rules')}</legend>
          {props.rules.map((rule) => (
            <label key={rule.id} className="check">
              <input type="checkbox" checked={values[`rules.${rule.id}.enabled`] === 'true'}
                onChange={(e) => set(`rules.${rule.id}.enabled`, String(e.target.checked))} />
              <span className="rule-chip">{rule.id}</span> {pick(rule.title)}
            </label>
          ))}
        </fieldset>
        {result && (result.field
          // Not a live region: the field it names takes the focus and its message is read with it.
          ? <div className="notice notice-error" id="profile-error">{result.text(lang)}</div>
          : <Notice tone={result.tone} action={result.tone === 'ok' ? <RunButton checks={checks} /> : undefined}>{result.text(lang)}</Notice>)}
        {checks.error && <Notice tone="error">{checks.error}</Notice>}
        {checks.done && !checks.running && <Notice tone="ok">{t('run.done', { run: checks.done.run, n: checks.done.n })}</Notice>}
        <div className="actions">
          <button type="submit" className="btn btn-primary">{t('profile.save')}</button>
        </div>
      </form>
    </Card>
  );
}
