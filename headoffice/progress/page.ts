/**
 * The progress page's HTML, rendered on the server: one small document with its style inline (the
 * Content-Security-Policy allows exactly that style by its hash) and no script, so a phone on a
 * slow line shows it at once. The form posts back to /progress; the answer is the same page with
 * the result or the problem above the form.
 */
import { createHash } from 'node:crypto';
import type { FoundProgress } from './lookup';
import { statusWords, WORDS, type ProgressLanguage } from './texts';

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI","PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Noto Sans SC","Helvetica Neue",Arial,sans-serif;color:#1f1f1f;background:#f5f5f5}
main{max-width:30rem;margin:0 auto;padding:1rem}
header{display:flex;justify-content:space-between;align-items:baseline;gap:1rem}
h1{font-size:1.4rem;margin:.5rem 0 1rem}
a{color:#0050b3}
.lang{white-space:nowrap;padding:.5rem 0}
.card{background:#fff;border-radius:8px;padding:1rem 1.25rem;margin-bottom:1rem;box-shadow:0 1px 2px rgba(0,0,0,.08)}
label{display:block;font-weight:600;margin-top:.75rem}
.hint{color:#595959;font-size:.875rem;margin:.125rem 0 .25rem}
input,button{font-family:inherit}
input{width:100%;font-size:1.125rem;padding:.6rem .75rem;border:1px solid #8c8c8c;border-radius:6px}
input:focus{outline:3px solid #91caff;border-color:#0050b3}
button{margin-top:1.25rem;width:100%;font-size:1.125rem;padding:.7rem;border:0;border-radius:6px;background:#0050b3;color:#fff;font-weight:600}
.problem{border-left:4px solid #cf1322;color:#a8071a}
dl{margin:0}
dt{color:#595959;font-size:.875rem;margin-top:.75rem}
dt:first-child{margin-top:0}
dd{margin:0;font-size:1.125rem;font-weight:600}
.status{font-size:1.375rem;color:#0050b3}
.note{color:#595959;font-size:.875rem}
`;

/** The CSP source that allows the inline style and nothing else. */
export const STYLE_SOURCE = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export type PageState = {
  language: ProgressLanguage;
  token: string;
  /** What was typed into the number field, shown again after a problem (never the phone tail). */
  number?: string;
  problem?: string;
  found?: FoundProgress;
};

/** An amount in yuan from integer fen, without its sign (the words say which way it goes). */
function money(fen: number): string {
  const abs = Math.abs(fen);
  return `¥${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function appointmentText(language: ProgressLanguage, at: string, timeZone: string): string {
  const when = new Date(at);
  if (Number.isNaN(when.getTime())) return '';
  return new Intl.DateTimeFormat(language === 'zh-CN' ? 'zh-CN' : 'en-GB', {
    timeZone,
    weekday: 'short',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(when);
}

function plannedText(language: ProgressLanguage, date: string): string {
  const when = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(when.getTime())) return date;
  return new Intl.DateTimeFormat(language === 'zh-CN' ? 'zh-CN' : 'en-GB', {
    timeZone: 'UTC',
    weekday: 'short',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }).format(when);
}

function result(language: ProgressLanguage, found: FoundProgress): string {
  const w = WORDS[language];
  const rows: string[] = [
    `<dt>${w.ticket}</dt><dd>${escape(found.number)}</dd>`,
    `<dt>${w.status}</dt><dd class="status" data-testid="progress-status">${escape(statusWords(language, found.type, found.status))}</dd>`,
  ];
  if (found.waitingFor !== null)
    rows.push(
      `<dd data-testid="progress-waiting">${found.waitingFor === 'parts' ? w.waitingParts : w.waitingCustomer}</dd>`,
    );
  if (found.appointmentAt !== null) {
    const when = appointmentText(language, found.appointmentAt, found.timeZone);
    if (when) rows.push(`<dt>${w.appointment}</dt><dd data-testid="progress-appointment">${escape(when)}</dd>`);
  } else if (found.plannedDate !== null)
    rows.push(
      `<dt>${w.appointment}</dt><dd data-testid="progress-appointment">${escape(w.planned(plannedText(language, found.plannedDate)))}</dd>`,
    );
  const balance =
    found.balanceFen === null
      ? w.noCharges
      : found.balanceFen > 0
        ? w.balanceDue(money(found.balanceFen))
        : found.balanceFen < 0
          ? w.owedBack(money(found.balanceFen))
          : w.nothingToPay;
  rows.push(`<dt>${w.balance}</dt><dd data-testid="progress-balance">${escape(balance)}</dd>`);
  return `<section class="card" data-testid="progress-result" aria-live="polite"><dl>${rows.join('')}</dl></section>`;
}

function form(state: PageState): string {
  const w = WORDS[state.language];
  return `<form class="card" method="post" action="/progress" autocomplete="off">
<p class="note">${w.intro}</p>
<input type="hidden" name="token" value="${escape(state.token)}">
<input type="hidden" name="lang" value="${state.language}">
<label for="number">${w.numberLabel}</label>
<p class="hint" id="number-hint">${escape(w.numberHint)}</p>
<input id="number" name="number" required maxlength="40" autocapitalize="characters" spellcheck="false" aria-describedby="number-hint" value="${escape(state.number ?? '')}">
<label for="tail">${w.tailLabel}</label>
<p class="hint" id="tail-hint">${w.tailHint}</p>
<input id="tail" name="tail" required maxlength="4" inputmode="numeric" pattern="[0-9０-９]{4}" aria-describedby="tail-hint">
<button type="submit">${w.check}</button>
</form>`;
}

/** The page; `fontsHref` links the Chinese web font where head office has it (fonts.ts). */
export function renderPage(state: PageState, fontsHref: string | null = null): string {
  const w = WORDS[state.language];
  const other: ProgressLanguage = state.language === 'zh-CN' ? 'en' : 'zh-CN';
  const body = state.found
    ? `${result(state.language, state.found)}<p><a href="/progress?lang=${state.language}">${w.checkAnother}</a></p>`
    : `${state.problem ? `<p class="card problem" role="alert" data-testid="progress-problem">${escape(state.problem)}</p>` : ''}${form(state)}`;
  return `<!doctype html>
<html lang="${state.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<title>${w.title}</title>
${fontsHref ? `<link rel="stylesheet" href="${fontsHref}">\n` : ''}<style>${STYLE}</style>
</head>
<body>
<main data-page="progress">
<header><h1>${w.title}</h1><a class="lang" href="/progress?lang=${other}" lang="${other}">${w.otherLanguage}</a></header>
${body}
<p class="note">${w.privacy}</p>
</main>
</body>
</html>`;
}
