import { useMemo } from 'react';
import { EChart } from '../charts/use-echart.tsx';
import { barsOption, WALL } from '../charts/options.ts';
import { useT } from '../i18n/index.ts';
import { useLabel } from '../i18n/labels.ts';
import { Kpi, Panel } from './panel.tsx';
import type { SceneProps } from './types.ts';
import { LateTable, pct, Trend } from './shared.tsx';

export function Pengaduan(p: SceneProps) {
  const t = useT();
  const label = useLabel();
  const c = p.state?.complaints;
  // Channels by their labels on screen; a click drills by the channel's code.
  const channelCode = useMemo(
    () => new Map(Object.keys(c?.byChannel ?? {}).map((code) => [label('channel', code), code])),
    [c?.byChannel, label],
  );
  const channels = useMemo(
    () =>
      barsOption(
        Object.entries(c?.byChannel ?? {}).map(([code, value]) => ({ name: label('channel', code), value })),
        p.fontSize,
      ),
    [c?.byChannel, p.fontSize, label],
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
        Object.entries(c?.open.byStatus ?? {}).map(([code, value]) => ({ name: label('status', code), value })),
        p.fontSize,
        WALL.danger,
      ),
    [c?.open.byStatus, p.fontSize, label],
  );
  // The year to date: at a real province's volume a month is a few dozen complaints.
  const funnel = [
    [t('wall.funnel.received'), c?.year?.received],
    [t('wall.funnel.followedUp'), c?.year?.followedUp],
    [t('wall.funnel.completed'), c?.year?.completed],
  ] as const;
  return (
    <div className="scene scene-grid-3">
      <Panel title={t('wall.panel.funnelYear')} stream="complaints" scene={p}>
        <div className="kpi-row kpi-column" data-testid="funnel">
          {funnel.map(([label, value]) => (
            <Kpi key={label} label={label} value={value} />
          ))}
          <Kpi label={t('wall.kpi.onTime')} value={pct(c?.year?.onTimeShare)} format="percent" />
        </div>
      </Panel>
      <Panel title={t('wall.panel.channels')} stream="complaints" scene={p}>
        <EChart
          option={channels}
          label={t('wall.panel.channels')}
          onClick={
            p.onDrill ? (e) => p.onDrill?.({ kind: 'channel', id: channelCode.get(e.name) ?? e.name }) : undefined
          }
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
      <Panel title={t('wall.panel.months')} stream="complaints" scene={p}>
        <Trend {...p} />
      </Panel>
      <Panel title={t('wall.panel.late')} stream="complaints" scene={p}>
        <LateTable {...p} limit={8} />
      </Panel>
    </div>
  );
}
