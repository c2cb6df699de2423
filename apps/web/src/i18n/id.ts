/** Bahasa Indonesia — the default locale. Every key here must exist in `en.ts` (the type enforces it). */
import { notificationsId } from './notifications.ts';
import { reportsId } from './reports.ts';
import { consoleId } from './console.ts';
import { dashboardId } from './dashboard.ts';
import { wallId } from './wall.ts';
import { widgetsId } from './widgets.ts';

export const id = {
  ...wallId,
  ...dashboardId,
  ...consoleId,
  ...notificationsId,
  ...reportsId,
  ...widgetsId,
  'app.name': 'Pantau',
  'app.tagline': 'Pusat Komando Provinsi Cerdas',
  'nav.wall': 'Dinding Layar',
  'nav.dashboard': 'Dasbor',
  'nav.console': 'Konsol Petugas',
  'nav.embed': 'Widget Publik',
  'dashboard.placeholder': 'Dasbor interaktif dengan penelusuran per OPD akan tampil di sini.',
  'status.loading': 'Memuat…',
  'status.offline': 'Server tidak terjangkau',
  'notFound.title': 'Halaman tidak ditemukan',
  'locale.switch': 'English',
  'connection.connecting': 'Menyambungkan…',
  'connection.syncing': 'Menyelaraskan data…',
  'connection.live': 'Langsung',
  'connection.stale': 'Data tertunda',
  'connection.offline': 'Terputus — mencoba lagi',
} as const;

export type MessageKey = keyof typeof id;
