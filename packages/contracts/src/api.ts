import { z } from 'zod';
import { annotationRequest, type AnnotationView } from './annotations.ts';
import {
  calendarDayAddRequest,
  calendarDayMoveRequest,
  calendarDayRemoveRequest,
  calendarYearLoadRequest,
  type CalendarEditResult,
  type CalendarYearView,
} from './calendar.ts';
import { complaintActionRequest, complaintListQuery } from './complaint-requests.ts';
import { complaintIngestBatch, walkInComplaint } from './complaints.ts';
import {
  auditQuery,
  loginRequest,
  newDeviceRequest,
  newUserRequest,
  passwordChange,
  sessionResponse,
  userPatch,
  worklistAssignRequest,
  worklistQuery,
  type SessionResponse,
} from './console.ts';
import {
  notificationDeliveryQuery,
  notificationSubscriptionBody,
  type NotificationDeliveryView,
  type NotificationSubscriptionView,
} from './notifications.ts';
import {
  ppidActionRequest,
  ppidIngestBatch,
  ppidKpiQuery,
  ppidKpis,
  ppidOpdQuery,
  ppidRecordRequest,
  type PpidKpis,
} from './ppid.ts';
import {
  leadershipReportQuery,
  ppidAnnualReportQuery,
  reportScheduleBody,
  type ReportScheduleView,
} from './reports.ts';
import { complaintSettingsBody, type ComplaintSettingsView } from './settings.ts';
import { socialInteractionAction } from './social-actions.ts';
import { socialIngestBatch, socialKpiQuery, socialKpis, type SocialKpis } from './social.ts';
import { ingestHeartbeat, smsMessage, sourceKeyRequest, type SourcesView } from './sources.ts';
import type {
  AuditRow,
  CaseDetail,
  ComplaintListRow,
  ConsoleUser,
  HandoverGroup,
  LadderLevelView,
  WallDevice,
  WallScreenChoice,
  WorklistItem,
} from './views.ts';
import { playlistScreen, wallPlaylistRequest, wallShowRequest, type WallPlaylistView } from './wall.ts';
import {
  embedSiteKeyRequest,
  embedTokenRenewal,
  embedTokenRequest,
  widgetOptions,
  type EmbedTokenView,
} from './widgets.ts';

/**
 * The HTTP API, one row per route: who may call it, what it takes and what it answers. The server's
 * OpenAPI document is generated from this table, the web's typed client reads its types from it, and a
 * test holds it equal to the routes the server actually serves, so neither can drift from the other.
 *
 * Keys are Hono's own route keys (`METHOD /path/:param`). A response is either a zod schema (described in
 * the OpenAPI document) or a type only (`reply<T>()`), for answers assembled from database rows.
 */

/** How a caller proves who it is (each is a security scheme of the OpenAPI document). */
export type ApiAuth = 'public' | 'session' | 'source' | 'device' | 'metrics' | 'widget';
export type ApiTag = 'public' | 'widgets' | 'ingest' | 'console' | 'wall' | 'reports' | 'operations';
export type ApiMedia = 'json' | 'csv' | 'pdf' | 'html' | 'javascript' | 'text';

export interface ApiRoute<Res = unknown> {
  summary: string;
  tag: ApiTag;
  auth: ApiAuth;
  query?: z.ZodType;
  body?: z.ZodType;
  /** A schema of the success answer, when the wire has one. */
  response?: z.ZodType;
  /** @default 200 */
  status?: 200 | 201 | 204 | 302;
  /** @default 'json' */
  media?: ApiMedia;
  /** Only carries the success answer's type to the client; never set at run time. */
  readonly __reply?: Res;
}

/** A route whose answer is typed (with or without a runtime schema); its schemas keep their own types. */
const reply =
  <Res>() =>
  <const R extends Omit<ApiRoute<Res>, '__reply'>>(r: R): R & { readonly __reply?: Res } =>
    r;
const route = <const R extends ApiRoute>(r: R): R => r;

