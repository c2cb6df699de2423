import { z } from 'zod';
import { commaList, filterInstant, opdId, regencyCode } from './common.ts';
import { WORKLIST_SORTS } from './constants.ts';

/** Sign-in, users and devices of the console (`/api/auth`, `/api/users`, `/api/devices`). */
export const roleName = z.enum(['admin', 'duty_officer', 'opd_admin', 'viewer']);

export const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,40}$/, 'use 3–40 letters, digits, dots, dashes or underscores');

export const loginRequest = z.strictObject({
  username: z.string().trim().toLowerCase().min(1, 'required').max(40),
  password: z.string().min(1, 'required').max(200),
});

export const passwordChange = z.strictObject({
  currentPassword: z.string().min(1, 'required').max(200),
  newPassword: z.string().max(200),
});

export const sessionUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleName,
  opdId: z.string().nullable(),
  mustChangePassword: z.boolean(),
});
export type SessionUser = z.infer<typeof sessionUser>;

export const sessionResponse = z.object({ user: sessionUser, csrfToken: z.string(), expiresAt: z.string() });
export type SessionResponse = z.infer<typeof sessionResponse>;

export const newUserRequest = z
  .strictObject({
    username,
    displayName: z.string().trim().min(2).max(120),
    role: roleName,
    opdId: opdId.nullable().default(null),
  })
  .refine((u) => (u.role === 'opd_admin') === (u.opdId !== null), {
    path: ['opdId'],
    message: 'an OPD admin needs an OPD, and only an OPD admin has one',
  });

export const userPatch = z.strictObject({
  role: roleName.optional(),
  opdId: opdId.nullable().optional(),
  displayName: z.string().trim().min(2).max(120).optional(),
  disabled: z.boolean().optional(),
});

export const newDeviceRequest = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9-]{3,40}$/, 'use 3–40 lowercase letters, digits or dashes')
    .optional(),
  name: z.string().trim().min(2).max(120),
});

/** `POST /api/worklist/assign`: give an item to a person (`me`: the caller), or take it from everyone (null). */
export const worklistAssignRequest = z.strictObject({
  kind: z.enum(['complaint', 'ppid_request', 'social_comment']),
  id: z.string().regex(/^[1-9]\d{0,17}$/, 'expected an item id'),
  assignee: z.union([z.literal('me'), z.string().regex(/^[A-Za-z0-9._:-]{1,80}$/, 'expected a user id'), z.null()]),
});
export type WorklistAssignRequest = z.infer<typeof worklistAssignRequest>;

/** The worklist's owner filter: mine, no one's, or one person's. */
export const worklistOwner = z.union([z.enum(['me', 'none']), z.string().regex(/^[A-Za-z0-9._:-]{1,80}$/)]);

/** `GET /api/worklist` (and its groups and CSV): filters, order and page; comma lists become arrays. */
export const worklistQuery = z.strictObject({
  kind: commaList(['complaint', 'ppid_request', 'social_comment'] as const).optional(),
  opd: opdId.optional(),
  regency: regencyCode.optional(),
  channel: z.string().max(30).optional(),
  topic: z.string().max(100).optional(),
  status: z
    .string()
    .max(300)
    .transform((v) => v.split(',').filter(Boolean))
    .optional(),
  deadlineState: commaList(['overdue', 'at_risk'] as const).optional(),
  step: z.coerce.number().int().min(0).max(10).optional(),
  q: z.string().trim().min(1).max(100).optional(),
  owner: worklistOwner.optional(),
  sort: z.enum(WORKLIST_SORTS).default('deadline'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type WorklistQuery = z.output<typeof worklistQuery>;

/** `GET /api/audit`: who, which item, which OPD, when; pages go back by sequence number. */
export const auditQuery = z.strictObject({
  actor: z.string().trim().min(1).max(100).optional(),
  item: z.string().trim().min(1).max(100).optional(),
  opd: opdId.optional(),
  from: filterInstant.optional(),
  to: filterInstant.optional(),
  before: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
