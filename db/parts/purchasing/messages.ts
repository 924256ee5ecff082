/**
 * Error messages of purchase orders, joined into db/messages.ts with one spread line. Each says what
 * to do next. No Node imports (the renderer reads it).
 */
export const purchasingMessages = {
  po_supplier_unknown: { en: 'This supplier is not on file at this store', zh: '本店没有该供应商的档案' },
  po_expected_past: {
    en: 'The expected delivery date cannot be before today',
    zh: '预计到货日期不能早于今天',
  },
  po_part_no_supplier: {
    en: 'This part has no supplier: add one in the catalogue, or order it by hand',
    zh: '该配件没有供应商：请先在配件目录中添加，或手工建采购单',
  },
  po_not_draft: { en: 'Only a draft order can be changed or submitted', zh: '只有草稿状态的采购单可以修改或提交' },
  po_not_awaiting: { en: 'This order is not awaiting approval', zh: '该采购单不在待审批状态' },
  po_needs_manager: {
    en: 'This order is above the store’s approval limit: the after-sales manager approves it',
    zh: '该采购单金额超过本店审批限额，须由售后部经理审批',
  },
  po_closed: { en: 'This order is already cancelled or closed', zh: '该采购单已取消或已关闭' },
  po_not_approved: { en: 'Only an approved order can be closed short', zh: '只有已审批的采购单可以短缺关闭' },
  po_has_receipts: {
    en: 'Goods have arrived against this order: close it short instead of cancelling',
    zh: '该采购单已有到货，不能取消，请改为短缺关闭',
  },
  po_nothing_open: { en: 'Everything on this order has arrived: nothing to close', zh: '该采购单已全部到货，无需关闭' },
  po_not_receivable: {
    en: 'Goods can only be received against an approved order that is still open',
    zh: '只能对已审批且未关闭的采购单收货',
  },
  po_other_supplier: { en: 'This order is with another supplier', zh: '该采购单属于其他供应商' },
  po_part_not_ordered: {
    en: 'This part is not on the purchase order: receive it without the order, or on its own receipt',
    zh: '该配件不在采购单上：请不关联采购单单独收货',
  },
  po_over_delivery: {
    en: 'More than is still open on the order: receive at most the open quantity and send the rest back',
    zh: '超过采购单的未到数量：最多按未到数量收货，多余部分退回',
  },
  po_period_order: { en: 'The period ends before it starts', zh: '结束日期早于开始日期' },
} as const;
