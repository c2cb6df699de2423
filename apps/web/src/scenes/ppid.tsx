import { useMemo } from 'react';
import { EChart } from '../charts/use-echart.tsx';
import { barsOption, gaugeOption, WALL } from '../charts/options.ts';
import { useT } from '../i18n/index.ts';
import { Kpi, Panel } from './panel.tsx';
import type { SceneProps } from './types.ts';
import { pct, useNames } from './shared.tsx';

export function Ppid(p: SceneProps) {
  const t = useT();
  const names = useNames(p);
  const x = p.state?.ppid;
  const decisions = useMemo(
    () =>
      barsOption(
        Object.entries(x?.month.decisions ?? {}).map(([name, v]) => ({
          name: name.replace(/_/g, ' '),
          value: v.count,
        })),
        p.fontSize,
      ),
    [x?.month.decisions, p.fontSize],
  );
  const gauge = useMemo(
    () => gaugeOption(pct(x?.month.onTimeShare), t('wall.ppid.onTime'), p.fontSize),
    [x?.month.onTimeShare, p.fontSize, t],
  );
  const dipBars = useMemo(
    () =>
      barsOption(
        Object.entries(x?.dip?.downloadsByCategory ?? {}).map(([name, value]) => ({
          name: name.replace(/_/g, ' '),
          value,
        })),
        p.fontSize,
        WALL.second,
      ),
    [x?.dip?.downloadsByCategory, p.fontSize],
  );
  return (
    <div className="scene scene-grid-3">
      <Panel title={t('wall.scene.ppid')} stream="ppid" scene={p}>
        <div className="kpi-row kpi-column">
          <Kpi label={t('wall.ppid.requests')} value={x?.month.requests} testId="ppid-requests" />
          <Kpi label={t('wall.ppid.decided')} value={x?.month.decided} />
          <Kpi label={t('wall.ppid.avgDays')} value={x?.month.avgWorkingDaysToDecide} />
        </div>
      </Panel>
      <Panel title={t('wall.panel.onTime')} stream="ppid" scene={p}>
        <EChart option={gauge} label={t('wall.panel.onTime')} />
      </Panel>
      <Panel title={t('wall.panel.ppidDecisions')} stream="ppid" scene={p}>
        <EChart option={decisions} label={t('wall.panel.ppidDecisions')} />
      </Panel>
      <Panel title={t('wall.panel.ppidNow')} stream="ppid" scene={p}>
        <div className="kpi-row">
          <Kpi label={t('wall.ppid.open')} value={x?.now.open} />
          <Kpi label={t('wall.ppid.overdue')} value={x?.now.overdue} tone={x?.now.overdue ? 'alert' : 'ok'} />
          <Kpi label={t('wall.ppid.objections')} value={x?.now.objectionsOpen} />
          <Kpi label={t('wall.ppid.disputes')} value={x?.now.disputesOpen} />
        </div>
      </Panel>
      <Panel title={t('wall.panel.ki')} stream="ppid" scene={p}>
        {x?.ki ? (
          <div className="ki">
            <p className="ki-band">
              {x.ki.year}: <strong>{x.ki.band.replace(/_/g, ' ')}</strong> ({x.ki.meanScore ?? x.ki.score})
            </p>
            {x.ki.byOpd && (
              <table className="rank" data-testid="ki-by-opd">
                <tbody>
                  {[...x.ki.byOpd]
                    .sort((a, b) => b.score - a.score)
                    .slice(0, 10)
                    .map((m) => (
                      <tr key={m.opdId}>
                        <th scope="row">{names.opd(m.opdId)}</th>
                        <td>{m.band.replace(/_/g, ' ')}</td>
                        <td className="num">{m.score}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            )}
          </div>
        ) : (
          <p>{t('wall.noData')}</p>
        )}
      </Panel>
      <Panel title={t('wall.panel.dip')} stream="ppid" scene={p}>
        <Kpi label={t('wall.ppid.downloads')} value={x?.dip?.downloads} testId="dip-downloads" />
        <EChart option={dipBars} label={t('wall.panel.dip')} />
      </Panel>
    </div>
  );
}
