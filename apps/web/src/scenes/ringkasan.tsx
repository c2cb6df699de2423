import { useT } from '../i18n/index.ts';
import { Kpi, Panel } from './panel.tsx';
import { RankingPanel } from './ranking.tsx';
import type { SceneProps } from './types.ts';
import { ComplaintKpis, pct, Ticker, Trend, useNames } from './shared.tsx';

export function Ringkasan(p: SceneProps) {
  const t = useT();
  const names = useNames(p);
  const c = p.state?.complaints;
  // A kabupaten/kota's view (the dashboard narrowed to it) says whose figures these are.
  const regency = p.state?.scope?.startsWith('regency:')
    ? p.province.regencies.find((r) => `regency:${r.code}` === p.state?.scope)
    : undefined;
  const title = regency ? t('wall.titleRegency').replace('{name}', regency.name) : t('wall.scene.ringkasan');
  return (
    <div className="scene scene-ringkasan">
      <Panel title={title} stream="complaints" scene={p} className="span-all" testId="scene-title">
        <ComplaintKpis {...p} />
      </Panel>
      <Panel title={t('wall.panel.months')} stream="complaints" scene={p} className="span-2">
        <Trend {...p} />
      </Panel>
      <Panel title={t('wall.panel.ticker')} stream="complaints" scene={p}>
        <Ticker {...p} />
      </Panel>
      <RankingPanel
        scene={p}
        kind="opd"
        limit={8}
        testId="opd-ranking"
        rows={(c?.opdRanking ?? []).map((r) => ({ ...r, id: r.opdId, name: names.opd(r.opdId) }))}
      />
      <RankingPanel
        scene={p}
        kind="regency"
        limit={8}
        testId="regency-ranking"
        rows={(c?.regencyRanking ?? []).map((r) => ({ ...r, id: r.regencyCode, name: names.regency(r.regencyCode) }))}
      />
      <Panel title={t('wall.panel.ppidNow')} stream="ppid" scene={p}>
        <div className="kpi-row kpi-small">
          <Kpi label={t('wall.kpi.ppidMonth')} value={p.state?.ppid?.month.requests} />
          <Kpi label={t('wall.ppid.onTime')} value={pct(p.state?.ppid?.month.onTimeShare)} format="percent" />
          <Kpi label={t('wall.kpi.followers')} value={p.state?.social?.followers} />
        </div>
      </Panel>
    </div>
  );
}
