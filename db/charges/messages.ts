/**
 * Error messages of charges and payments, joined into db/messages.ts with one spread line. Each says
 * what is wrong with the money so the counter can put it right. No Node imports (the renderer reads it).
 */
export const chargesMessages = {
  charge_amount_invalid: {
    en: 'Enter an amount in yuan with at most two decimals, not negative',
    zh: '金额以元为单位，最多两位小数，且不能为负',
  },
  charge_amount_positive: { en: 'The amount must be at least ¥0.01', zh: '金额至少为 ¥0.01' },
  charge_amount_too_large: {
    en: 'The amount is too large (at most ¥10,000,000.00)',
    zh: '金额过大（最多 ¥10,000,000.00）',
  },
  charge_qty_invalid: { en: 'The quantity is a whole number from 1 to 999', zh: '数量须为 1 至 999 的整数' },
  charge_description_required: { en: 'Say what the labour was', zh: '请填写工时项目' },
  charge_reason_required: { en: 'Give a reason', zh: '请填写原因' },
  charge_method_invalid: {
    en: 'Choose how it was paid: cash, WeChat Pay, Alipay, bank card or on account',
    zh: '请选择付款方式：现金、微信支付、支付宝、银行卡或挂账',
  },
  charge_ticket_type: {
    en: 'Only repair and after-sales tickets carry charges',
    zh: '只有维修和售后工单可以收费',
  },
  charge_too_many_lines: {
    en: 'This ticket already has 200 charge lines: void unneeded ones first',
    zh: '该工单收费明细已达 200 条，请先作废不需要的明细',
  },
  charge_too_many_payments: {
    en: 'This ticket already has 200 payments recorded',
    zh: '该工单已记录 200 笔收退款',
  },
  charge_discount_below_zero: {
    en: 'The discount is larger than the charges: the total cannot go below ¥0.00',
    zh: '折扣超过收费合计：合计金额不能低于 ¥0.00',
  },
  charge_void_below_zero: {
    en: 'Voiding this line would leave the discounts larger than the charges: void the discount first',
    zh: '作废此项后折扣将超过收费合计，请先作废折扣',
  },
  charge_line_voided: { en: 'This line is already voided', zh: '该收费项已作废' },
  charge_part_line: {
    en: 'A part is charged while it is issued to the job: return the part on its requisition instead',
    zh: '配件费随领用自动计入：如不再使用，请在领用单上退回配件',
  },
  charge_payment_over_balance: {
    en: 'The payment is more than the balance due: take what is due, or a deposit',
    zh: '收款金额超过应收余额：请按应收金额收款，或改收定金',
  },
  charge_refund_over_paid: {
    en: 'The refund is more than what is left of this payment after earlier refunds',
    zh: '退款金额超过该笔收款扣除已退款后的余额',
  },
  charge_refund_of_refund: { en: 'A refund cannot itself be refunded', zh: '退款记录不能再退款' },
} as const;
