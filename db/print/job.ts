/**
 * A print job as the renderer hands it to the Electron shell, and the address of a print route.
 * Shared by the renderer, electron/print and db/print. No Node imports.
 *
 * The Electron print window is sandboxed and has no preload, so it cannot call the desk: the
 * requesting window sends the form's data (read under its own sign-in and permissions through
 * `print.*`) with the job, and main puts it in the print route's fragment. A fragment never
 * leaves the page, and React renders it as text, never as markup.
 */
import { z } from 'zod';
import { FORM_PAPERS, PAPERS, PRINT_FORMS, type Paper, type PrintForm } from './forms';

export const PRINT_LANGUAGES = ['zh-CN', 'en'] as const;
export type PrintLanguage = (typeof PRINT_LANGUAGES)[number];

/** Chromium drops URLs over 2 MB; a 500-line count sheet is about 150 kB of JSON. */
export const MAX_JOB_DATA_CHARS = 1_000_000;

export const printTargetSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('printer'),
    /** The system's printer name (not the display name); null: ask in the print dialog. */
    deviceName: z.string().min(1).max(256).nullable(),
    silent: z.boolean(),
    copies: z.number().int().min(1).max(9),
  }),
  z.object({ kind: z.literal('pdf'), fileName: z.string().trim().min(1).max(200) }),
]);
export type PrintTarget = z.infer<typeof printTargetSchema>;

export const printJobSchema = z
  .object({
    form: z.enum(PRINT_FORMS),
    subjectId: z.string().min(1).max(64),
    language: z.enum(PRINT_LANGUAGES),
    /** 0 prints the original; 1, 2, … print "副本 / COPY". */
    copyNo: z.number().int().min(0).max(999),
    paper: z.enum(PAPERS),
    /** JSON of the form's data, as `print.<subject>` returned it. */
    data: z.string().min(2).max(MAX_JOB_DATA_CHARS),
    target: printTargetSchema,
  })
  .refine((job) => FORM_PAPERS[job.form].includes(job.paper), { message: 'paper_not_for_form', path: ['paper'] });
export type PrintJob = z.infer<typeof printJobSchema>;

export type PrintOutcome = Readonly<{
  /** printed: the spooler took it; saved: the PDF is on disk; cancelled: the person closed a dialog. */
  outcome: 'printed' | 'saved' | 'cancelled' | 'failed';
  /** The printer the job went to, when known. */
  printer: string | null;
  /** Why it failed, in words for the log and the person at the counter. */
  reason: string;
  /** Where the PDF was saved. */
  file: string | null;
}>;

export type PrinterSummary = Readonly<{ name: string; displayName: string; description: string }>;

/**
 * What the Electron preload exposes as `window.counterdeskPrint`; the browser host has none (the
 * browser's own print dialog does the job there).
 */
export type PrintBridge = {
  run(job: PrintJob): Promise<PrintOutcome>;
  printers(): Promise<ReadonlyArray<PrinterSummary>>;
};

export type PrintRoute = Readonly<{
  form: PrintForm;
  subjectId: string;
  language: PrintLanguage | null;
  copyNo: number;
  paper: Paper | null;
  /** The form's data, when the loader passed it (the Electron print window). */
  data: string | null;
  /** Open the browser's print dialog once ready (the browser host's Print button). */
  autoPrint: boolean;
}>;

/** base64url of UTF-8, with the platform's btoa/atob (browsers and Node ≥ 16 both have them). */
function encodeData(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function decodeData(encoded: string): string {
  const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** `#/print/<form>/<id>?…`: the hash of the renderer's print route. */
export function printRouteHash(
  route: Omit<PrintRoute, 'data' | 'autoPrint'> & { data?: string | null; autoPrint?: boolean },
): string {
  const params = new URLSearchParams();
  if (route.language) params.set('lang', route.language);
  if (route.copyNo > 0) params.set('copy', String(route.copyNo));
  if (route.paper) params.set('paper', route.paper);
  if (route.autoPrint) params.set('auto', 'print');
  if (route.data) params.set('data', encodeData(route.data));
  const query = params.toString();
  return `#/print/${route.form}/${encodeURIComponent(route.subjectId)}${query ? `?${query}` : ''}`;
}

export function isPrintHash(hash: string): boolean {
  return /^#\/print\//.test(hash);
}

/** The route a hash names, or an error saying what is wrong with it. */
export function parsePrintRouteHash(hash: string): { ok: true; route: PrintRoute } | { ok: false; reason: string } {
  const match = /^#\/print\/([a-z0-9-]+)\/([^/?]+)(?:\?(.*))?$/.exec(hash);
  if (!match) return { ok: false, reason: `not a print route: ${hash.slice(0, 80)}` };
  const form = PRINT_FORMS.find((known) => known === match[1]);
  if (!form) return { ok: false, reason: `unknown form '${match[1]}'` };
  const params = new URLSearchParams(match[3] ?? '');
  const language = PRINT_LANGUAGES.find((known) => known === params.get('lang')) ?? null;
  const paper = PAPERS.find((known) => known === params.get('paper')) ?? null;
  if (paper && !FORM_PAPERS[form].includes(paper)) return { ok: false, reason: `a ${form} is not printed on ${paper}` };
  const copyNo = Number(params.get('copy') ?? '0');
  if (!Number.isInteger(copyNo) || copyNo < 0) return { ok: false, reason: `bad copy number '${params.get('copy')}'` };
  let data: string | null = null;
  const encoded = params.get('data');
  if (encoded) {
    try {
      data = decodeData(encoded);
    } catch {
      return { ok: false, reason: 'the form data in the address is damaged' };
    }
  }
  let subjectId: string;
  try {
    subjectId = decodeURIComponent(match[2]!);
  } catch {
    return { ok: false, reason: 'the record id in the address is damaged' };
  }
  return {
    ok: true,
    route: { form, subjectId, language, copyNo, paper, data, autoPrint: params.get('auto') === 'print' },
  };
}
