/** Error and problem texts for sync, joined into db/messages.ts. */
export const syncMessages = {
  sync_url_invalid: {
    en: 'Enter head office’s full address, e.g. https://hq.example.com:8443 (it must start with https://)',
    zh: '请输入总部的完整地址，例如 https://hq.example.com:8443（须以 https:// 开头）',
  },
  sync_code_format: {
    en: 'The enrollment code has 12 letters and digits, e.g. ABCD-EFGH-JKLM',
    zh: '注册码为 12 位字母和数字，如 ABCD-EFGH-JKLM',
  },
  sync_ca_format: {
    en: 'Paste the CA certificate as PEM text (-----BEGIN CERTIFICATE-----)',
    zh: '请粘贴 PEM 格式的 CA 证书（-----BEGIN CERTIFICATE-----）',
  },
  sync_not_running: { en: 'Sync is not running in this window', zh: '本窗口未运行同步' },
  sync_already_enrolled: { en: 'This PC is already enrolled with head office', zh: '本机已在总部注册' },
} as const;

/** Why head office refused a change, shown on the sync problems page (codes from headoffice/apply.ts). */
export const rejectionReasons = {
  hq_owned: { en: 'Set by head office: the store may not change it', zh: '由总部设定，门店不能修改' },
  hq_field: { en: 'This field is set by head office (e.g. the customer tier)', zh: '该字段由总部设定（如客户等级）' },
  other_store: { en: 'The record belongs to another store', zh: '该记录属于其他门店' },
  customer_not_linked: {
    en: 'This customer is not shared with this store: ask head office to link the customer to this store, then enter the change again',
    zh: '该客户未与本门店共享：请总部先将该客户关联到本门店，再重新录入此修改',
  },
  other_store_record: {
    en: 'It refers to a record of another store (a ticket, form or stock location)',
    zh: '它引用了其他门店的记录（工单、单据或库位）',
  },
  refused_record: {
    en: 'It refers to a record head office refused in the same sync (see the problem above)',
    zh: '它引用的记录在同一次同步中已被总部拒绝（见上一条问题）',
  },
  append_only: { en: 'This record can only be added, never changed or removed', zh: '该记录只能新增，不能修改或删除' },
  unknown_entity: {
    en: 'Head office does not know this kind of record yet (update head office)',
    zh: '总部尚不支持此类记录（请升级总部系统）',
  },
} as const;
