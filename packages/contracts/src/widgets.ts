import { z } from 'zod';
import { opdId } from './common.ts';
import { RESTRICTED_KINDS, WIDGET_KINDS, type WidgetKind } from './constants.ts';
import { publicPeriod, publicScope } from './public.ts';

/**
 * Embeddable widgets (`/embed/<kind>?<options>`): server-rendered HTML with SVG charts. Every kind but
 * `late` is public (aggregates, small counts suppressed); `late` shows an OPD's open overdue and at-risk
 * counts and needs a signed token scoped to it.
 */
export { RESTRICTED_KINDS, WIDGET_KINDS, type WidgetKind };
export const widgetKind = z.enum(WIDGET_KINDS);

export const widgetOptions = z.strictObject({
  scope: publicScope.default('province'),
  period: publicPeriod.default('month'),
  lang: z.enum(['id', 'en']).default('id'),
  theme: z.enum(['light', 'dark', 'auto']).default('auto'),
  size: z.enum(['normal', 'compact']).default('normal'),
  /** A hex colour for the figures and series, with or without `#` (write `%23` in a URL). */
  accent: z
    .string()
    .regex(/^#?[0-9a-fA-F]{6}$/, 'expected a hex colour like 0b6e4f')
    .transform((v) => `#${v.replace('#', '').toLowerCase()}`)
    .optional(),
  /**
   * The host page's font stack (the loader passes the font of the element the widget sits in unless
   * `data-font` says otherwise): names, quotes, commas and spaces only. A font the host loads as a web
   * font is not inside the widget's frame; the widget falls back to the system font after it.
   */
  font: z
    .string()
    .trim()
    .max(200)
    .regex(/^[A-Za-z0-9 ,'"_-]+$/, 'expected a font list like Georgia, serif')
    .optional(),
  /** Refresh the figures while the page stays open. */
  live: z.enum(['0', '1']).default('0'),
  token: z.string().min(10).max(2000).optional(),
});
export type WidgetOptions = z.infer<typeof widgetOptions>;

/** An admin issues a restricted-widget token for exact kinds and OPDs, for a lifetime it renews itself in. */
export const embedTokenRequest = z.strictObject({
  label: z.string().trim().min(3).max(120),
  kinds: z.array(widgetKind).min(1).max(WIDGET_KINDS.length),
  opds: z.array(opdId).min(1).max(100),
  /** The token's lifetime; a page renews it before it runs out, until it is revoked. */
  ttlMinutes: z
    .number()
    .int()
    .min(5)
    .max(60 * 24 * 365)
    .default(60 * 24),
  /**
   * The sites (origins such as `https://dinkes.kalteng.go.id`) a long-lived site key may be used from.
   * Given, the answer carries a site key for the loader line (`data-key`): each page view trades it for
   * a token of `ttlMinutes`, so a static page keeps working for new visitors.
   */
  origins: z
    .array(
      z.string().regex(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/, 'expected an origin like https://dinkes.kalteng.go.id'),
    )
    .max(20)
    .default([]),
  /** How long the site key lives (days); it can be revoked at any time. */
  siteKeyDays: z.number().int().min(1).max(3650).default(365),
});
export type EmbedTokenRequest = z.infer<typeof embedTokenRequest>;

/** `POST /embed/token/issue`: a page view's short-lived token for a site key, from an allowed origin. */
export const embedSiteKeyRequest = z.strictObject({
  key: z.string().regex(/^ek_[A-Za-z0-9_-]{20,80}$/, 'expected a site key'),
});

export const embedTokenRenewal = z.strictObject({ token: z.string().min(10).max(2000) });

/** A restricted-widget token as `GET /api/widgets/tokens` lists it (never the token itself). */
export interface EmbedTokenView {
  id: string;
  label: string;
  kinds: string[];
  opds: string[];
  ttlMinutes: number;
  issuedBy: string;
  issuedAt: string;
  lastRenewedAt: string | null;
  revokedAt: string | null;
  /** The site origins a site key may be used from (empty: no site key). */
  origins: string[];
  siteKeyExpiresAt: string | null;
}
