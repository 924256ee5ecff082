/**
 * The store's message settings: quiet hours (one `message_settings` row, defaults until saved) and
 * its edited templates (a `message_template` row per event and language; no row: the default).
 * Saving checks every template before writing any, so a refused save changes nothing.
 */
import type { Kysely } from 'kysely';
import { DeskFailure } from '../handler';
import type { DB } from '../schema';
import { changedFields, insertRecorded, recordChange, type TxContext } from '../sync/change-log';
import { MESSAGE_EVENTS, MESSAGE_LANGUAGES, type MessageEvent, type MessageLanguage } from './contract';
import { DEFAULT_QUIET_HOURS, isClockTime, type QuietHours } from './quiet-hours';
import { DEFAULT_TEMPLATES, templateProblem } from './templates';

export type TemplateView = Readonly<{
  event: MessageEvent;
  language: MessageLanguage;
  body: string;
  edited: boolean;
  defaultBody: string;
}>;
export type MessageSettingsView = Readonly<{ quietHours: QuietHours; templates: ReadonlyArray<TemplateView> }>;

export type MessageSettingsInput = Readonly<{
  quietStart: string;
  quietEnd: string;
  /** Only the templates that differ from the default; an absent one goes back to it. */
  templates: ReadonlyArray<Readonly<{ event: MessageEvent; language: MessageLanguage; body: string }>>;
}>;

const templateId = (storeId: string, event: MessageEvent, language: MessageLanguage) =>
  `${storeId}:${event}:${language}`;

export async function loadQuietHours(db: Kysely<DB>, storeId: string): Promise<QuietHours> {
  const row = await db
    .selectFrom('messageSettings')
    .select(['quietStart', 'quietEnd'])
    .where('storeId', '=', storeId)
    .executeTakeFirst();
  return row ? { start: row.quietStart, end: row.quietEnd } : DEFAULT_QUIET_HOURS;
}

/** The template the store uses for an event in a language: its own, or the default. */
export async function loadTemplate(
  db: Kysely<DB>,
  storeId: string,
  event: MessageEvent,
  language: MessageLanguage,
): Promise<string> {
  const row = await db
    .selectFrom('messageTemplate')
    .select('body')
    .where('id', '=', templateId(storeId, event, language))
    .executeTakeFirst();
  return row?.body ?? DEFAULT_TEMPLATES[event][language];
}

export async function loadMessageSettings(db: Kysely<DB>, storeId: string): Promise<MessageSettingsView> {
  const rows = await db
    .selectFrom('messageTemplate')
    .select(['event', 'language', 'body'])
    .where('storeId', '=', storeId)
    .execute();
  const own = new Map(rows.map((r) => [`${r.event}:${r.language}`, r.body]));
  const templates: TemplateView[] = [];
  for (const event of MESSAGE_EVENTS) {
    for (const language of MESSAGE_LANGUAGES) {
      const body = own.get(`${event}:${language}`);
      const defaultBody = DEFAULT_TEMPLATES[event][language];
      templates.push({ event, language, body: body ?? defaultBody, edited: body !== undefined, defaultBody });
    }
  }
  return { quietHours: await loadQuietHours(db, storeId), templates };
}

function checkInput(input: MessageSettingsInput): void {
  if (!isClockTime(input.quietStart)) throw new DeskFailure('validation', 'quiet_hours_format', 'quietStart');
  if (!isClockTime(input.quietEnd)) throw new DeskFailure('validation', 'quiet_hours_format', 'quietEnd');
  for (const [index, t] of input.templates.entries()) {
    const problem = templateProblem(t.body, t.language);
    if (problem) throw new DeskFailure('validation', problem.key, `templates.${index}.body`);
  }
}

export async function saveMessageSettings(
  tx: TxContext,
  storeId: string,
  input: MessageSettingsInput,
): Promise<MessageSettingsView> {
  checkInput(input);
  await saveQuietHours(tx, storeId, { quietStart: input.quietStart, quietEnd: input.quietEnd });
  const wanted = new Map<string, (typeof input.templates)[number]>();
  for (const t of input.templates) {
    // The default saved as is stays "not edited": a later change of the default reaches this store.
    if (t.body !== DEFAULT_TEMPLATES[t.event][t.language]) wanted.set(templateId(storeId, t.event, t.language), t);
  }
  const existing = await tx.trx.selectFrom('messageTemplate').selectAll().where('storeId', '=', storeId).execute();
  for (const row of existing) {
    const next = wanted.get(row.id);
    if (!next) {
      const hlc = tx.stamp();
      await tx.trx.deleteFrom('messageTemplate').where('id', '=', row.id).execute();
      await recordChange(tx, { entity: 'message_template', entityId: row.id, op: 'delete', hlc, fields: {} });
    } else if (next.body !== row.body) {
      const hlc = tx.stamp();
      const fields = { body: next.body, updatedAt: tx.nowIso };
      await tx.trx
        .updateTable('messageTemplate')
        .set({ ...fields, hlc })
        .where('id', '=', row.id)
        .execute();
      await recordChange(tx, { entity: 'message_template', entityId: row.id, op: 'update', hlc, fields });
    }
    wanted.delete(row.id);
  }
  for (const [id, t] of wanted) {
    const row = {
      id,
      storeId,
      event: t.event,
      language: t.language,
      body: t.body,
      updatedAt: tx.nowIso,
      hlc: tx.stamp(),
    };
    await insertRecorded(tx, 'messageTemplate', 'message_template', row);
  }
  return loadMessageSettings(tx.trx, storeId);
}

async function saveQuietHours(
  tx: TxContext,
  storeId: string,
  values: Readonly<{ quietStart: string; quietEnd: string }>,
): Promise<void> {
  const before = await tx.trx
    .selectFrom('messageSettings')
    .selectAll()
    .where('storeId', '=', storeId)
    .executeTakeFirst();
  if (!before) {
    const row = { storeId, ...values, updatedAt: tx.nowIso, hlc: tx.stamp() };
    await insertRecorded(tx, 'messageSettings', 'message_settings', row, { key: 'storeId' });
    return;
  }
  const changed = changedFields(before, values);
  if (Object.keys(changed).length === 0) return;
  const hlc = tx.stamp();
  const fields = { ...changed, updatedAt: tx.nowIso };
  await tx.trx
    .updateTable('messageSettings')
    .set({ ...fields, hlc })
    .where('storeId', '=', storeId)
    .execute();
  await recordChange(tx, { entity: 'message_settings', entityId: storeId, op: 'update', hlc, fields });
}