// Small answers and queries that only the API table names.
export interface CalendarStatusView {
  timeZone: string;
  loadedYears: number[];
  holidays: number;
  warnings: Array<{ kind: 'calendar_year_missing'; year: number; message: string }>;
}
export interface RecomputeStatusView {
  inProgress: boolean;
  since: string | null;
}
export interface AssigneeView {
  id: string;
  displayName: string;
  role: string;
}
export interface AuditPage {
  entries: AuditRow[];
  nextBefore: number | null;
}
export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBroken?: { seq: number; reason: string };
}
export interface WorklistPage {
  items: WorklistItem[];
  total: number;
}
export interface WorklistGroup {
  opdId: string | null;
  total: number;
  overdue: number;
  atRisk: number;
}
/** The answer of `POST /api/worklist/assign`. */
export interface AssignedView {
  assigneeId: string | null;
  assigneeName: string | null;
}
export interface NotificationSubscriptionAnswer {
  subscription: NotificationSubscriptionView | null;
  ladder: LadderLevelView[];
}

const opdFilter = z.object({ opd: z.string().optional() });
/** `province`, `opd:<id>`, `regency:<code>` (with the province's), or `all` (every scope: the console's list). */
const annotationsQuery = z.object({ scope: z.string().optional() });
const playlistQuery = z.object({ screen: playlistScreen.optional() });
const deliveredKey = z.object({ id: z.string(), key: z.string() });

