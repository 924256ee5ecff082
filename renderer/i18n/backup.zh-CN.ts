/** The `backup` namespace in Chinese: the Backups page, the header's backup warning and the damaged-database screen. */
import type { backupEn } from './backup.en';

export const backupZhCN: typeof backupEn = {
  page: {
    title: '备份',
    intro: '本机每天、每次升级前和每次恢复前都会备份数据库。每份备份写入后都会检查，只有通过检查的备份才能用于恢复。',
    folder: '备份文件夹',
    folderHelp:
      '填写已存在文件夹的完整路径，如 U 盘（E:\\CounterdeskBackups）或网络共享。留空则使用数据库旁的默认文件夹。',
    defaultFolder: '默认文件夹：{{folder}}',
    inUse: '备份保存到：{{folder}}',
    saveFolder: '保存文件夹',
    useDefault: '使用默认文件夹',
    backupNow: '立即备份',
    backedUp: '已完成备份并通过检查',
    list: '本机的备份',
    when: '备份时间',
    kind: '类型',
    size: '大小',
    check: '检查',
    where: '文件夹',
    verified: '通过',
    failed: '未通过',
    restore: '恢复',
    restoreTitle: '用这份备份替换数据库？',
    cancel: '取消',
    restoreConfirm:
      '用 {{when}} 的这份备份替换整个数据库？此后在本机录入的内容将在本机丢失（恢复前会先备份当前数据库）。所有人需要重新登录。',
    restored: '数据库已恢复，应用将重新加载。',
    none: '还没有备份。',
  },
  diagnostics: {
    title: '诊断信息（供技术支持）',
    intro:
      '生成一个 zip 文件交给 IT 或技术支持：包含本机的日志、版本、同步状态、设置和数据库检查结果，不含任何顾客资料、PIN 或密码。',
    folder: '保存到文件夹',
    folderHelp: '留空则保存到当前使用的备份文件夹，或填写完整路径，如 U 盘（E:\\Support）。',
    export: '导出诊断信息',
    done: '诊断信息已保存（{{size}}）',
    doneHelp: '请将此文件发送给 IT 或技术支持。',
    logsCut: '为控制文件大小，最早的日志未包含在内。',
  },
  restoredFrom: '数据库已从 {{when}} 的备份（{{kind}}）恢复。请重新登录。',
  kinds: { daily: '每日', manual: '手动', 'pre-migration': '升级前', 'pre-restore': '恢复前' },
  warning: {
    folder: '无法访问备份文件夹 {{folder}}：在此期间备份保存在本机的默认文件夹，其中已有的备份在重新连接后会再次列出',
    failed: '上一次自动备份失败',
    folderShort: '备份文件夹无法访问',
  },
  damaged: {
    title: '本机的数据库已损坏',
    what: '检查发现数据库文件中有损坏的页面（{{when}}）。这可能是断电或硬盘故障造成的。',
    stopped: '为保护数据，系统不会再向它写入任何内容。',
    todo: '处理方法：请管理员在下方恢复最近一份完好的备份。如果没有备份或恢复失败，请联系 IT，不要关机，也不要手动复制文件。',
    afterRestore: '备份之后录入的内容不在备份中；已在总部注册的门店，同步会取回总部已有的数据。',
    backups: '完好的备份',
    admin: '管理员',
    pin: 'PIN',
    restore: '恢复这份备份',
    noBackups: '本机没有完好的备份：请联系 IT。',
    todoNoBackup: '处理方法：请联系 IT，不要关机，也不要手动复制文件。',
  },
};
