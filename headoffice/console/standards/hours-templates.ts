/**
 * Opening-hours templates: head office's `opening_hours_template` records, which every store pulls
 * and its admin may copy into the store's own hours (renderer/pages/settings.tsx). A store never
 * follows a template: changing or removing one here changes no store's hours.
 */
import { newId } from '../../../db/ids';
import { HqError } from '../../auth';
import type { HqDatabase } from '../../db/open';
import { MAX_TEMPLATES, type HoursTemplate } from '../contract/standards';
import { liveRecord, liveRecords, type LiveRecord } from './hq-records';
import type { Plan } from './matrix';

type TemplateValues = Omit<HoursTemplate, 'id'>;

function toTemplate(r: LiveRecord): HoursTemplate {
  const f = r.fields;
  let days: number[] = [];
  try {
    days = typeof f.workingDays === 'string' ? (JSON.parse(f.workingDays) as number[]) : [];
  } catch {
    // A malformed value shows as no days; saving the template writes a good one.
  }
  return {
    id: r.entityId,
    name: String(f.name ?? ''),
    opensAt: String(f.opensAt ?? ''),
    closesAt: String(f.closesAt ?? ''),
    workingDays: days,
  };
}

export async function listTemplates(db: HqDatabase): Promise<HoursTemplate[]> {
  const rows = await liveRecords(db, 'opening_hours_template', undefined, MAX_TEMPLATES);
  return rows.map(toTemplate).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

function fieldsOf(t: TemplateValues, nowIso: string) {
  // The counter stores working days as JSON text, as its own store row does.
  const workingDays = JSON.stringify([...t.workingDays].sort((a, b) => a - b));
  return { name: t.name, opensAt: t.opensAt, closesAt: t.closesAt, workingDays, updatedAt: nowIso };
}

async function assertNameFree(db: HqDatabase, name: string, exceptId: string | null): Promise<HoursTemplate[]> {
  const all = await listTemplates(db);
  if (all.some((t) => t.name === name && t.id !== exceptId))
    throw new HqError(409, 'name_taken', `A template called "${name}" already exists`);
  return all;
}

export async function planCreateTemplate(
  db: HqDatabase,
  input: TemplateValues,
  nowIso: string,
): Promise<Plan & { id: string }> {
  const all = await assertNameFree(db, input.name, null);
  if (all.length >= MAX_TEMPLATES)
    throw new HqError(409, 'too_many', `At most ${MAX_TEMPLATES} templates: remove one you no longer offer first`);
  const id = newId();
  return {
    id,
    writes: [{ entity: 'opening_hours_template', entityId: id, op: 'insert', fields: fieldsOf(input, nowIso) }],
    audit: [{ action: 'hours_template.create', target: input.name, before: null, after: input }],
  };
}

async function existing(db: HqDatabase, id: string): Promise<HoursTemplate> {
  const found = await liveRecord(db, 'opening_hours_template', id);
  if (!found) throw new HqError(404, 'not_found', 'No such opening-hours template (removed meanwhile?)');
  return toTemplate(found);
}

export async function planUpdateTemplate(
  db: HqDatabase,
  id: string,
  input: TemplateValues,
  nowIso: string,
): Promise<Plan> {
  const before = await existing(db, id);
  await assertNameFree(db, input.name, id);
  const { id: _id, ...beforeValues } = before;
  return {
    writes: [{ entity: 'opening_hours_template', entityId: id, op: 'update', fields: fieldsOf(input, nowIso) }],
    audit: [{ action: 'hours_template.update', target: input.name, before: beforeValues, after: input }],
  };
}

export async function planRemoveTemplate(db: HqDatabase, id: string): Promise<Plan> {
  const before = await existing(db, id);
  const { id: _id, ...beforeValues } = before;
  return {
    writes: [{ entity: 'opening_hours_template', entityId: id, op: 'delete', fields: {} }],
    audit: [{ action: 'hours_template.remove', target: before.name, before: beforeValues, after: null }],
  };
}
