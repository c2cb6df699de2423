import type { ProvincePackInput } from '../schema.ts';

type OpdInput = ProvincePackInput['opds'][number];
type SocialInput = ProvincePackInput['socialAccounts'][number];

/** `[shortName, name, type, aliases?, activeFrom?]`: compact rows that expand to OPD records. */
export type OpdRow = [string, string, OpdInput['type'], string[]?, string?];

const kebab = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export function opds(slug: string, rows: OpdRow[]): OpdInput[] {
  return rows.map(([shortName, name, type, aliases, activeFrom]) => ({
    id: `${slug}.${kebab(shortName)}`,
    name,
    shortName,
    type,
    aliases: aliases ?? [],
    ...(activeFrom ? { activeFrom } : {}),
  }));
}

const SECOND_PLATFORM: SocialInput['platform'][] = ['facebook', 'x', 'youtube', 'tiktok'];

/**
 * Invented demo accounts (demo: true) so the simulator can feed the social stream: an Instagram account
 * for every OPD and one more platform each. Real accounts, with the SK that designates them, replace these.
 */
export function demoSocialAccounts(slug: string, list: OpdInput[]): SocialInput[] {
  return list.flatMap((o, i) => {
    const base = `${kebab(o.shortName).replaceAll('-', '')}.${slug}`;
    return [
      { opdId: o.id, platform: 'instagram' as const, handle: `${base}.demo`, demo: true },
      { opdId: o.id, platform: SECOND_PLATFORM[i % SECOND_PLATFORM.length]!, handle: `${base}_demo`, demo: true },
    ];
  });
}
