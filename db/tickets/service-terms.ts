/**
 * The terms printed on the repair service form (维修服务单), in both languages the form prints in.
 * They are part of what the customer signs (db/tickets/service-form.ts): the signed content holds
 * the text itself, not a reference, so a later change of wording shows as a change after signing
 * on every form signed under the old words. Change the text and the version together. No Node imports.
 */
export type ServiceTerms = Readonly<{ version: string; zh: ReadonlyArray<string>; en: ReadonlyArray<string> }>;

export const SERVICE_TERMS: ServiceTerms = {
  version: 'repair-terms/2026-12',
  zh: [
    '送修前请核对以上所列商品及附件。',
    '保修期内凭购买凭证免费维修；保修期外按本单所列工时、配件及金额收费，保修范围内的项目按 ¥0.00 计。',
    '本单所列费用、已收款项及应付余额经顾客签字确认；签字后如有变更，须重新签字确认。',
    '接到取件通知后 90 天内未取的商品，本店将依法处理。',
    '存储设备内的数据请顾客自行备份，维修过程中数据丢失本店不承担责任。',
  ],
  en: [
    'Please check the goods and accessories listed above before you leave them with us.',
    'Repairs under warranty are free of charge with proof of purchase; otherwise labour and parts are charged as listed on this form, and items under warranty at ¥0.00.',
    'The charges, payments received and balance due listed here are confirmed by the customer’s signature; any change after signing needs a new signature.',
    'Goods not collected within 90 days of our notice may be disposed of in accordance with the law.',
    'Data on storage devices is the customer’s responsibility: please back it up before the repair.',
  ],
};
