import type { ReactNode } from 'react';
import { useContext } from 'react';
import { formatNumber, LocaleContext, useT } from '../i18n/index.ts';
import { freshnessOf, type Stream } from './freshness.ts';
import type { SceneProps } from './types.ts';

/** "diperbarui 3 mnt lalu" from an age in seconds. */
function useAgeLabel(): (ageSeconds: number | null) => string {
  const t = useT();
  return (age) => {
    if (age === null) return t('wall.age.never');
    const value =
      age < 60
        ? t('wall.age.now')
        : age < 3600
          ? t('wall.age.minutes').replace('{n}', String(Math.floor(age / 60)))
          : t('wall.age.hours').replace('{n}', String(Math.floor(age / 3600)));
    return t('wall.age').replace('{age}', value);
  };
}

/**
 * A panel of a scene: title, the age of its stream's data, and — past the stream's freshness target — a
 * hatched body that says the data is old, so a number on the wall is never silently stale.
 */
export function Panel(props: {
  title: string;
  stream: Stream;
  scene: SceneProps;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  const t = useT();
  const ageLabel = useAgeLabel();
  const f = freshnessOf(props.scene.heartbeat, props.stream, props.scene.now);
  return (
    <section
      className={`panel ${props.className ?? ''} ${f.stale ? 'panel-stale' : ''}`}
      data-testid={props.testId}
      data-stale={f.stale}
      aria-label={props.title}
    >
      <header className="panel-head">
        <h2>{props.title}</h2>
        <span className="panel-age">{ageLabel(f.ageSeconds)}</span>
      </header>
      {f.stale && (
        <p className="panel-stale-note" role="status">
          {t('wall.stale')}
        </p>
      )}
      <div className="panel-body">{props.children}</div>
    </section>
  );
}

/** A big number with its label; a status shape (▲ ●) beside colour, so it reads without colour. */
export function Kpi(props: {
  label: string;
  value: number | null | undefined;
  format?: 'number' | 'percent';
  tone?: 'alert' | 'warn' | 'ok';
  testId?: string;
  onClick?: () => void;
}) {
  const locale = useContext(LocaleContext);
  const v =
    props.value === null || props.value === undefined
      ? '–'
      : props.format === 'percent'
        ? `${formatNumber(locale, props.value * 100, { maximumFractionDigits: 1 })}\u00a0%`
        : formatNumber(locale, props.value);
  const shape = props.tone === 'alert' ? '▲ ' : props.tone === 'warn' ? '● ' : '';
  const Tag = props.onClick ? 'button' : 'div';
  return (
    <Tag
      className={`kpi kpi-${props.tone ?? 'plain'}`}
      onClick={props.onClick}
      type={props.onClick ? 'button' : undefined}
    >
      <div className="kpi-value" data-testid={props.testId}>
        {shape}
        {v}
      </div>
      <div className="kpi-label">{props.label}</div>
    </Tag>
  );
}
