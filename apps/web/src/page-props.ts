/** What every top-level page gets from the app shell (kept apart so pages do not import the shell). */
export interface PageProps {
  onToggleLocale: () => void;
}
