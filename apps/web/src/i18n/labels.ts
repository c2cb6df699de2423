import { codeLabel, LABELS, type LabelGroup } from '@pantau/contracts/labels';
import { useCallback, useContext } from 'react';
import { LocaleContext, type Locale } from './index.ts';

// Labels for the wire's codes, from the one catalog in contracts (the server's exports read it too).

export type { LabelGroup };

/** The label of a code, or the code humanised when the catalog has none. */
export function labelOf(locale: Locale, group: LabelGroup, code: string | null | undefined): string {
  return codeLabel(locale, group, code);
}

/** The codes a group knows, for tests that every code on the wire has a label. */
export function knownCodes(locale: Locale, group: LabelGroup): string[] {
  return Object.keys(LABELS[locale][group]);
}

export function useLabel(): (group: LabelGroup, code: string | null | undefined) => string {
  const locale = useContext(LocaleContext);
  return useCallback((group, code) => labelOf(locale, group, code), [locale]);
}
