/**
 * One approved template per event (mainland SMS must use a template the provider approved, with
 * named variables; docs/architecture/sms-templates.md). The template code of each event is set in
 * the console (`sms_template`, migration 0018); the variables are filled here from what head office
 * holds of the ticket and its store at send time: `store` (the store's name), `ticket` (its number),
 * `time` (the appointment, in the store's time zone and the message's language) and `storePhone`.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { RecordState } from '../../db/sync/protocol';
import {
  SMS_EVENTS,
  TEMPLATE_VARIABLES,
  type SmsEvent,
  type TemplateRow,
  type TemplateVariable,
} from '../console/contract/messages';
import type { HqDB } from '../db/schema';
import { eventOf } from '../reports/ticket-facts';

/** Alibaba Cloud refuses a variable longer than this (its rule for name and number variables). */
export const MAX_VARIABLE_CHARS = 35;

export type TemplateChoice = Readonly<{ templateCode: string | null; params: Readonly<Record<string, string>> }>;

const isEvent = (event: string): event is SmsEvent => (SMS_EVENTS as ReadonlyArray<string>).includes(event);

export async function templateCodes(db: Kysely<HqDB> | Transaction<HqDB>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('smsTemplate').select(['event', 'templateCode']).execute();
  return new Map(rows.map((row) => [row.event, row.templateCode]));
}

export async function listTemplates(db: Kysely<HqDB>): Promise<TemplateRow[]> {
  const rows = await db.selectFrom('smsTemplate').selectAll().execute();
  return SMS_EVENTS.map((event) => {
    const row = rows.find((r) => r.event === event);
    return {
      event,
      variables: TEMPLATE_VARIABLES[event],
      templateCode: row?.templateCode ?? '',
      updatedBy: row?.updatedBy ?? null,
      updatedAt: row ? new Date(row.updatedAt).toISOString() : null,
    };
  });
}

const TIME_FORMAT: Record<string, Intl.DateTimeFormatOptions> = {
  'zh-CN': { month: 'numeric', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  en: { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
};

function formatTime(iso: string, language: string, timeZone: string): string {
  const lang = language === 'en' ? 'en' : 'zh-CN';
  try {
    return new Intl.DateTimeFormat(lang, { ...TIME_FORMAT[lang], timeZone }).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat(lang, { ...TIME_FORMAT[lang], timeZone: 'Asia/Shanghai' }).format(new Date(iso));
  }
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

type Facts = { storeName: string; storePhone: string; timeZone: string; number: string; appointmentAt: string };

async function factsOf(trx: Transaction<HqDB>, storeId: string, ticketId: string): Promise<Facts> {
  const store = await sql<{ name: string | null; timeZone: string | null; own: RecordState | null }>`
    SELECT s.name, s.time_zone AS "timeZone", e.state AS own FROM hq_store s
    LEFT JOIN entity_state e ON e.entity = 'store' AND e.entity_id = s.id
    WHERE s.id = ${storeId}`.execute(trx);
  const ticket = await trx
    .selectFrom('entityState')
    .select('state')
    .where('entity', '=', 'ticket')
    .where('entityId', '=', ticketId)
    .executeTakeFirst();
  const steps = await sql<{ state: RecordState }>`
    SELECT state FROM entity_state
    WHERE entity = 'ticket_event' AND owner_store_id = ${storeId}
      AND state->'fields'->>'ticketId' = ${ticketId} AND state->'fields'->>'action' = 'contact_customer'
    LIMIT 200`.execute(trx);
  const row = store.rows[0];
  const own = row?.own?.fields ?? {};
  return {
    storeName: text(own.name) || text(row?.name),
    storePhone: text(own.phone),
    timeZone: text(row?.timeZone) || 'Asia/Shanghai',
    number: text(ticket?.state.fields.number),
    appointmentAt: latestAppointment(steps.rows.map((row) => row.state)),
  };
}

/** The appointment of the latest `contact_customer` step (by its stamp), its `data` pushed as JSON text. */
function latestAppointment(states: ReadonlyArray<RecordState>): string {
  let latest = { hlc: '', at: '' };
  for (const state of states) {
    if (state.deleted !== null) continue;
    const event = eventOf(state);
    const at = appointmentIn(text(event.data));
    const hlc = text(event.hlc);
    if (at && hlc >= latest.hlc) latest = { hlc, at };
  }
  return latest.at;
}

/**
 * The template and its variables for one message, or a short refusal for the outbox:
 * `no_template_code` (the event has none set, for a gateway that needs one), `unknown_event`,
 * `variable_missing_<name>` (e.g. a store with no phone for `estimate_ready`).
 */
export async function templateFor(
  trx: Transaction<HqDB>,
  codes: ReadonlyMap<string, string>,
  message: Readonly<{ storeId: string; ticketId: string; event: string; language: string }>,
  needsTemplate: boolean,
): Promise<TemplateChoice | string> {
  if (!isEvent(message.event)) return needsTemplate ? 'unknown_event' : { templateCode: null, params: {} };
  const templateCode = codes.get(message.event) ?? null;
  if (needsTemplate && !templateCode) return 'no_template_code';
  const facts = await factsOf(trx, message.storeId, message.ticketId);
  const values: Record<TemplateVariable, string> = {
    store: facts.storeName,
    ticket: facts.number,
    storePhone: facts.storePhone,
    time: facts.appointmentAt ? formatTime(facts.appointmentAt, message.language, facts.timeZone) : '',
  };
  const params: Record<string, string> = {};
  for (const name of TEMPLATE_VARIABLES[message.event]) {
    const value = [...values[name]].slice(0, MAX_VARIABLE_CHARS).join('');
    if (needsTemplate && value === '') return `variable_missing_${name}`;
    params[name] = value;
  }
  return { templateCode, params };
}

function appointmentIn(data: string): string {
  try {
    const parsed: unknown = JSON.parse(data || '{}');
    return parsed && typeof parsed === 'object' ? text((parsed as Record<string, unknown>).appointmentAt) : '';
  } catch {
    return '';
  }
}
