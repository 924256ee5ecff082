/**
 * The update settings' table (migration 0018), joined into `DB` in db/schema.ts with one `&` line.
 * `update_setting` is this PC's install window: local, never in the change log.
 */
export type UpdateSettingTable = { id: number; installFrom: string; installTo: string; updatedAt: string };

export type UpdateTables = { updateSetting: UpdateSettingTable };
