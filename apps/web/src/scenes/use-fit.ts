import { useLayoutEffect, useRef, useState } from 'react';

/**
 * How many rows of a list fit in its panel without being cut off. All rows are rendered, measured before
 * paint, and the ones that would cross the bottom of the panel's body are dropped (leaving room for a
 * "+N lainnya" line when some are), so nothing on a wall is ever clipped. Re-measures when the rows or the
 * panel's size change.
 */
export function useFit<T extends HTMLElement>(
  total: number,
  key: string,
): { ref: React.RefObject<T | null>; fit: number } {
  const ref = useRef<T | null>(null);
  const [fit, setFit] = useState<number | null>(null);
  const [size, setSize] = useState(0);

  useLayoutEffect(() => {
    const body = ref.current?.closest('.panel-body');
    if (!body || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setSize(body.getBoundingClientRect().height));
    observer.observe(body);
    return () => observer.disconnect();
  }, []);

  // New rows or a new size: render everything once more and measure again (before paint, no flicker).
  useLayoutEffect(() => setFit(null), [total, key, size]);

  useLayoutEffect(() => {
    if (fit !== null) return;
    const list = ref.current;
    const body = list?.closest('.panel-body');
    if (!list || !body) return setFit(total);
    const limit = body.getBoundingClientRect().bottom;
    const rows = [...list.children] as HTMLElement[];
    let n = 0;
    while (n < rows.length && rows[n]!.getBoundingClientRect().bottom <= limit + 0.5) n++;
    if (n < rows.length) {
      // Room for the "+N lainnya" line: one row's height.
      const line = rows[0]!.getBoundingClientRect().height;
      while (n > 0 && rows[n - 1]!.getBoundingClientRect().bottom > limit - line) n--;
    }
    setFit(n);
  }, [fit, total]);

  return { ref, fit: fit ?? total };
}
