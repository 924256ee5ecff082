/**
 * Who belongs to which group, and how far a caller reaches: the manager (`training.manage`) every
 * person, a lead (`training.lead`) their own group, everyone else themself. Every training method
 * reads its rows through these, so what a response holds is decided here, in the main process.
 */
import type { Actor } from '../handler';
import { roleCan, type Role } from '../staff/roles';
import type { Reach, StaffGroup } from './contract';

const GROUP_ROLES: Readonly<Record<StaffGroup, ReadonlyArray<Role>>> = {
  counter: ['counter_staff', 'cs_lead'],
  repair: ['repair_lead', 'technician'],
  parts: ['parts_lead', 'parts_clerk'],
};

export function groupOf(role: string): StaffGroup | null {
  for (const [group, roles] of Object.entries(GROUP_ROLES) as Array<[StaffGroup, ReadonlyArray<Role>]>)
    if ((roles as ReadonlyArray<string>).includes(role)) return group;
  return null;
}

export function rolesOf(group: StaffGroup): ReadonlyArray<Role> {
  return GROUP_ROLES[group];
}

export function reachOf(actor: Actor): Reach {
  if (roleCan(actor.role, 'training.manage')) return { kind: 'all' };
  const group = groupOf(actor.role);
  if (roleCan(actor.role, 'training.lead') && group) return { kind: 'group', group };
  return { kind: 'self' };
}

type Person = Readonly<{ id: string; role: string }>;

/** The caller may see this person's training record and assessment. */
export function canSee(actor: Actor, reach: Reach, person: Person): boolean {
  if (person.id === actor.staffId) return true;
  if (reach.kind === 'all') return true;
  return reach.kind === 'group' && groupOf(person.role) === reach.group;
}

/** The caller plans for and records results of this person (a lead not for people outside the group). */
export function canManage(reach: Reach, person: Person): boolean {
  if (reach.kind === 'all') return true;
  return reach.kind === 'group' && groupOf(person.role) === reach.group;
}

/** The caller may give this person the supervisor's rating: nobody rates themself as their own supervisor. */
export function canRate(actor: Actor, reach: Reach, person: Person): boolean {
  return person.id !== actor.staffId && canManage(reach, person);
}

/** Assessed are the three groups' members; the manager and the administrator run the assessment. */
export function isAssessed(role: string): boolean {
  return groupOf(role) !== null;
}
