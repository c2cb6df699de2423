/**
 * Structural diffs between JSON snapshots, for the live protocol. A diff is a list of operations at
 * object paths; arrays are replaced whole (live arrays are short: rankings, tickers, series), objects
 * are diffed key by key. `applyDiff(a, diff(a, b))` deep-equals `b`, and a snapshot equals the fold of
 * its diffs from the empty object.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export type DiffOp = { op: 'set'; path: string[]; value: Json } | { op: 'del'; path: string[] };
export type Diff = DiffOp[];

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Deep equality for JSON values. */
export function jsonEqual(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
  }
  return false;
}

/** The operations that turn `before` into `after` (both objects). Empty when they are equal. */
export function diffJson(before: JsonObject, after: JsonObject, path: string[] = []): Diff {
  const ops: Diff = [];
  for (const key of Object.keys(before)) {
    if (!Object.hasOwn(after, key)) ops.push({ op: 'del', path: [...path, key] });
  }
  for (const [key, value] of Object.entries(after)) {
    const prior = before[key];
    if (Object.hasOwn(before, key) && jsonEqual(prior, value)) continue;
    if (isObject(prior) && isObject(value)) ops.push(...diffJson(prior, value, [...path, key]));
    else ops.push({ op: 'set', path: [...path, key], value });
  }
  return ops;
}

/** Returns a new object with `diff` applied; throws when a path runs through a non-object (a bad diff). */
export function applyDiff(state: JsonObject, diff: Diff): JsonObject {
  const root: JsonObject = structuredClone(state);
  for (const op of diff) {
    if (op.path.length === 0) throw new Error('diff op with an empty path');
    let node: JsonObject = root;
    for (const key of op.path.slice(0, -1)) {
      const next = node[key];
      if (next === undefined && op.op === 'set') {
        const created: JsonObject = {};
        node[key] = created;
        node = created;
      } else if (isObject(next)) {
        node = next;
      } else {
        throw new Error(`diff path ${op.path.join('.')} runs through a non-object`);
      }
    }
    const last = op.path[op.path.length - 1]!;
    if (op.op === 'set') node[last] = structuredClone(op.value);
    else delete node[last];
  }
  return root;
}
