import { kalbar } from './packs/kalbar.ts';
import { kalsel } from './packs/kalsel.ts';
import { kalteng } from './packs/kalteng.ts';
import { provincePackSchema, type ProvincePack, type ProvincePackInput } from './schema.ts';

export * from './schema.ts';

/** The raw pack data, before validation (tests parse each one). */
export const packSources: Readonly<Record<string, ProvincePackInput>> = { kalteng, kalsel, kalbar };

/** The province Pantau runs for when `PANTAU_PROVINCE` is unset: the Smart Province building is in Kalteng. */
export const DEFAULT_PROVINCE = 'kalteng';

export const provinceSlugs = Object.keys(packSources);

/** Returns the validated pack for a slug; throws with the schema's message when the data is wrong. */
export function loadProvincePack(slug: string): ProvincePack {
  const source = packSources[slug];
  if (!source) throw new Error(`unknown province "${slug}" (known: ${provinceSlugs.join(', ')})`);
  return provincePackSchema.parse(source);
}