export const API = {
  // Operations
  'GET /healthz': route({ summary: 'Liveness: the process answers', tag: 'operations', auth: 'public' }),
  'GET /readyz': route({
    summary: 'Readiness: the database is reachable and this node takes traffic',
    tag: 'operations',
    auth: 'public',
  }),
  'GET /metrics': route({ summary: 'Prometheus metrics', tag: 'operations', auth: 'metrics', media: 'text' }),
  'GET /api/status/recompute': reply<RecomputeStatusView>()({
    summary: 'Whether open deadlines are being recomputed after a rule or calendar change',
    tag: 'operations',
    auth: 'public',
  }),
  'GET /api/province': route({
    summary: "The province pack's names: OPDs, kabupaten/kota, time zone",
    tag: 'public',
    auth: 'public',
  }),
  'GET /api/openapi.json': route({ summary: 'This document', tag: 'operations', auth: 'public' }),

  // Sign-in and people
  'POST /api/auth/login': reply<SessionResponse>()({
    summary: 'Sign in with a username and password (sets the session cookie)',
    tag: 'console',
    auth: 'public',
    body: loginRequest,
    response: sessionResponse,
  }),
  'GET /api/auth/session': reply<SessionResponse>()({
    summary: 'The signed-in person and the CSRF token for mutations',
    tag: 'console',
    auth: 'session',
    response: sessionResponse,
  }),
  'POST /api/auth/logout': route({ summary: 'Sign out', tag: 'console', auth: 'session' }),
  'POST /api/auth/password': route({
    summary: 'Change your own password',
    tag: 'console',
    auth: 'session',
    body: passwordChange,
  }),
  'GET /api/users': reply<{ users: ConsoleUser[] }>()({ summary: 'Console users', tag: 'console', auth: 'session' }),
  'POST /api/users': reply<{ oneTimePassword: string }>()({
    summary: 'Add a console user (answers a one-time password)',
    tag: 'console',
    auth: 'session',
    body: newUserRequest,
    status: 201,
  }),
  'PATCH /api/users/:id': route({
    summary: 'Change a user’s name, role, OPD or disable them',
    tag: 'console',
    auth: 'session',
    body: userPatch,
  }),
  'POST /api/users/:id/reset-password': reply<{ oneTimePassword: string }>()({
    summary: 'Reset a user’s password to a new one-time password',
    tag: 'console',
    auth: 'session',
  }),
  'GET /api/audit': reply<AuditPage>()({
    summary: 'The audit trail, newest first',
    tag: 'console',
    auth: 'session',
    query: auditQuery,
  }),
  'POST /api/audit/verify': reply<AuditVerification>()({
    summary: 'Verify the audit trail’s hash chain',
    tag: 'console',
    auth: 'session',
  }),

  // Notifications
  'GET /api/notifications/subscription': reply<NotificationSubscriptionAnswer>()({
    summary: 'Your own notification subscription and the escalation ladder',
    tag: 'console',
    auth: 'session',
  }),
  'PUT /api/notifications/subscription': reply<NotificationSubscriptionAnswer>()({
    summary: 'Save your own notification subscription',
    tag: 'console',
    auth: 'session',
    body: notificationSubscriptionBody,
  }),
  'GET /api/notifications/subscriptions': reply<{
    subscriptions: NotificationSubscriptionView[];
    ladder: LadderLevelView[];
  }>()({ summary: 'Everyone’s notification subscriptions', tag: 'console', auth: 'session' }),
  'PUT /api/notifications/subscriptions/:userId': reply<NotificationSubscriptionAnswer>()({
    summary: 'Save a user’s notification subscription',
    tag: 'console',
    auth: 'session',
    body: notificationSubscriptionBody,
  }),
  'GET /api/notifications/deliveries': reply<{ deliveries: NotificationDeliveryView[]; nextBefore: number | null }>()({
    summary: 'The notification delivery log, newest first',
    tag: 'console',
    auth: 'session',
    query: notificationDeliveryQuery,
  }),

  // Reports
  'GET /api/reports/leadership.pdf': route({
    summary: 'The leadership report for a period, as PDF',
    tag: 'reports',
    auth: 'session',
    query: leadershipReportQuery,
    media: 'pdf',
  }),
  'GET /api/reports/ppid-annual.pdf': route({
    summary: 'The annual PPID report (UU 14/2008) for a year, as PDF',
    tag: 'reports',
    auth: 'session',
    query: ppidAnnualReportQuery,
    media: 'pdf',
  }),
  'GET /api/reports/schedules': reply<{ schedules: ReportScheduleView[] }>()({
    summary: 'Scheduled report mailings',
    tag: 'reports',
    auth: 'session',
  }),
  'POST /api/reports/schedules': route({
    summary: 'Schedule a weekly or monthly report mailing',
    tag: 'reports',
    auth: 'session',
    body: reportScheduleBody,
    status: 201,
  }),
  'PUT /api/reports/schedules/:id': route({
    summary: 'Change a scheduled report mailing',
    tag: 'reports',
    auth: 'session',
    body: reportScheduleBody,
  }),
  'DELETE /api/reports/schedules/:id': route({
    summary: 'Stop a scheduled report mailing',
    tag: 'reports',
    auth: 'session',
  }),

  // The wall
  'GET /api/wall/whoami': reply<WallDevice>()({
    summary: 'The wall screen a device token belongs to',
    tag: 'wall',
    auth: 'device',
  }),
  'GET /api/devices': reply<{ devices: WallDevice[] }>()({ summary: 'Wall screens', tag: 'wall', auth: 'session' }),
  'POST /api/devices': reply<{ id: string; name: string; token: string; url: string }>()({
    summary: 'Register a wall screen (answers its one-time URL with the device token)',
    tag: 'wall',
    auth: 'session',
    body: newDeviceRequest,
    status: 201,
  }),
  'DELETE /api/devices/:id': route({ summary: 'Revoke a wall screen', tag: 'wall', auth: 'session' }),
  'GET /api/wall/screens': reply<{ screens: WallScreenChoice[] }>()({
    summary: 'Active wall screens to send a view to',
    tag: 'wall',
    auth: 'session',
  }),
  'POST /api/wall/screens/:id/show': route({
    summary: 'Show a scene (and an OPD or kabupaten/kota) on a wall screen',
    tag: 'wall',
    auth: 'session',
    body: wallShowRequest,
  }),
  'DELETE /api/wall/screens/:id/show': route({
    summary: 'Give a wall screen back to its rotation',
    tag: 'wall',
    auth: 'session',
  }),
  'GET /api/wall/playlists': route({ summary: 'Every screen’s scene rotation', tag: 'wall', auth: 'session' }),
  'GET /api/wall/playlist': reply<WallPlaylistView | { entries: null }>()({
    summary: 'One screen’s scene rotation (`*`: the default)',
    tag: 'wall',
    auth: 'session',
    query: playlistQuery,
  }),
  'PUT /api/wall/playlist': reply<WallPlaylistView>()({
    summary: 'Set a screen’s scene rotation',
    tag: 'wall',
    auth: 'session',
    body: wallPlaylistRequest,
  }),
  'DELETE /api/wall/playlist': route({
    summary: 'Drop a screen’s own rotation (it follows the default again)',
    tag: 'wall',
    auth: 'session',
    query: playlistQuery,
  }),
  'GET /api/annotations': reply<{ annotations: AnnotationView[] }>()({
    summary: 'Annotations on the trends of a scope',
    tag: 'wall',
    auth: 'session',
    query: annotationsQuery,
  }),
  'POST /api/annotations': reply<AnnotationView>()({
    summary: 'Mark an event (a flood, a policy, an outage) on the trends',
    tag: 'wall',
    auth: 'session',
    body: annotationRequest,
    status: 201,
  }),
  'DELETE /api/annotations/:id': reply<AnnotationView>()({
    summary: 'Remove a mistaken annotation (an automatic outage note closes by itself)',
    tag: 'wall',
    auth: 'session',
  }),

  // Sources and ingest
  'GET /api/sources': reply<SourcesView>()({
    summary: 'Sources, their keys and freshness, and the connectors',
    tag: 'ingest',
    auth: 'session',
  }),
  'POST /api/sources': reply<z.infer<typeof deliveredKey>>()({
    summary: 'Issue a source key (shown once)',
    tag: 'ingest',
    auth: 'session',
    body: sourceKeyRequest,
    response: deliveredKey,
    status: 201,
  }),
  'DELETE /api/sources/:id/key': route({ summary: 'Revoke a source key', tag: 'ingest', auth: 'session' }),
  'POST /api/sources/connectors/:kind/:id/pause': route({
    summary: 'Pause a connector',
    tag: 'ingest',
    auth: 'session',
  }),
  'POST /api/sources/connectors/:kind/:id/resume': route({
    summary: 'Resume a connector',
    tag: 'ingest',
    auth: 'session',
  }),
  'POST /api/ingest/complaints': route({
    summary: 'Complaint events from a source (JSON batch or CSV), exactly once by source id',
    tag: 'ingest',
    auth: 'source',
    body: complaintIngestBatch,
  }),
  'POST /api/ingest/heartbeat': route({
    summary: 'A source says it is alive with nothing to send',
    tag: 'ingest',
    auth: 'source',
    body: ingestHeartbeat,
  }),
  'POST /api/ingest/sms': route({
    summary: 'LAPORPAMAN text messages from the SMS gateway',
    tag: 'ingest',
    auth: 'source',
    body: smsMessage,
  }),
  'POST /api/ingest/ppid': route({
    summary: 'Public-information request events from a source',
    tag: 'ingest',
    auth: 'source',
    body: ppidIngestBatch,
  }),
  'POST /api/ingest/social': route({
    summary: 'Social-media posts, comments and statistics from a source',
    tag: 'ingest',
    auth: 'source',
    body: socialIngestBatch,
  }),

  // PPID
  'GET /api/ppid/requests/:id': reply<CaseDetail>()({
    summary: 'One public-information request with its timeline',
    tag: 'console',
    auth: 'session',
  }),
  'POST /api/ppid/requests/:id/actions': route({
    summary: 'Act on a public-information request (note, extend, decide…)',
    tag: 'console',
    auth: 'session',
    body: ppidActionRequest,
  }),
  'POST /api/ppid/requests/:id/record': route({
    summary: 'Record a step taken outside Pantau (delivered, objection…)',
    tag: 'console',
    auth: 'session',
    body: ppidRecordRequest,
  }),
  'GET /api/ppid/kpis': reply<PpidKpis>()({
    summary: 'PPID performance figures for a period',
    tag: 'console',
    auth: 'session',
    query: ppidKpiQuery,
    response: ppidKpis,
  }),
  'GET /api/ppid/report.csv': route({
    summary: 'PPID register for a period, as CSV',
    tag: 'reports',
    auth: 'session',
    query: ppidKpiQuery,
    media: 'csv',
  }),
  'GET /api/ppid/dip': route({
    summary: 'An OPD’s list of public information (DIP)',
    tag: 'console',
    auth: 'session',
    query: ppidOpdQuery,
  }),
  'GET /api/ppid/monev': route({
    summary: 'An OPD’s self-assessment for the Komisi Informasi’s monitoring',
    tag: 'console',
    auth: 'session',
    query: ppidOpdQuery,
  }),

  // Complaints
  'GET /api/complaints/settings': reply<ComplaintSettingsView>()({
    summary: 'The complaint deadline rules, escalation ladder and LAPOR labels in force',
    tag: 'console',
    auth: 'session',
  }),
  'PUT /api/complaints/settings': reply<ComplaintSettingsView>()({
    summary: 'Change the complaint rules (open deadlines are recomputed)',
    tag: 'console',
    auth: 'session',
    body: complaintSettingsBody,
  }),
  'GET /api/complaints': reply<{ items: ComplaintListRow[]; nextCursor: string | null }>()({
    summary: 'Complaints behind a figure, filtered and paged',
    tag: 'console',
    auth: 'session',
    query: complaintListQuery,
  }),
  'GET /api/complaints.csv': route({
    summary: 'Complaints behind a figure, as CSV',
    tag: 'reports',
    auth: 'session',
    query: complaintListQuery,
    media: 'csv',
  }),
  'GET /api/complaints/:id': reply<CaseDetail>()({
    summary: 'One complaint with its timeline',
    tag: 'console',
    auth: 'session',
  }),
  'POST /api/complaints/:id/actions': reply<{ version?: number }>()({
    summary: 'Act on a complaint (note, escalate, forward…)',
    tag: 'console',
    auth: 'session',
    body: complaintActionRequest,
  }),
  'POST /api/complaints/walk-in': reply<{ id: string; trackingId: string }>()({
    summary: 'Register a complaint brought in person or by telephone',
    tag: 'console',
    auth: 'session',
    body: walkInComplaint,
    status: 201,
  }),

  // The worklist
  'GET /api/worklist': reply<WorklistPage>()({
    summary: 'The live worklist: what needs action, most urgent first',
    tag: 'console',
    auth: 'session',
    query: worklistQuery,
  }),
  'GET /api/worklist/groups': reply<{ groups: WorklistGroup[] }>()({
    summary: 'The worklist counted by group',
    tag: 'console',
    auth: 'session',
    query: worklistQuery,
  }),
  'GET /api/worklist.csv': route({
    summary: 'The worklist, as CSV',
    tag: 'reports',
    auth: 'session',
    query: worklistQuery,
    media: 'csv',
  }),
  'POST /api/worklist/assign': reply<AssignedView>()({
    summary: 'Take an item or give it to someone',
    tag: 'console',
    auth: 'session',
    body: worklistAssignRequest,
  }),
  'GET /api/worklist/assignees': reply<{ people: AssigneeView[] }>()({
    summary: 'The people an item can be given to',
    tag: 'console',
    auth: 'session',
    query: opdFilter,
  }),
  'GET /api/worklist/handover': reply<{ groups: HandoverGroup[] }>()({
    summary: 'Shift handover: what each person owns that is still open',
    tag: 'console',
    auth: 'session',
    query: opdFilter,
  }),

  // Social media
  'POST /api/social/interactions/:id/actions': route({
    summary: 'Act on a comment (answer, hoax, clarified…)',
    tag: 'console',
    auth: 'session',
    body: socialInteractionAction,
  }),
  'GET /api/social/kpis': reply<SocialKpis>()({
    summary: 'Social-media figures for a period',
    tag: 'console',
    auth: 'session',
    query: socialKpiQuery,
    response: socialKpis,
  }),

  // The working-day calendar
  'GET /api/calendar/status': reply<CalendarStatusView>()({
    summary: 'Which calendar years are loaded and which are due',
    tag: 'console',
    auth: 'session',
  }),
  'GET /api/calendar/years/:year': reply<CalendarYearView>()({
    summary: 'One year’s national holidays and cuti bersama',
    tag: 'console',
    auth: 'session',
  }),
  'POST /api/calendar/days': reply<CalendarEditResult>()({
    summary: 'Add a holiday or cuti bersama (with its decree)',
    tag: 'console',
    auth: 'session',
    body: calendarDayAddRequest,
  }),
  'POST /api/calendar/days/remove': reply<CalendarEditResult>()({
    summary: 'Remove a holiday',
    tag: 'console',
    auth: 'session',
    body: calendarDayRemoveRequest,
  }),
  'POST /api/calendar/days/move': reply<CalendarEditResult>()({
    summary: 'Move a holiday to another date',
    tag: 'console',
    auth: 'session',
    body: calendarDayMoveRequest,
  }),
  'POST /api/calendar/years': reply<CalendarEditResult>()({
    summary: 'Load a year’s calendar as decreed',
    tag: 'console',
    auth: 'session',
    body: calendarYearLoadRequest,
  }),

  // Widgets
  'GET /embed.js': route({
    summary: 'The loader an OPD website includes',
    tag: 'widgets',
    auth: 'public',
    media: 'javascript',
  }),
  'GET /embed/widget.js': route({
    summary: 'The script of a widget page',
    tag: 'widgets',
    auth: 'public',
    media: 'javascript',
  }),
  'GET /embed': route({ summary: 'The widget gallery', tag: 'widgets', auth: 'public', media: 'html' }),
  'GET /embed/:kind': route({
    summary: 'One widget, as a page for an iframe',
    tag: 'widgets',
    auth: 'widget',
    query: widgetOptions,
    media: 'html',
  }),
  'POST /embed/token/renew': route({
    summary: 'A widget page renews its own token',
    tag: 'widgets',
    auth: 'public',
    body: embedTokenRenewal,
  }),
  'POST /embed/token/issue': route({
    summary: 'Trade a site key for a short-lived widget token (checked against the Origin)',
    tag: 'widgets',
    auth: 'public',
    body: embedSiteKeyRequest,
  }),
  'GET /api/widgets/tokens': reply<{ tokens: EmbedTokenView[] }>()({
    summary: 'Restricted-widget tokens',
    tag: 'widgets',
    auth: 'session',
  }),
  'POST /api/widgets/tokens': reply<{ token: string; siteKey: string | null }>()({
    summary: 'Issue a restricted-widget token',
    tag: 'widgets',
    auth: 'session',
    body: embedTokenRequest,
    status: 201,
  }),
  'DELETE /api/widgets/tokens/:id': route({
    summary: 'Revoke a restricted-widget token',
    tag: 'widgets',
    auth: 'session',
  }),
} as const satisfies Record<string, ApiRoute<unknown>>;

export type ApiKey = keyof typeof API;
export type ApiMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type RouteOf<K extends ApiKey> = (typeof API)[K];

/** The success answer of a route, as its row in the table types it. */
export type ApiReply<K extends ApiKey> = RouteOf<K> extends { readonly __reply?: infer R } ? R : unknown;
/** What the route's body schema accepts (its input, before defaults). */
export type ApiBody<K extends ApiKey> = RouteOf<K> extends { body: z.ZodType } ? z.input<RouteOf<K>['body']> : never;
/** The path parameters a route key names (`:id` → `{ id: string }`). */
export type ApiParams<K extends string> = K extends `${string}:${infer P}/${infer Rest}`
  ? { [k in P]: string | number } & ApiParams<`/${Rest}`>
  : K extends `${string}:${infer P}`
    ? { [k in P]: string | number }
    : Record<never, never>;

/** Fills a route key's path with its parameters (encoded), e.g. for a link. */
export function apiPath(key: ApiKey, params: Record<string, string | number> = {}): string {
  const path = key.slice(key.indexOf(' ') + 1);
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`apiPath: ${key} needs :${name}`);
    return encodeURIComponent(String(value));
  });
}
