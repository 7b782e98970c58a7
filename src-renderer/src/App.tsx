import { lazy, Suspense, useEffect, useRef, type ReactNode } from 'react';
import { useApiContext } from './api/ApiProvider.tsx';
import { listenToMenu } from './api/menu.ts';
import { Emblem, Icon, type IconName } from './components/icons.tsx';
import { Notice } from './components/ui.tsx';
import { OverviewPage } from './features/overview/OverviewPage.tsx';
import { useI18n, type MessageKey } from './i18n/i18n.tsx';
import { href, useRoute, type Page } from './router.tsx';

interface NavItem {
  page: Page;
  label: MessageKey;
  icon: IconName;
  /** Shown only when the core answers this method. */
  needs?: string;
}

const NAV: NavItem[] = [
  { page: 'ringkasan', label: 'nav.overview', icon: 'overview' },
  { page: 'impor', label: 'nav.imports', icon: 'imports' },
  { page: 'kepatuhan', label: 'nav.compliance', icon: 'compliance' },
  { page: 'perbandingan', label: 'nav.compare', icon: 'compare', needs: 'compare' },
  { page: 'aturan', label: 'nav.rules', icon: 'rules' },
  { page: 'ekspor', label: 'nav.export', icon: 'export', needs: 'exportWorkbook' },
];

// The first screen is in the main bundle; the others load when opened, so the app starts sooner.
const ImportsPage = lazy(() => import('./features/imports/ImportsPage.tsx').then((m) => ({ default: m.ImportsPage })));
const CompliancePage = lazy(() => import('./features/compliance/CompliancePage.tsx').then((m) => ({ default: m.CompliancePage })));
const ComparePage = lazy(() => import('./features/compare/ComparePage.tsx').then((m) => ({ default: m.ComparePage })));
const ExportPage = lazy(() => import('./features/export/ExportPage.tsx').then((m) => ({ default: m.ExportPage })));
const RulesPage = lazy(() => import('./features/rules/RulesPage.tsx').then((m) => ({ default: m.RulesPage })));

function Screen({ page }: { page: Page }): ReactNode {
  switch (page) {
    case 'impor': return <ImportsPage />;
    case 'kepatuhan': return <CompliancePage />;
    case 'perbandingan': return <ComparePage />;
    case 'aturan': return <RulesPage />;
    case 'ekspor': return <ExportPage />;
    default: return <OverviewPage />;
  }
}

export function App() {
  const { t, lang, setLang } = useI18n();
  const { has, mode } = useApiContext();
  const { page, go } = useRoute();
  useEffect(() => listenToMenu((e) => go(e.action === 'import' ? 'impor' : 'ekspor')), [go]);
  const items = NAV.filter((n) => !n.needs || has(n.needs));
  const shown = items.some((n) => n.page === page) ? page : 'ringkasan';
  const current = items.find((n) => n.page === shown)!;
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    document.title = `${t(current.label)} · Pantau`;
    // Moving focus to the new screen tells keyboard and screen-reader users the page changed.
    if (!first.current) main.current?.focus();
    first.current = false;
  }, [shown, current.label, t]);
  return (
    <div className="app">
      <a className="skip" href="#main" onClick={(e) => { e.preventDefault(); main.current?.focus(); }}>{t('app.skip')}</a>
      <nav className="sidebar" aria-label={t('app.nav')}>
        <div className="brand">
          <Emblem />
          <div>
            <div className="brand-name">{t('app.name')}</div>
            <div className="brand-tag">{t('app.tagline')}</div>
          </div>
        </div>
        <ul className="nav">
          {items.map((n) => (
            <li key={n.page}>
              <a href={href(n.page)} aria-current={n.page === shown ? 'page' : undefined}>
                <Icon name={n.icon} />
                {t(n.label)}
              </a>
            </li>
          ))}
        </ul>
        <div className="sidebar-foot">
          <button type="button" className="lang-switch" onClick={() => setLang(lang === 'id' ? 'en' : 'id')} lang={lang === 'id' ? 'en' : 'id'} aria-label={t('lang.switchHint')}>
            {t('lang.switchTo')}
          </button>
          <div>{t('app.basis')}</div>
          <div>{t('app.offline')}</div>
        </div>
      </nav>
      <main id="main" className="main" ref={main} tabIndex={-1}>
        {mode === 'no-token' ? <Notice tone="error">{t('app.noToken')}</Notice> : (
          <Suspense fallback={<p className="muted">{t('common.loading')}</p>}><Screen page={shown} /></Suspense>
        )}
      </main>
    </div>
  );
}
