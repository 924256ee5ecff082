/** Error messages of estimates, joined into db/messages.ts with one spread line. No Node imports. */
export const estimateMessages = {
  estimate_wrong_type: {
    en: 'Only repairs and after-sales jobs have estimates',
    zh: '只有维修单和售后单可以报价',
  },
  estimate_lines_min: { en: 'Add at least one line', zh: '请至少添加一行' },
  estimate_quantity_whole: { en: 'The quantity is a whole number', zh: '数量须为整数' },
  estimate_quantity_range: { en: 'The quantity is 1 to 999', zh: '数量为 1 至 999' },
  estimate_price_fen: { en: 'A price has at most two decimals (fen)', zh: '价格最多两位小数（分）' },
  estimate_price_range: { en: 'A unit price is ¥0 to ¥1,000,000', zh: '单价为 ¥0 至 ¥1,000,000' },
  estimate_part_required: { en: 'Choose the part from the catalogue', zh: '请从配件目录中选择配件' },
  estimate_part_unknown: {
    en: 'This part is not in the catalogue (or was retired): choose another',
    zh: '配件目录中没有该配件（或已停用），请重新选择',
  },
  estimate_valid_past: { en: 'The estimate must be valid at least until today', zh: '报价有效期不能早于今天' },
  estimate_valid_too_far: {
    en: 'An estimate is valid for at most 90 days',
    zh: '报价有效期最长 90 天',
  },
  estimate_superseded: {
    en: 'This is no longer the current estimate (someone changed it meanwhile): look at the newest version and try again',
    zh: '这已不是最新的报价（刚被他人修改），请查看最新版本后重试',
  },
  estimate_already_decided: {
    en: 'The customer has already decided on this version: change the estimate to make a new version',
    zh: '客户已对此版本作出决定；如需变更，请修改报价生成新版本',
  },
  estimate_expired: {
    en: 'This estimate has expired: change it (a new validity date makes a new version) and ask the customer again',
    zh: '该报价已过有效期：请修改报价（新的有效期会生成新版本）后重新征得客户同意',
  },
  estimate_changed: {
    en: 'The estimate changed while the customer was looking at it: nothing was recorded. Show the current version and ask again',
    zh: '客户查看期间报价已变更，本次未记录。请出示最新版本后重新确认',
  },
  estimate_required: {
    en: 'This job is not covered by warranty: make an estimate and have the customer approve it before the work starts',
    zh: '该工单不在保修范围内：开工前须先报价并经客户同意',
  },
  estimate_not_approved: {
    en: 'The customer has not approved the current estimate yet: record their approval (signature or phone) before the work starts',
    zh: '客户尚未同意当前报价：开工前请记录客户同意（签名或电话确认）',
  },
  estimate_declined: {
    en: 'The customer declined the estimate: change it and ask again, or close the job',
    zh: '客户拒绝了报价：请修改报价后重新征询，或结束该工单',
  },
} as const;
