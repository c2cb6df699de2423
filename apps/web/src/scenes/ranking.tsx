/**
 * The rankings of OPDs and kabupaten/kota: worst first ("perlu perhatian"), and on a wall, in turn, the
 * best first ("terbaik") — a leadership screen that only ever shows who is failing hides who to learn
 * from. The order rules are the domain's (`worstFirst`, `bestFirst`), as the server and the report use.
 */
import { bestFirst, hasBestView, judgedOnTimeShare, worstFirst, type RankFacts } from '@pantau/domain/ranking';
import { useContext, useEffect, useState } from 'react';
import { formatNumber, LocaleContext, useT, type MessageKey } from '../i18n/index.ts';
import { Panel } from './panel.tsx';
import type { SceneProps } from './types.ts';
import { useFit } from './use-fit.ts';

type RankingView = 'worst' | 'best';

/** Seconds a wall's ranking shows one view before it turns to the other. */
const RANKING_VIEW_SECONDS = 10;

/**
 * `?ranking=best|worst` on the wall's address pins its rankings to one view (a screen that wants one, and
 * the browser tests). Read here rather than passed through every scene, as a wall's address is fixed.
 */
const PINNED: RankingView | null = (() => {
  const v = typeof window === 'undefined' ? null : new URLSearchParams(window.location.search).get('ranking');
  return v === 'best' || v === 'worst' ? v : null;
})();

const TITLES: Record<'opd' | 'regency', Record<RankingView, MessageKey>> = {
  opd: { worst: 'wall.ranking.opd.worst', best: 'wall.ranking.opd.best' },
  regency: { worst: 'wall.ranking.regency.worst', best: 'wall.ranking.regency.best' },
};

type RankingRow = { id: string; name: string; received: number; followedUp: number; onTime: number; overdue: number };
const factsOf = (r: RankingRow): RankFacts => ({ key: r.id, ...r });

/** Worst first, then best first, each for `RANKING_VIEW_SECONDS`, from the moment it is on screen. */
function useTurningView(turning: boolean): RankingView {
  const [turns, setTurns] = useState(0);
  useEffect(() => {
    if (!turning) return;
    const timer = setInterval(() => setTurns((n) => n + 1), RANKING_VIEW_SECONDS * 1000);
    return () => {
      clearInterval(timer);
      setTurns(0);
    };
  }, [turning]);
  return turning && turns % 2 === 1 ? 'best' : 'worst';
}

/**
 * A ranking in its panel, titled with the view it shows. On the wall it turns between worst and best
 * while there are enough rated units without late items (`hasBestView`); the interactive dashboard (a
 * drilldown target under the pointer must not move) and a wall with too few stay on worst first.
 */
export function RankingPanel(props: {
  scene: SceneProps;
  rows: RankingRow[];
  kind: 'opd' | 'regency';
  limit: number;
  testId: string;
}) {
  const t = useT();
  const wall = !props.scene.onDrill;
  const turned = useTurningView(wall && PINNED === null && hasBestView(props.rows, factsOf));
  const view = wall && PINNED ? PINNED : turned;
  return (
    <Panel title={t(TITLES[props.kind][view])} stream="complaints" scene={props.scene}>
      <RankingTable {...props} view={view} />
    </Panel>
  );
}

/**
 * One view of a ranking. Worst first: most overdue, then the lowest on-time share (rows with too few
 * follow-ups to judge come after those that can be judged). Best first: only units judged and with
 * nothing late, highest share first. As many rows as fit; "+N lainnya" says how many do not, and on
 * worst first how many of those are late, so the bad news is never cut silently.
 */
function RankingTable(props: {
  scene: SceneProps;
  rows: RankingRow[];
  kind: 'opd' | 'regency';
  limit: number;
  testId: string;
  view?: RankingView;
}) {
  const t = useT();
  const locale = useContext(LocaleContext);
  const view = props.view ?? 'worst';
  const sorted = (view === 'best' ? bestFirst(props.rows, factsOf) : worstFirst(props.rows, factsOf)).map((r) => ({
    ...r,
    share: judgedOnTimeShare(r.onTime, r.followedUp),
  }));
  const rows = sorted.slice(0, props.limit);
  const { ref, fit } = useFit<HTMLTableSectionElement>(rows.length, `${view}:${rows.map((r) => r.id).join()}`);
  const off = sorted.slice(Math.min(fit, rows.length));
  const hidden = off.length;
  // Those left off that have late items are named in the count: the bad news is never cut silently.
  const hiddenLate = off.filter((r) => r.overdue > 0).length;
  return (
    <table className="rank" data-testid={props.testId} data-view={view}>
      <thead>
        <tr>
          {/* "Kabupaten/Kota" may break after its slash in a narrow pane (a 32:9 wall's main pane). */}
          <th>{props.kind === 'opd' ? t('wall.col.opd') : t('dashboard.kind.regency').replace('/', '/\u200b')}</th>
          <th className="num">{t('wall.col.received')}</th>
          <th className="num">{t('wall.col.onTime')}</th>
          <th className="num">{t('wall.col.overdue')}</th>
        </tr>
      </thead>
      <tbody ref={ref}>
        {rows.slice(0, fit).map((r) => (
          <tr
            key={r.id}
            data-id={r.id}
            className={props.scene.onDrill ? 'drill' : undefined}
            onClick={() => props.scene.onDrill?.({ kind: props.kind, id: r.id })}
          >
            <th scope="row">{r.name}</th>
            <td className="num">{formatNumber(locale, r.received)}</td>
            <td className="num">
              {r.share === null ? '–' : `${formatNumber(locale, r.share * 100, { maximumFractionDigits: 0 })} %`}
            </td>
            <td className={`num ${r.overdue > 0 ? 'alert' : ''}`}>
              {r.overdue > 0 ? `▲ ${formatNumber(locale, r.overdue)}` : '0'}
            </td>
          </tr>
        ))}
        {view === 'best' && sorted.length === 0 && (
          <tr className="rank-more" data-testid="rank-none">
            <td colSpan={4}>{t('wall.ranking.bestNone')}</td>
          </tr>
        )}
        {hidden > 0 && (
          <tr className="rank-more" data-testid="rank-more" data-late={hiddenLate}>
            <td colSpan={4}>
              {(hiddenLate > 0
                ? t('wall.moreLate').replace('{late}', formatNumber(locale, hiddenLate))
                : t('wall.more')
              ).replace('{n}', formatNumber(locale, hidden))}
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
