import { useMemo } from 'react';
import { EChart } from '../charts/use-echart.tsx';
import { pointMapOption } from '../charts/options.ts';
import { useT } from '../i18n/index.ts';
import { Panel } from './panel.tsx';
import { RankingPanel } from './ranking.tsx';
import type { SceneProps } from './types.ts';
import { shortRegency } from './shared.tsx';

export function Peta(p: SceneProps) {
  const t = useT();
  const c = p.state?.complaints;
  const option = useMemo(() => {
    const byCode = new Map((c?.regencyRanking ?? []).map((r) => [r.regencyCode, r]));
    return pointMapOption(
      p.province.regencies.map((r) => ({
        name: r.name,
        code: r.code,
        lat: r.lat,
        lon: r.lon,
        value: byCode.get(r.code)?.received ?? 0,
        overdue: byCode.get(r.code)?.overdue ?? 0,
      })),
      p.fontSize,
    );
  }, [c?.regencyRanking, p.province.regencies, p.fontSize]);
  return (
    <div className="scene scene-map">
      <Panel title={t('wall.panel.map')} stream="complaints" scene={p} className="span-2" testId="map">
        <EChart
          option={option}
          label={t('wall.panel.map')}
          onClick={
            p.onDrill
              ? (e) => {
                  const code = p.province.regencies.find((r) => r.name === e.name)?.code;
                  if (code) p.onDrill?.({ kind: 'regency', id: code });
                }
              : undefined
          }
        />
        {/* What size and colour mean, in words (and without colour: the text says it). */}
        <ul className="map-legend" data-testid="map-legend">
          <li>
            <span className="map-dot map-dot-size" aria-hidden="true" /> {t('wall.map.size')}
          </li>
          <li>
            <span className="map-dot map-dot-late" aria-hidden="true" /> {t('wall.map.late')}
          </li>
          <li>
            <span className="map-dot map-dot-ok" aria-hidden="true" /> {t('wall.map.ok')}
          </li>
        </ul>
      </Panel>
      <RankingPanel
        scene={p}
        kind="regency"
        limit={14}
        testId="regency-ranking"
        rows={(c?.regencyRanking ?? []).map((r) => ({
          ...r,
          id: r.regencyCode,
          name: shortRegency(p.province.regencies.find((x) => x.code === r.regencyCode)?.name ?? r.regencyCode),
        }))}
      />
    </div>
  );
}
