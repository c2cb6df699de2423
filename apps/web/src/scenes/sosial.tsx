import { useContext, useMemo } from 'react';
import { EChart } from '../charts/use-echart.tsx';
import { barsOption, gaugeOption } from '../charts/options.ts';
import { formatNumber, LocaleContext, useT } from '../i18n/index.ts';
import { Kpi, Panel } from './panel.tsx';
import type { SceneProps } from './types.ts';

export function Sosial(p: SceneProps) {
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
