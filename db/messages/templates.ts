/**
 * Message templates: the built-in defaults per event and language, the placeholders a template may
 * use, how a template is checked when a store edits it, and how a text counts in SMS segments.
 * Pure TypeScript (no Node, no store): the settings page counts segments with the same function
 * the counter checks with.
 */
import { TEMPLATE_MAX_CHARS, type MessageEvent, type MessageLanguage } from './contract';

/** What a template may name, in braces: `{store}`, `{ticket}`, `{time}`, `{storePhone}`, `{check}`. */
export const PLACEHOLDERS = ['store', 'ticket', 'time', 'storePhone', 'check'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type TemplateValues = Readonly<Record<Placeholder, string>>;

export const DEFAULT_TEMPLATES: Readonly<Record<MessageEvent, Readonly<Record<MessageLanguage, string>>>> = {
  ticket_received: {
    'zh-CN': '{store}已受理您的服务单{ticket}，我们会尽快处理。{check}',
    en: '{store} has received your service ticket {ticket}. {check}',
  },
  estimate_ready: {
    'zh-CN': '您的服务单{ticket}报价已出，请到店或来电{storePhone}确认。{store}',
    en: 'The estimate for ticket {ticket} is ready: please confirm in store or call {storePhone}. {store}',
  },
  appointment_booked: {
    'zh-CN': '{store}已为您预约上门服务：{time}，单号{ticket}。',
    en: '{store}: your service visit is booked for {time} (ticket {ticket}).',
  },
  appointment_changed: {
    'zh-CN': '{store}上门服务时间已改为{time}，单号{ticket}。',
    en: '{store}: your service visit has moved to {time} (ticket {ticket}).',
  },
  ready_for_pickup: {
    'zh-CN': '您的服务单{ticket}已维修完成，请凭单到{store}取回。',
    en: 'Ticket {ticket}: your item is repaired and ready to collect at {store}.',
  },
  job_done: {
    'zh-CN': '您的服务单{ticket}已处理完成，感谢您选择{store}。',
    en: 'Ticket {ticket} is done. Thank you for choosing {store}.',
  },
  follow_up: {
    'zh-CN': '{store}回访：您对服务单{ticket}的服务满意吗？回复1-5评价（5为非常满意）。',
    en: '{store}: how was our service on ticket {ticket}? Reply 1-5 to rate us (5 = very good).',
  },
};

/** The progress-check hint `{check}` stands for. */
export const CHECK_HINT: Readonly<Record<MessageLanguage, string>> = {
  'zh-CN': '凭单号和手机尾号4位可查询进度。',
  en: 'Check progress with your ticket number and the last 4 digits of your phone.',
};

/** Longest value a placeholder is checked with: a store name or time as long as they get. */
const LONGEST: TemplateValues = {
  store: 'X'.repeat(40),
  ticket: 'S000-0-00000000-0000',
  time: '12月31日 星期三 23:59',
  storePhone: '0000-00000000',
  check: CHECK_HINT.en,
};

const NAMED = /\{([^{}]*)\}/g;

export type TemplateProblem =
  | Readonly<{ key: 'template_unknown_placeholder'; placeholder: string }>
  | Readonly<{ key: 'template_empty' }>
  | Readonly<{ key: 'template_too_long'; length: number }>
  | Readonly<{ key: 'template_braces' }>;

/** Why a template cannot be saved, or null. The length is checked as rendered with the longest values. */
export function templateProblem(body: string, language: MessageLanguage): TemplateProblem | null {
  if (body.trim() === '') return { key: 'template_empty' };
  for (const [, name] of body.matchAll(NAMED)) {
    if (!(PLACEHOLDERS as ReadonlyArray<string>).includes(name!)) {
      return { key: 'template_unknown_placeholder', placeholder: name! };
    }
  }
  if (/[{}]/.test(body.replace(NAMED, ''))) return { key: 'template_braces' };
  const length = renderTemplate(body, { ...LONGEST, check: CHECK_HINT[language] }).length;
  if (length > TEMPLATE_MAX_CHARS) return { key: 'template_too_long', length };
  return null;
}

export function renderTemplate(body: string, values: TemplateValues): string {
  return body.replace(NAMED, (whole, name: string) =>
    (PLACEHOLDERS as ReadonlyArray<string>).includes(name) ? values[name as Placeholder] : whole,
  );
}

// The GSM 03.38 basic set: a text of only these is sent 7-bit (160 a part), anything else as UCS-2 (70).
const GSM7 =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENDED = '^{}\\[~]|€';

/** How many SMS a text is sent as: 160/153 characters a part in 7-bit, 70/67 in UCS-2 (every Chinese text). */
export function smsSegments(text: string): Readonly<{ segments: number; encoding: 'gsm7' | 'ucs2'; units: number }> {
  let units = 0;
  let gsm = true;
  for (const ch of text) {
    if (GSM7.includes(ch)) units += 1;
    else if (GSM7_EXTENDED.includes(ch)) units += 2;
    else {
      gsm = false;
      break;
    }
  }
  if (gsm) return { encoding: 'gsm7', units, segments: units <= 160 ? 1 : Math.ceil(units / 153) };
  // UCS-2 counts UTF-16 code units: a character outside the basic plane (an emoji) takes two.
  const ucs = text.length;
  return { encoding: 'ucs2', units: ucs, segments: ucs <= 70 ? 1 : Math.ceil(ucs / 67) };
}
