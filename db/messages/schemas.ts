/** Input schemas of the messages methods (db/messages/methods.ts). No Node imports. */
import { z } from 'zod';
import { textInput } from '../fields';
import { MESSAGE_EVENTS, MESSAGE_LANGUAGES } from './contract';

const id = z.uuid({ error: 'invalid_value' });
const clockTime = textInput({ error: 'quiet_hours_format' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'quiet_hours_format');

export const ticketMessagesSchema = z.object({ ticketId: id });
export const messageActionSchema = z.object({ messageId: id });

/** Templates are checked again on the desk (placeholders, rendered length): the schema bounds the input. */
export const messageSettingsSchema = z.object({
  quietStart: clockTime,
  quietEnd: clockTime,
  templates: z
    .array(
      z.object({
        event: z.enum(MESSAGE_EVENTS, { error: 'invalid_value' }),
        language: z.enum(MESSAGE_LANGUAGES, { error: 'invalid_value' }),
        body: textInput().max(400, 'too_long'),
      }),
    )
    .max(MESSAGE_EVENTS.length * MESSAGE_LANGUAGES.length, 'too_many')
    .refine((list) => new Set(list.map((t) => `${t.event}:${t.language}`)).size === list.length, 'invalid_value'),
});
export type MessageSettingsInput = z.input<typeof messageSettingsSchema>;
