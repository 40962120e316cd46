/**
 * Who may see what in a clinic or team: the data categories an athlete can share, the roles of an
 * organisation's members, and what each role sees by default. Pure values, no I/O.
 */

/** What an athlete shares, grouped the way they think about it (issue 16 #3). */
export const CATEGORIES = ['training', 'symptoms', 'clinical', 'gear'] as const;
export type Category = (typeof CATEGORIES)[number];

/** training: runs, load, imports; symptoms: pain journal, knee checks; clinical: reports, programmes; gear: shoes. */
export const CATEGORY_MEANING: Readonly<Record<Category, string>> = {
  training: 'runs, training load and imports',
  symptoms: 'pain journal and knee checks',
  clinical: 'reports and programmes',
  gear: 'shoes',
};

export const ACCESS_LEVELS = ['read', 'write'] as const;
/** `write` includes `read`: nobody changes what they cannot see. */
export type AccessLevel = (typeof ACCESS_LEVELS)[number];
export type Action = AccessLevel;

export const MEMBER_ROLES = ['owner', 'clinician', 'coach', 'analyst'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/**
 * What a member asks an athlete for when they do not say: coaches training, clinicians also symptoms and
 * clinical (issue 16 #3). An owner runs the clinic and is usually its lead clinician, so they ask as one.
 */
const DEFAULT_CATEGORIES: Readonly<Record<MemberRole, readonly Category[]>> = {
  owner: ['training', 'symptoms', 'clinical'],
  clinician: ['training', 'symptoms', 'clinical'],
  coach: ['training'],
  analyst: ['training'],
};

/**
 * The most a role can receive through a grant made to its whole organisation: an athlete who shares their
 * symptoms with a clinic shares them with its clinicians, not with the club coach who is also a member.
 * A grant to a named person is not capped: the athlete chose that person.
 */
const ROLE_CEILING: Readonly<Record<MemberRole, { categories: readonly Category[]; access: AccessLevel }>> = {
  owner: { categories: CATEGORIES, access: 'write' },
  clinician: { categories: CATEGORIES, access: 'write' },
  coach: { categories: ['training', 'gear'], access: 'write' },
  analyst: { categories: ['training'], access: 'read' },
};

export function defaultCategoriesFor(role: MemberRole): readonly Category[] {
  return DEFAULT_CATEGORIES[role];
}

/** Whether a member with `role` may use an organisation-wide grant for `category` and `action`. */
export function roleAllows(role: MemberRole, category: Category, action: Action): boolean {
  const ceiling = ROLE_CEILING[role];
  return ceiling.categories.includes(category) && accessCovers(ceiling.access, action);
}

/** Whether holding `level` lets someone do `action`. */
export function accessCovers(level: AccessLevel, action: Action): boolean {
  return level === 'write' || action === 'read';
}

export function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}

export function isMemberRole(value: string): value is MemberRole {
  return (MEMBER_ROLES as readonly string[]).includes(value);
}
