/**
 * 0014: app releases head office offers to the counters (docs/architecture/updates.md). A release is
 * one app version; for each platform feed (`win`, `linux`) it keeps the channel file electron-builder
 * wrote (latest.yml, latest-linux.yml) verbatim and the files it names, whose bytes live on disk in
 * the updates folder. The rollout says who is offered it: the stores listed, and a percentage of all
 * PCs (a PC's bucket is a hash of its id, so it stays in or out as the percentage grows); a paused
 * release is offered to nobody. A new release starts offered to nobody. Frozen once landed.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE update_release (
    version TEXT PRIMARY KEY,
    uploaded_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    store_codes TEXT[] NOT NULL DEFAULT '{}',
    percent INTEGER NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
    paused BOOLEAN NOT NULL DEFAULT false,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE TABLE update_feed (
    version TEXT NOT NULL REFERENCES update_release (version),
    platform TEXT NOT NULL CHECK (platform IN ('win','linux')),
    channel_file TEXT NOT NULL,
    channel_text TEXT NOT NULL,
    PRIMARY KEY (version, platform)
  )`.execute(db);
  await sql`CREATE TABLE update_file (
    platform TEXT NOT NULL CHECK (platform IN ('win','linux')),
    name TEXT NOT NULL,
    version TEXT NOT NULL REFERENCES update_release (version),
    size INTEGER NOT NULL CHECK (size >= 0),
    sha512 TEXT NOT NULL,
    PRIMARY KEY (platform, name)
  )`.execute(db);
}
