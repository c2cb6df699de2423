import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyDiff, diffJson, type JsonObject } from './diff.ts';

const jsonObject = fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 3 }), {
  maxKeys: 6,
}) as fc.Arbitrary<JsonObject>;

describe('live diffs', () => {
  it('applying the diff of two snapshots to the first yields the second', () => {
    fc.assert(
      fc.property(jsonObject, jsonObject, (a, b) => {
        const normalized = (o: JsonObject) => JSON.parse(JSON.stringify(o)) as JsonObject;
        const [na, nb] = [normalized(a), normalized(b)];
        expect(applyDiff(na, diffJson(na, nb))).toEqual(nb);
      }),
    );
  });

  it('a snapshot equals the fold of its successive diffs from the empty state', () => {
    fc.assert(
      fc.property(fc.array(jsonObject, { minLength: 1, maxLength: 6 }), (states) => {
        const snaps = states.map((s) => JSON.parse(JSON.stringify(s)) as JsonObject);
        let folded: JsonObject = {};
        let prev: JsonObject = {};
        for (const s of snaps) {
          folded = applyDiff(folded, diffJson(prev, s));
          prev = s;
        }
        expect(folded).toEqual(snaps[snaps.length - 1]);
      }),
    );
  });

  it('equal snapshots produce an empty diff', () => {
    expect(diffJson({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toEqual([]);
  });

  it('diffs nested objects key by key and replaces arrays whole', () => {
    const d = diffJson({ k: { open: 3, late: 1 }, top: [1, 2] }, { k: { open: 4, late: 1 }, top: [2, 1] });
    expect(d).toEqual([
      { op: 'set', path: ['k', 'open'], value: 4 },
      { op: 'set', path: ['top'], value: [2, 1] },
    ]);
  });

  it('rejects a diff whose path runs through a number', () => {
    expect(() => applyDiff({ a: 1 }, [{ op: 'set', path: ['a', 'b'], value: 2 }])).toThrow(/non-object/);
  });
});
