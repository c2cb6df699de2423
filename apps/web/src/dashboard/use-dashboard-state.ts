import { useCallback, useEffect, useState } from 'react';
import { dashboardSearch, parseDashboard, type DashboardState } from './dashboard-state.ts';

/**
 * The dashboard state bound to the address bar: every change is a history entry (so Back undoes a
 * drilldown), and Back/Forward re-read the URL.
 */
export function useDashboardState(): [DashboardState, (next: DashboardState) => void] {
  const [state, setState] = useState(() => parseDashboard(window.location.search));
  useEffect(() => {
    const onPop = () => setState(parseDashboard(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((next: DashboardState) => {
    const url = `${window.location.pathname}${dashboardSearch(next)}`;
    if (url !== `${window.location.pathname}${window.location.search}`) window.history.pushState(null, '', url);
    setState(next);
  }, []);
  return [state, navigate];
}
