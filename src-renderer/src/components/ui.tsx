import type { ReactNode } from 'react';

export function Card(props: { title?: ReactNode; desc?: ReactNode; actions?: ReactNode; children: ReactNode; flush?: boolean; id?: string; className?: string }) {
  const headingId = props.id ? `${props.id}-title` : undefined;
  return (
    <section className={`card ${props.className ?? ''}`} aria-labelledby={props.title ? headingId : undefined} id={props.id}>
      {props.title && (
        <div className="card-head">
          <div>
            <h2 id={headingId}>{props.title}</h2>
            {props.desc && <p className="desc">{props.desc}</p>}
          </div>
          {props.actions && <div className="actions">{props.actions}</div>}
        </div>
      )}
      <div className={`card-body ${props.flush ? 'flush' : ''}`}>{props.children}</div>
    </section>
  );
}

export function Kpi(props: { label: string; value: string; hint?: string; tone?: 'good' | 'warn' | 'bad' }) {
  return (
    <div className={`card kpi ${props.tone ? `tone-${props.tone}` : ''}`}>
      <div className="kpi-label">{props.label}</div>
      <div className="kpi-value">{props.value}</div>
      {props.hint && <div className="kpi-hint">{props.hint}</div>}
    </div>
  );
}

export function Notice(props: { tone: 'info' | 'warn' | 'error' | 'ok'; children: ReactNode; action?: ReactNode }) {
  return (
    <div className={`notice notice-${props.tone}`} role={props.tone === 'error' ? 'alert' : 'status'}>
      <div>{props.children}</div>
      {props.action}
    </div>
  );
}

export function ProgressBar(props: { value: number | null; label: string }) {
  const pct = props.value === null ? null : Math.round(Math.max(0, Math.min(1, props.value)) * 100);
  return (
    <div
      className={`progress ${pct === null ? 'indeterminate' : ''}`}
      role="progressbar"
      aria-label={props.label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct ?? undefined}
    >
      <div style={pct === null ? undefined : { width: `${pct}%` }} />
    </div>
  );
}

export function Select<V extends string>(props: {
  label: string;
  value: V;
  onChange: (value: V) => void;
  options: { value: V; label: string }[];
  id?: string;
}) {
  return (
    <label className="field">
      <span>{props.label}</span>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value as V)}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </label>
  );
}

export function Segmented<V extends string>(props: { label: string; value: V; onChange: (v: V) => void; options: { value: V; label: string }[] }) {
  return (
    <div className="segmented" role="group" aria-label={props.label}>
      {props.options.map((o) => (
        <button key={o.value} type="button" aria-pressed={props.value === o.value} onClick={() => props.onChange(o.value)}>
          {o.label}
        </button>
      ))}
    </div>
  );
}
