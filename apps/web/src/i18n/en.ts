import { notificationsEn } from './notifications.ts';
import { reportsEn } from './reports.ts';
import { consoleEn } from './console.ts';
import { dashboardEn } from './dashboard.ts';
import type { MessageKey } from './id.ts';
import { wallEn } from './wall.ts';
import { widgetsEn } from './widgets.ts';

/** English — the second locale. */
export const en: Record<MessageKey, string> = {
  ...wallEn,
  ...dashboardEn,
  ...consoleEn,
  ...notificationsEn,
  ...reportsEn,
  ...widgetsEn,
  'app.name': 'Pantau',
  'app.tagline': 'Smart Province Command Center',
  'nav.wall': 'Video Wall',
  'nav.dashboard': 'Dashboard',
  'nav.console': 'Duty Console',
  'nav.embed': 'Public Widgets',
  'dashboard.placeholder': 'The interactive dashboard with per-OPD drilldowns will appear here.',
  'status.loading': 'Loading…',
  'status.offline': 'Server unreachable',
  'notFound.title': 'Page not found',
  'locale.switch': 'Bahasa Indonesia',
  'connection.connecting': 'Connecting…',
  'connection.syncing': 'Synchronising…',
  'connection.live': 'Live',
  'connection.stale': 'Data delayed',
  'connection.offline': 'Disconnected — retrying',
};
