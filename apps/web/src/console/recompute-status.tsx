import type { RecomputeStatusView } from '@pantau/contracts/api';
import { useContext, useEffect, useState } from 'react';
import { formatClock, LocaleContext, useT } from '../i18n/index.ts';
import { apiRequest } from '../api/client.ts';

type RecomputeStatus = RecomputeStatusView;

/**
 * After a change of the rules or the calendar every open deadline is recomputed (a durable job some node
 * finishes): until it is done, the console says so, so nobody trusts a deadline that is about to move.
 */
export function RecomputeBanner(props: { timeZone: string; tzLabel: string }) {
  const t = useT();
  const locale = useContext(LocaleContext);
  const [status, setStatus] = useState<RecomputeStatus | null>(null);
  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      try {
        const res = await apiRequest('GET /api/status/recompute');
        if (!stopped && res.ok) setStatus(await res.json());
      } catch {
        // Unreachable: the connection state says so elsewhere.
      }
    };
    void poll();
    const timer = setInterval(() => void poll(), 4000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, []);
  if (!status?.inProgress) return null;
  const since = status.since ? formatClock(locale, new Date(status.since), props.timeZone, props.tzLabel) : '';
  return (
    <p className="cs-notice cal-due" role="status" data-testid="recompute-banner">
      {t('console.recompute').replace('{since}', since)}
    </p>
  );
}
