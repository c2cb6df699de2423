import { useContext, useMemo, type ReactElement } from 'react';
import { EChart } from '../charts/use-echart.tsx';
import { barsOption, gaugeOption, pointMapOption, trendOption, WALL } from '../charts/options.ts';
import { formatNumber, intlTag, LocaleContext, useT } from '../i18n/index.ts';
import { Kpi, Panel } from './panel.tsx';
import type { SceneId, SceneProps } from './types.ts';

const pct = (x: number | null | undefined) => (x === null || x === undefined ? null : x);
const shortRegency = (name: string) => name.replace(/^(Kabupaten|Kota) /, (m) => (m.startsWith('Kota') ? 'Kota ' : ''));

function useNames(p: SceneProps) {
  return useMemo(() => {
    const opd = new Map(p.province.opds.map((o) => [o.id, o.shortName]));
    const reg = new Map(p.province.regencies.map((r) => [r.code, r.name]));
    return {
      opd: (id: string | null) => (id ? (opd.get(id) ?? id) : '–'),
      regency: (code: string | null) => (code ? shortRegency(reg.get(code) ?? code) : '–'),
    };
  }, [p.province]);
}

/** Rankings by on-time share (then fewer overdue); rows with too few follow-ups sink. */
function RankingTable(props: {
  scene: SceneProps;
  rows: Array<{ id: string; name: string; received: number; followedUp: number; onTime: number; overdue: number }>;
  kind: 'opd' | 'regency';
  limit: number;
  testId: string;
}) {
  const t = useT();
  const locale = useContext(LocaleContext);
  const rows = [...props.rows]
    .map((r) => ({ ...r, share: r.followedUp >= 5 ? r.onTime / r.followedUp : null }))
    .sort((a, b) => (b.share ?? -1) - (a.share ?? -1) || a.overdue - b.overdue)
    .slice(0, props.limit);
  return (
    <table className="rank" data-testid={props.testId}>
      <thead>
        <tr>
          <th>{props.kind === 'opd' ? t('wall.col.opd') : t('dashboard.kind.regency')}</th>
          <th className="num">{t('wall.col.received')}</th>
          <th className="num">{t('wall.col.onTime')}</th>
          <th className="num">{t('wall.col.overdue')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
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
      </tbody>
    </table>
  );
}

function ComplaintKpis(p: SceneProps) {
  const t = useT();
  const c = p.state?.complaints;
  return (
    <div className="kpi-row" data-testid="kpis">
      <Kpi label={t('wall.kpi.todayReceived')} value={c?.today.received} testId="kpi-today-received" />
      <Kpi label={t('wall.kpi.lastHour')} value={c?.lastHourReceived} testId="kpi-last-hour" />
      <Kpi label={t('wall.kpi.monthReceived')} value={c?.month.received} testId="kpi-month-received" />
      <Kpi label={t('wall.kpi.open')} value={c?.open.total} testId="kpi-open" />
      <Kpi
        label={t('wall.kpi.overdue')}
        value={c?.open.overdue}
        tone={c?.open.overdue ? 'alert' : 'ok'}
        testId="kpi-overdue"
      />
      <Kpi
        label={t('wall.kpi.atRisk')}
        value={c?.open.atRisk}
        tone={c?.open.atRisk ? 'warn' : 'ok'}
        testId="kpi-at-risk"
      />
      <Kpi label={t('wall.kpi.onTime')} value={pct(c?.month.onTimeShare)} format="percent" testId="kpi-on-time" />
    </div>
  );
}

function Trend(p: SceneProps) {
  const t = useT();
  const c = p.state?.complaints;
  const option = useMemo(
    () =>
      trendOption(
        (c?.trend ?? []).map((d) => d.day),
        [
          { name: t('wall.funnel.received'), values: (c?.trend ?? []).map((d) => d.received) },
          { name: t('wall.funnel.completed'), values: (c?.trend ?? []).map((d) => d.completed), dashed: true },
        ],
        p.fontSize,
      ),
    [c?.trend, p.fontSize, t],
  );
  return <EChart option={option} label={t('wall.panel.trend')} />;
}

function Ticker(p: SceneProps) {
  const t = useT();
  const locale = useContext(LocaleContext);
  const names = useNames(p);
  const time = new Intl.DateTimeFormat(intlTag[locale], { timeZone: p.province.timeZone, timeStyle: 'short' });
  return (
    <ul className="ticker" data-testid="ticker">
      {(p.state?.recent?.items ?? []).slice(0, 8).map((r, i) => (
        <li key={`${r.submittedAt}-${i}`}>
          <time>{time.format(new Date(r.submittedAt))}</time> <strong>{r.topic ?? r.classification}</strong> ·{' '}
          {names.opd(r.opdId)} · {names.regency(r.regencyCode)} · {r.channel}
        </li>
      ))}
      {!p.state?.recent?.items.length && <li>{t('wall.noData')}</li>}
    </ul>
  );
}

function Ringkasan(p: SceneProps) {
  const t = useT();
  const names = useNames(p);
  const c = p.state?.complaints;
  return (
    <div className="scene scene-ringkasan">
      <Panel title={t('wall.scene.ringkasan')} stream="complaints" scene={p} className="span-all">
        <ComplaintKpis {...p} />
      </Panel>
      <Panel title={t('wall.panel.trend')} stream="complaints" scene={p} className="span-2">
        <Trend {...p} />
      </Panel>
      <Panel title={t('wall.panel.ticker')} stream="complaints" scene={p}>
        <Ticker {...p} />
      </Panel>
      <Panel title={t('wall.panel.opdRanking')} stream="complaints" scene={p}>
        <RankingTable
          scene={p}
          kind="opd"
          limit={8}
          testId="opd-ranking"
          rows={(c?.opdRanking ?? []).map((r) => ({ ...r, id: r.opdId, name: names.opd(r.opdId) }))}
        />
      </Panel>
      <Panel title={t('wall.panel.regencyRanking')} stream="complaints" scene={p}>
        <RankingTable
          scene={p}
          kind="regency"
          limit={8}
          testId="regency-ranking"
          rows={(c?.regencyRanking ?? []).map((r) => ({ ...r, id: r.regencyCode, name: names.regency(r.regencyCode) }))}
        />
      </Panel>
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

function Pengaduan(p: SceneProps) {
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

function Ppid(p: SceneProps) {
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

function Sosial(p: SceneProps) {
  const t = useT();
  const locale = useContext(LocaleContext);
  const s = p.state?.social;
  const sentiment = useMemo(
    () =>
      barsOption(
        [
          { name: t('wall.social.positive'), value: s?.sentiment.positive ?? 0 },
          { name: t('wall.social.neutral'), value: s?.sentiment.neutral ?? 0 },
          { name: t('wall.social.negative'), value: s?.sentiment.negative ?? 0 },
        ],
        p.fontSize,
      ),
    [s?.sentiment, p.fontSize, t],
  );
  const replies = useMemo(
    () =>
      gaugeOption(
        s?.replies.replyRatePct === null || !s ? null : s.replies.replyRatePct / 100,
        t('wall.social.replyRate'),
        p.fontSize,
      ),
    [s, p.fontSize, t],
  );
  return (
    <div className="scene scene-grid-3">
      <Panel title={t('wall.panel.socialReach')} stream="social" scene={p}>
        <div className="kpi-row kpi-column">
          <Kpi label={t('wall.social.followers')} value={s?.followers} testId="social-followers" />
          <Kpi label={t('wall.social.growth')} value={s?.followerGrowth} />
          <Kpi
            label={t('wall.social.engagement')}
            value={s?.engagementRatePct === null || !s ? null : s.engagementRatePct / 100}
            format="percent"
          />
        </div>
      </Panel>
      <Panel title={t('wall.panel.replies')} stream="social" scene={p}>
        <EChart option={replies} label={t('wall.panel.replies')} />
        <p className="panel-foot">
          {t('wall.social.replyTime')}:{' '}
          {s?.replies.medianReplyMinutes === null || !s
            ? '–'
            : `${formatNumber(locale, s.replies.medianReplyMinutes)} ${t('wall.minutes')}`}{' '}
          / {s ? `${formatNumber(locale, s.replies.targetMinutes)} ${t('wall.minutes')}` : '–'}
        </p>
      </Panel>
      <Panel title={t('wall.panel.sentiment')} stream="social" scene={p}>
        <EChart option={sentiment} label={t('wall.panel.sentiment')} />
      </Panel>
      <Panel title={t('wall.panel.issues')} stream="social" scene={p} className="span-all">
        <div className="kpi-row">
          <Kpi label={t('wall.social.openIssues')} value={s?.openIssues} tone={s?.openIssues ? 'warn' : 'ok'} />
          <Kpi
            label={t('wall.social.hoaxes')}
            value={s?.openHoaxSuspects}
            tone={s?.openHoaxSuspects ? 'alert' : 'ok'}
          />
          <Kpi
            label={t('wall.social.withinTarget')}
            value={s?.replies.withinTargetPct === null || !s ? null : s.replies.withinTargetPct / 100}
            format="percent"
          />
        </div>
      </Panel>
    </div>
  );
}

function Opd(p: SceneProps) {
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
      <Panel title={t('wall.panel.trend')} stream="complaints" scene={p} className="span-2">
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

function Peta(p: SceneProps) {
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
      </Panel>
      <Panel title={t('wall.panel.regencyRanking')} stream="complaints" scene={p}>
        <RankingTable
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
      </Panel>
    </div>
  );
}

function LateTable(p: SceneProps & { limit: number }) {
  const t = useT();
  const locale = useContext(LocaleContext);
  const names = useNames(p);
  const when = new Intl.DateTimeFormat(intlTag[locale], {
    timeZone: p.province.timeZone,
    dateStyle: 'short',
    timeStyle: 'short',
  });
  // A deadline in a year with no official calendar was counted Monday–Friday only: mark that figure,
  // not the whole wall (the console's admins get the task of loading the year).
  const unloaded = new Set(p.state?.calendar?.missingYears ?? []);
  const year = new Intl.DateTimeFormat('en', { timeZone: p.province.timeZone, year: 'numeric' });
  const rows = [...p.late]
    .sort((a, b) => b.escalationLevel - a.escalationLevel || (a.deadlineAt ?? '').localeCompare(b.deadlineAt ?? ''))
    .slice(0, p.limit);
  return (
    <table className="rank late" data-testid="late-table">
      <thead>
        <tr>
          <th>{t('wall.col.ticket')}</th>
          <th>{t('wall.col.opd')}</th>
          <th>{t('wall.col.step')}</th>
          <th>{t('wall.col.since')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr
            key={`${r.kind}:${r.id}`}
            data-testid="late-row"
            data-id={r.id}
            data-step={r.escalationLevel}
            className={r.deadlineState}
          >
            <th scope="row">
              {r.deadlineState === 'overdue' ? '▲' : '●'} {r.trackingId ?? r.id}
            </th>
            <td>{names.opd(r.opdId)}</td>
            <td className="num">{t('wall.ladder.level').replace('{n}', String(r.escalationLevel))}</td>
            <td>
              {r.deadlineAt ? when.format(new Date(r.deadlineAt)) : '–'}
              {r.deadlineAt && unloaded.has(Number(year.format(new Date(r.deadlineAt)))) && (
                <span className="calendar-marker" data-testid="calendar-marker" title={t('wall.calendarMarker')}>
                  *
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Keterlambatan(p: SceneProps) {
  const t = useT();
  const levels = [3, 2, 1, 0];
  return (
    <div className="scene scene-ladder">
      {levels.map((level) => {
        const items = p.late.filter((l) => (level === 3 ? l.escalationLevel >= 3 : l.escalationLevel === level));
        return (
          <Panel
            key={level}
            title={`${t('wall.ladder.level').replace('{n}', level === 3 ? '3+' : String(level))} · ${items.length}`}
            stream="complaints"
            scene={p}
            testId={`ladder-${level}`}
          >
            <LateTable {...p} late={items} limit={14} />
          </Panel>
        );
      })}
    </div>
  );
}

export const SCENES: Record<SceneId, (p: SceneProps) => ReactElement> = {
  ringkasan: Ringkasan,
  pengaduan: Pengaduan,
  ppid: Ppid,
  sosial: Sosial,
  opd: Opd,
  peta: Peta,
  keterlambatan: Keterlambatan,
};
