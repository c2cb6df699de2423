import { useT } from '../i18n/index.ts';
import { Kpi, Panel } from './panel.tsx';
import type { SceneProps } from './types.ts';
import { ComplaintKpis, LateTable, pct, Ticker, Trend, useNames } from './shared.tsx';

export function Opd(p: SceneProps) {
  const t = useT();
  const names = useNames(p);
  const name = p.province.opds.find((o) => o.id === p.opdId)?.name ?? p.opdId ?? '';
  return (
    <div className="scene scene-ringkasan">
      <Panel
        title={`${t('wall.scene.opd')}: ${name}`}
        stream="complaints"
        scene={p}
        className="span-all"
        testId="opd-title"
      >
        <ComplaintKpis {...p} />
      </Panel>
      <Panel title={t('wall.panel.months')} stream="complaints" scene={p} className="span-2">
        <Trend {...p} />
      </Panel>
      <Panel title={t('wall.panel.late')} stream="complaints" scene={p}>
        <LateTable {...p} late={p.late.filter((l) => l.opdId === p.opdId)} limit={8} />
      </Panel>
      <Panel title={t('wall.scene.ppid')} stream="ppid" scene={p}>
        <div className="kpi-row kpi-small">
          <Kpi label={t('wall.ppid.requests')} value={p.state?.ppid?.month.requests} />
          <Kpi label={t('wall.ppid.onTime')} value={pct(p.state?.ppid?.month.onTimeShare)} format="percent" />
          <Kpi
            label={t('wall.ppid.overdue')}
            value={p.state?.ppid?.now.overdue}
            tone={p.state?.ppid?.now.overdue ? 'alert' : 'ok'}
          />
        </div>
      </Panel>
      <Panel title={t('wall.scene.sosial')} stream="social" scene={p}>
        <div className="kpi-row kpi-small">
          <Kpi label={t('wall.social.followers')} value={p.state?.social?.followers} />
          <Kpi
            label={t('wall.social.replyRate')}
            value={
              p.state?.social?.replies.replyRatePct === null || !p.state?.social
                ? null
                : p.state.social.replies.replyRatePct / 100
            }
            format="percent"
          />
        </div>
      </Panel>
      <Panel title={t('wall.panel.ticker')} stream="complaints" scene={p}>
        <Ticker {...p} />
      </Panel>
      <span hidden>{names.opd(p.opdId ?? null)}</span>
    </div>
  );
}
