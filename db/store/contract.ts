/** Store settings: schemas and result types (the methods are declared in methods.ts). No Node imports. */
import { z } from 'zod';
import { textInput } from '../fields';
import { counterNoSchema, storeNameSchema } from '../staff/contract';

const timeSchema = textInput({ error: 'time_format' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time_format');

export const storeUpdateSchema = z
  .object({
    name: storeNameSchema,
    counterNo: counterNoSchema,
    phone: textInput().trim().max(30, 'too_long').default(''),
    address: textInput().trim().max(200, 'too_long').default(''),
    opensAt: timeSchema,
    closesAt: timeSchema,
    workingDays: z
      .array(z.number().int('invalid_value').min(1, 'invalid_value').max(7, 'invalid_value'))
      .min(1, 'working_days_min')
      .max(7, 'invalid_value'),
    idleLockMinutes: z
      .number({ error: 'idle_minutes_range' })
      .int('idle_minutes_range')
      .min(1, 'idle_minutes_range')
      .max(120, 'idle_minutes_range'),
  })
  .superRefine((value, ctx) => {
    if (value.closesAt <= value.opensAt)
      ctx.addIssue({ code: 'custom', message: 'closes_before_opens', path: ['closesAt'] });
  });
export type StoreUpdateInput = z.input<typeof storeUpdateSchema>;

export type StoreSettings = Readonly<{
  id: string;
  code: string;
  name: string;
  counterNo: number;
  phone: string;
  address: string;
  opensAt: string;
  closesAt: string;
  workingDays: ReadonlyArray<number>;
  idleLockMinutes: number;
}>;

/** Opening hours head office offers; applying one copies its hours into the form, saved as the store's own. */
export type OpeningHoursTemplateView = Readonly<{
  id: string;
  name: string;
  opensAt: string;
  closesAt: string;
  workingDays: ReadonlyArray<number>;
}>;

export type AppInfo = Readonly<{
  version: string;
  schemaVersion: number;
  forcedLanguage: 'zh-CN' | 'en' | null;
  host: 'electron' | 'browser';
}>;

/**
 * When this PC may install a downloaded update: local `HH:MM` times (`from` after `to` spans
 * midnight), or null to install only when the app quits.
 */
export const installWindowSchema = z
  .object({
    window: z.object({ from: timeSchema, to: timeSchema }).nullable(),
  })
  .superRefine((value, ctx) => {
    if (value.window && value.window.from === value.window.to)
      ctx.addIssue({ code: 'custom', message: 'window_empty', path: ['window', 'to'] });
  });
export type InstallWindow = Readonly<{ from: string; to: string }> | null;
