/** The whole condition knowledge base, looked up by id. */

import type { ConditionDef, ConditionId } from './condition.types.ts';
import { ACUTE_CONDITIONS } from './conditions-acute.kb.ts';
import { ANTERIOR_CONDITIONS } from './conditions-anterior.kb.ts';
import { OVERUSE_CONDITIONS } from './conditions-overuse.kb.ts';

export const CONDITIONS: readonly ConditionDef[] = [
  ...ANTERIOR_CONDITIONS,
  ...OVERUSE_CONDITIONS,
  ...ACUTE_CONDITIONS,
];

const BY_ID = new Map<ConditionId, ConditionDef>(CONDITIONS.map((c) => [c.id, c]));

export function conditionById(id: ConditionId): ConditionDef {
  const c = BY_ID.get(id);
  if (c === undefined) throw new Error(`unknown condition ${id}`);
  return c;
}
