/**
 * A request or response body already serialised, sent as is. Head office splices each record's
 * state into a snapshot page as PostgreSQL returns its text; the counter splices each change's
 * fields into a push as the outbox stored them (written by JSON.stringify, change-log.ts). Neither
 * parses a text only to serialise it again.
 */
export class RawJson {
  constructor(readonly text: string) {}
}
