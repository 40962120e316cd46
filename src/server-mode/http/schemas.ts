/** Request bodies of the server-mode routes, validated at the edge (errors name the field). */
import { z } from 'zod';
import { CATEGORIES, MEMBER_ROLES } from '../domain/roles.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../services/secrets.ts';

const email = z
  .string()
  .trim()
  .min(3)
  .max(320)
  .regex(/^[^@\s]+@[^@\s]+$/, 'expected an e-mail address');
const password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `expected at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `expected at most ${PASSWORD_MAX_LENGTH} characters`);
const token = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'expected the token from the link');

export const loginBody = z.object({ email, password: z.string().min(1).max(PASSWORD_MAX_LENGTH) });

export const reauthenticateBody = z.object({ password: z.string().min(1).max(PASSWORD_MAX_LENGTH) });

export const deleteAccountBody = z.object({
  confirm: z.literal('delete my account', { error: 'expected exactly "delete my account"' }),
});

export const joinBody = z.object({
  token,
  displayName: z.string().trim().min(1).max(200).optional(),
  password: password.optional(),
});

export const resetBody = z.object({ token, password });

export const invitationBody = z.discriminatedUnion('purpose', [
  z.object({ purpose: z.literal('member'), email, role: z.enum(MEMBER_ROLES) }),
  z.object({ purpose: z.literal('athlete'), email }),
]);

export const grantBody = z.object({
  athleteId: z.string().min(1).max(100),
  grantee: z.union([
    z.object({ orgId: z.string().min(1).max(100) }),
    z.object({ userId: z.string().min(1).max(100) }),
  ]),
  categories: z.array(z.enum(CATEGORIES)).min(1).max(4).optional(),
  access: z.enum(['read', 'write']).default('read'),
  purpose: z.string().trim().min(1).max(500),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});

export const consentListQuery = z.object({ athleteId: z.string().min(1).max(100).optional() });

const auditPage = {
  limit: z.coerce.number().int().min(1).max(200).optional(),
  before: z.string().min(1).max(100).optional(),
};

/** Exactly one of athleteId and orgId, then the page. */
export const auditQuery = z.union([
  z.object({ athleteId: z.string().min(1).max(100), orgId: z.undefined().optional(), ...auditPage }),
  z.object({ orgId: z.string().min(1).max(100), athleteId: z.undefined().optional(), ...auditPage }),
]);

export const memberRoleBody = z.object({ role: z.enum(MEMBER_ROLES) });

export const orgLookupQuery = z.object({ name: z.string().trim().min(3).max(100) });
