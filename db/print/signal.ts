/**
 * How a print route tells whoever loaded it that it is ready to print (docs/ELECTRON.md §2: print only
 * after the page loaded AND `document.fonts.ready`, or pages come out blank or in boxes).
 *
 * The signal is the document title, because the Electron print window has no preload at all (no
 * IPC to send a message on) and `page-title-updated` reaches the main process anyway; tests read
 * the same title, or the `data-print-state` attribute set with it. No Node imports.
 */

const PREFIX = 'counterdesk-print:';

export type PrintPageState =
  /** `heightMm`: the content's height, which an 80 mm receipt's paper length follows. */
  { state: 'ready'; heightMm: number } | { state: 'error'; reason: string };

export function printStateTitle(state: PrintPageState): string {
  if (state.state === 'ready') return `${PREFIX}ready:${state.heightMm.toFixed(2)}`;
  // A title is one line: the reason is for the log, not for layout.
  return `${PREFIX}error:${state.reason.replace(/\s+/g, ' ').slice(0, 300)}`;
}

/** The state a title announces, or null while the page has not announced one. */
export function parsePrintStateTitle(title: string): PrintPageState | null {
  if (!title.startsWith(PREFIX)) return null;
  const rest = title.slice(PREFIX.length);
  if (rest.startsWith('error:')) return { state: 'error', reason: rest.slice('error:'.length) || 'unknown' };
  const match = /^ready:(\d+(?:\.\d+)?)$/.exec(rest);
  if (!match) return null;
  const heightMm = Number(match[1]);
  if (!Number.isFinite(heightMm) || heightMm <= 0) return null;
  return { state: 'ready', heightMm };
}

/**
 * Run by the loader in the ready page just before it prints or makes the PDF: the title becomes
 * the form's own (维修服务单 S012-2-20261207-0001), which Chromium writes as the PDF's Title and
 * a printer queue shows as the job's name. The page keeps it in `data-print-title`, as the title
 * itself carries the ready signal until then.
 */
export const USE_FORM_TITLE_SCRIPT =
  'document.title = document.documentElement.dataset.printTitle || document.title; document.title';
