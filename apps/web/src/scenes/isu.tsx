import type { IssueWire } from '@pantau/contracts/live';
import { useContext, useMemo } from 'react';
import { EChart } from '../charts/use-echart.tsx';
import { issueOption } from '../charts/issue-option.ts';
import { formatNumber, intlTag, LocaleContext, useT } from '../i18n/index.ts';
import { Kpi, Panel } from './panel.tsx';
import { LateTable, useNames } from './shared.tsx';
import type { SceneProps } from './types.ts';
import { useFit } from './use-fit.ts';

/**
 * What an issue is about, as the wall names it: the topic, the kabupaten/kota's full name, or both for one
 * event that raised a topic in one place ("Banjir dan Drainase · Kabupaten Kapuas").
 */
export function useSubjectName(p: SceneProps): (i: Pick<IssueWire, 'kind' | 'key' | 'regencyCode'>) => string {
  const regencies = useMemo(() => new Map(p.province.regencies.map((r) => [r.code, r.name])), [p.province]);
  return (i) => issueSubjectName(i, (code) => regencies.get(code) ?? code);
}

/** An issue's subject as the wall names it: a topic, a kabupaten/kota, or a topic in one ("Banjir · Kab. X"). */
export function issueSubjectName(
  i: Pick<IssueWire, 'kind' | 'key' | 'regencyCode'>,
  place: (code: string) => string,
): string {
  return i.kind === 'regency' ? place(i.key) : i.regencyCode ? `${i.key} · ${place(i.regencyCode)}` : i.key;
}

/**
 * Isu: complaints about one subject (a topic or a kabupaten/kota) rising together with negative
 * mentions of it or an open hoax — the strongest issue the `issues` topic carries, on one time axis with
 * the spike marked, the OPDs its complaints went to and what is late there. With no issue it says so
 * calmly (the rotation skips it then; a pinned or alerted wall still shows this).
 */
export function Isu(p: SceneProps) {
  const t = useT();
  const locale = useContext(LocaleContext);
  const names = useNames(p);
  const subjectName = useSubjectName(p);
  const topic = p.issues;
  const issue = topic?.issues[0];
  const fmt = (n: number) => formatNumber(locale, n);
  const days = useMemo(() => {
    const f = new Intl.DateTimeFormat(intlTag[locale], { day: 'numeric', month: 'short', timeZone: 'UTC' });
    return (topic?.days ?? []).map((d) => f.format(new Date(`${d}T00:00:00Z`)));
  }, [topic?.days, locale]);
  const option = useMemo(
    () =>
      issue && topic
        ? issueOption(
            days,
            { complaints: issue.complaints, negative: issue.negative },
            { complaints: t('wall.isu.complaints'), negative: t('wall.isu.negative'), spike: t('wall.isu.spike') },
            topic.windowDays,
            (n) => formatNumber(locale, n),
            p.fontSize,
          )
        : null,
    [issue, topic, days, p.fontSize, t, locale],
  );
  const opdIds = useMemo(() => new Set(issue?.opds.map((o) => o.opdId) ?? []), [issue]);
  const late = useMemo(() => p.late.filter((l) => l.opdId !== null && opdIds.has(l.opdId)), [p.late, opdIds]);
  const overdue = new Map((p.state?.complaints?.opdRanking ?? []).map((r) => [r.opdId, r.overdue]));
  const opdRows = issue?.opds ?? [];
  const { ref, fit } = useFit<HTMLTableSectionElement>(opdRows.length, opdRows.map((o) => o.opdId).join());

  if (!issue || !topic || !option) {
    return (
      <div className="scene scene-isu-calm">
        <Panel title={t('wall.scene.isu')} stream="social" scene={p} testId="isu-none">
          <div className="isu-calm">
            <p className="isu-calm-head">● {t('wall.isu.none')}</p>
            <p className="isu-calm-note">{t('wall.isu.noneNote')}</p>
          </div>
        </Panel>
      </div>
    );
  }
  const n = String(topic.windowDays);
  const others = topic.issues.slice(1);
  return (
    <div
      className="scene scene-isu"
      data-testid="isu-scene"
      data-subject={`${issue.kind}:${issue.key}`}
      data-regency={issue.regencyCode ?? ''}
    >
      <Panel
        title={`▲ ${subjectName(issue)} · ${t('wall.isu.chart')}`}
        stream="complaints"
        scene={p}
        className="isu-main"
        testId="isu-chart"
      >
        <div className="kpi-row">
          <Kpi label={t('wall.isu.recentComplaints').replace('{n}', n)} value={issue.complaintsRecent} tone="alert" />
          <Kpi label={t('wall.isu.recentNegative').replace('{n}', n)} value={issue.negativeRecent} tone="warn" />
          {issue.openHoax && <Kpi label={t('wall.isu.hoax')} value={issue.hoaxTags.length} tone="alert" />}
        </div>
        <p className="panel-foot">
          {t('wall.isu.usual')
            .replace('{complaints}', fmt(issue.complaintsUsualPerDay))
            .replace('{negative}', fmt(issue.negativeUsualPerDay))}
        </p>
        <EChart option={option} label={t('wall.isu.chart')} />
        {(issue.tags.length > 0 || issue.hoaxTags.length > 0) && (
          <p className="panel-foot" data-testid="isu-tags">
            {t('wall.isu.tags')}: {[...new Set([...issue.tags, ...issue.hoaxTags])].join(', ')}
          </p>
        )}
        {others.length > 0 && (
          <p className="panel-foot" data-testid="isu-others">
            {t('wall.isu.others')}: {others.map((o) => subjectName(o)).join(', ')}
          </p>
        )}
      </Panel>
      <Panel title={t('wall.isu.opds')} stream="complaints" scene={p} testId="isu-opds">
        {opdRows.length === 0 ? (
          <p className="panel-foot">{t('wall.isu.noOpd')}</p>
        ) : (
          <table className="rank">
            <colgroup>
              <col style={{ width: '46%' }} />
              <col style={{ width: '27%' }} />
              <col style={{ width: '27%' }} />
            </colgroup>
            <thead>
              <tr>
                <th>{t('wall.col.opd')}</th>
                <th className="num">{t('wall.isu.col.window').replace('{n}', n)}</th>
                <th className="num">{t('wall.col.overdue')}</th>
              </tr>
            </thead>
            <tbody ref={ref}>
              {opdRows.slice(0, fit).map((o) => {
                const late = overdue.get(o.opdId) ?? 0;
                return (
                  <tr key={o.opdId} data-testid="isu-opd" className={late > 0 ? 'overdue' : undefined}>
                    <th scope="row">{names.opd(o.opdId)}</th>
                    <td className="num">{fmt(o.received)}</td>
                    <td className="num">
                      {late > 0 ? '▲ ' : ''}
                      {fmt(late)}
                    </td>
                  </tr>
                );
              })}
              {opdRows.length > fit && (
                <tr className="rank-more">
                  <td colSpan={3}>{t('wall.more').replace('{n}', fmt(opdRows.length - fit))}</td>
                </tr>
              )}
            </tbody>
          </table>
        )}
      </Panel>
      <Panel title={`${t('wall.isu.late')} · ${fmt(late.length)}`} stream="complaints" scene={p} testId="isu-late">
        {late.length === 0 ? (
          <p className="panel-foot">{t('wall.isu.noLate')}</p>
        ) : (
          <LateTable {...p} late={late} limit={12} showLevel={false} />
        )}
      </Panel>
    </div>
  );
}
