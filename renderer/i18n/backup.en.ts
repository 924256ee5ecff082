/** The `backup` namespace: the Backups page, the header's backup warning and the damaged-database screen, in English. */
export const backupEn = {
  page: {
    title: 'Backups',
    intro:
      'This PC backs up its database every day, before every upgrade and before every restore. Each copy is checked after it is written; only copies that passed are offered for restore.',
    folder: 'Backup folder',
    folderHelp:
      'A full path to an existing folder, e.g. a USB drive (E:\\CounterdeskBackups) or a network share. Leave empty for the default folder beside the database.',
    defaultFolder: 'Default folder: {{folder}}',
    inUse: 'Backups go to: {{folder}}',
    saveFolder: 'Save folder',
    useDefault: 'Use the default folder',
    backupNow: 'Back up now',
    backedUp: 'Backup taken and checked',
    list: 'Backups on this PC',
    when: 'Taken',
    kind: 'Kind',
    size: 'Size',
    check: 'Check',
    where: 'Folder',
    verified: 'Passed',
    failed: 'Failed',
    restore: 'Restore',
    restoreTitle: 'Replace the database with this backup?',
    cancel: 'Cancel',
    restoreConfirm:
      'Replace the whole database with this copy from {{when}}? Everything entered since then on this PC is lost here (a copy of the current database is taken first). Everyone must sign in again.',
    restored: 'Database restored. The app reloads.',
    none: 'No backups yet.',
  },
  diagnostics: {
    title: 'Diagnostics for support',
    intro:
      'One zip file for IT or support: the log files of this PC, the versions, the sync state, the settings and the database check. It holds no customer data, no PINs and no passwords.',
    folder: 'Save to folder',
    folderHelp: 'Leave empty for the backup folder in use, or enter a full path, e.g. a USB drive (E:\\Support).',
    export: 'Export diagnostics',
    download: 'Download diagnostics',
    downloaded: 'Diagnostics downloaded ({{size}})',
    downloadedHelp: 'The file is in this browser’s downloads; the copy above stays on this PC. ',
    done: 'Diagnostics saved ({{size}})',
    doneHelp: 'Send this file to IT or support.',
    logsCut: 'The oldest log entries were left out to keep the file small.',
  },
  restoredFrom: 'The database was restored from the backup of {{when}} ({{kind}}). Sign in again.',
  kinds: { daily: 'Daily', manual: 'By hand', 'pre-migration': 'Before an upgrade', 'pre-restore': 'Before a restore' },
  warning: {
    folder:
      'Backup folder {{folder}} cannot be reached: backups go to the default folder on this PC meanwhile, and the copies in it are listed again once it is back',
    failed: 'The last automatic backup failed',
    folderShort: 'Backup folder unreachable',
  },
  damaged: {
    title: 'The database on this PC is damaged',
    what: 'A check found damaged pages in the database file ({{when}}). This can happen after a power cut or a failing disk.',
    stopped: 'To protect your data, nothing more is written to it.',
    todo: 'What to do: an administrator restores the newest good backup below. If there is none, or the restore fails, call IT and do not switch the PC off or copy files by hand.',
    afterRestore:
      'Work entered after the backup was taken is not in it; after enrollment with head office, sync brings back what head office already has.',
    backups: 'Good backups',
    admin: 'Administrator',
    pin: 'PIN',
    restore: 'Restore this backup',
    noBackups: 'There is no good backup on this PC: call IT.',
    todoNoBackup: 'What to do: call IT. Do not switch the PC off or copy files by hand.',
  },
};
