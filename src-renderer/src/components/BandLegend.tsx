import { BAND_COLOUR, NAVY } from '../charts/bands.ts';
import { useI18n } from '../i18n/i18n.tsx';

export function BandLegend({ target, low }: { target: number; low: number }) {
  const { t, fmt } = useI18n();
  const tt = fmt.pct(target);
  const ll = fmt.pct(low);
  return (
    <div className="legend" aria-label={t('band.legend')} role="group">
      <span><span className="swatch" style={{ background: BAND_COLOUR.good }} />{t('band.good', { target: tt })}</span>
      <span><span className="swatch" style={{ background: BAND_COLOUR.warn }} />{t('band.warn', { low: ll, target: tt })}</span>
      <span><span className="swatch" style={{ background: BAND_COLOUR.bad }} />{t('band.bad', { low: ll })}</span>
      <span><span className="swatch" style={{ background: 'transparent', borderTop: `2px dashed ${NAVY}`, borderRadius: 0, height: 0, width: 18 }} />{t('band.target', { target: tt })}</span>
    </div>
  );
}
