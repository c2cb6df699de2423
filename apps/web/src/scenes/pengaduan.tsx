import { useMemo } from 'react';
import { EChart } from '../charts/use-echart.tsx';
import { barsOption, WALL } from '../charts/options.ts';
import { useT } from '../i18n/index.ts';
import { Kpi, Panel } from './panel.tsx';
import type { SceneProps } from './types.ts';
import { LateTable, pct, Trend } from './shared.tsx';

export function Pengaduan(p: SceneProps) {
  const t = useT();
  const c = p.state?.complaints;
  const channels = useMemo(
    () =>
      barsOption(
        Object.entries(c?.byChannel ?? {}).map(([name, value]) => ({ name, value })),
        p.fontSize,
      ),
    [c?.byChannel, p.fontSize],
  );
  const topics = useMemo(
    () =>
      barsOption(
        (c?.byTopic ?? []).slice(0, 8).map((x) => ({ name: x.topic, value: x.received })),
        p.fontSize,
        WALL.second,
      ),
    [c?.byTopic, p.fontSize],
  );
  const backlog = useMemo(
    () =>
      barsOption(
        Object.entries(c?.open.byStatus ?? {}).map(([name, value]) => ({ name: name.replace(/_/g, ' '), value })),
        p.fontSize,
        WALL.danger,
      ),
    [c?.open.byStatus, p.fontSize],
  );
  const funnel = [
    [t('wall.funnel.received'), c?.month.received],
    [t('wall.funnel.followedUp'), c?.month.followedUp],
    [t('wall.funnel.completed'), c?.month.completed],
  ] as const;
  return (
    <div className="scene scene-grid-3">
      <Panel title={t('wall.panel.funnel')} stream="complaints" scene={p}>
        <div className="kpi-row kpi-column" data-testid="funnel">
          {funnel.map(([label, value]) => (
            <Kpi key={label} label={label} value={value} />
          ))}
          <Kpi label={t('wall.kpi.onTime')} value={pct(c?.month.onTimeShare)} format="percent" />
        </div>
      </Panel>
      <Panel title={t('wall.panel.channels')} stream="complaints" scene={p}>
        <EChart
          option={channels}
          label={t('wall.panel.channels')}
          onClick={p.onDrill ? (e) => p.onDrill?.({ kind: 'channel', id: e.name }) : undefined}
        />
      </Panel>
      <Panel title={t('wall.panel.topics')} stream="complaints" scene={p}>
        <EChart
          option={topics}
          label={t('wall.panel.topics')}
          onClick={p.onDrill ? (e) => p.onDrill?.({ kind: 'topic', id: e.name }) : undefined}
        />
      </Panel>
      <Panel title={t('wall.panel.backlog')} stream="complaints" scene={p}>
        <EChart option={backlog} label={t('wall.panel.backlog')} />
      </Panel>
      <Panel title={t('wall.panel.trend')} stream="complaints" scene={p}>
        <Trend {...p} />
      </Panel>
      <Panel title={t('wall.panel.late')} stream="complaints" scene={p}>
        <LateTable {...p} limit={8} />
      </Panel>
    </div>
  );
}
