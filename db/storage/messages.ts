/** Error texts for the store file and its backups, joined into db/messages.ts. */
export const storageMessages = {
  database_damaged: {
    en: 'The database file on this PC is damaged: nothing more is written to it. Restore the newest good backup (admin) or call IT',
    zh: '本机的数据库文件已损坏，系统不会再写入任何数据。请管理员恢复最近一份完好的备份，或联系 IT',
  },
  database_not_damaged: {
    en: 'The database is not damaged: restore from the Backups page instead',
    zh: '数据库未损坏，请在“备份”页面恢复',
  },
  backup_busy: {
    en: 'A backup or restore is already running: wait for it to finish',
    zh: '正在进行备份或恢复，请等待完成',
  },
  backup_not_found: { en: 'This backup is no longer in the backup folder', zh: '备份文件夹中已没有这份备份' },
  backup_failed_verification: {
    en: 'This backup failed its check (it is damaged or incomplete) and cannot be restored',
    zh: '这份备份未通过检查（已损坏或不完整），不能用于恢复',
  },
  backup_failed: {
    en: 'The backup could not be written: see the backup folder’s warning',
    zh: '备份未能写入，请查看备份文件夹的提示',
  },
  restore_failed: {
    en: 'The restore did not complete: the database is as it was before',
    zh: '恢复未完成，数据库保持原样',
  },
  folder_not_absolute: {
    en: 'Enter a full folder path, e.g. E:\\CounterdeskBackups or /media/usb/backups',
    zh: '请输入完整的文件夹路径，如 E:\\CounterdeskBackups 或 /media/usb/backups',
  },
  folder_missing: {
    en: 'This folder does not exist or cannot be reached (drive or network share not connected?)',
    zh: '该文件夹不存在或无法访问（U 盘或网络共享未连接？）',
  },
  folder_not_writable: { en: 'This PC may not write to this folder', zh: '本机无权写入该文件夹' },
  diagnostics_failed: {
    en: 'The diagnostics file could not be written to this folder: choose another one',
    zh: '诊断文件无法写入该文件夹，请换一个文件夹',
  },
  staff_unreadable: {
    en: 'The staff list cannot be read from the damaged file: call IT to restore a backup by hand',
    zh: '无法从损坏的文件中读取员工名单，请联系 IT 手动恢复备份',
  },
} as const;
