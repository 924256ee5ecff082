/**
 * Error messages of the spare-parts area, joined into db/messages.ts with one spread line. Each
 * names the problem so the clerk at the shelf can fix it. No Node imports (the renderer reads it).
 */
export const partsMessages = {
  qty_whole: { en: 'Quantities are whole units: no fractions', zh: '数量须为整数，不能有小数' },
  qty_positive: { en: 'The quantity must be at least 1', zh: '数量至少为 1' },
  qty_not_negative: { en: 'The quantity cannot be negative', zh: '数量不能为负数' },
  qty_nonzero: { en: 'An adjustment of zero changes nothing', zh: '调整数量不能为 0' },
  qty_too_large: { en: 'The quantity is too large (at most 99,999)', zh: '数量过大（最多 99999）' },
  money_invalid: {
    en: 'Enter an amount in yuan, at most two decimals, not negative',
    zh: '金额以元为单位，最多两位小数，且不能为负',
  },
  part_no_format: {
    en: 'Part number: letters, digits, - . / only, up to 40 characters',
    zh: '配件编号只能包含字母、数字和 - . /，最多 40 位',
  },
  part_no_taken: { en: 'Another part already has this part number', zh: '该配件编号已被其他配件使用' },
  part_retired: {
    en: 'This part is retired: it can no longer be received or requested',
    zh: '该配件已停用，不能再入库或申领',
  },
  catalogue_hq_owned: {
    en: 'Head office keeps the catalogue and prices: only bin and reorder settings can be changed here',
    zh: '配件目录和价格由总部维护，门店只能修改货位和补货设置',
  },
  location_code_taken: { en: 'Another location already has this code', zh: '该库位编码已被使用' },
  location_code_format: {
    en: 'Location code: capitals, digits and - only, up to 12',
    zh: '库位编码只能包含大写字母、数字和 -，最多 12 位',
  },
  location_retired: {
    en: 'This location is retired: it takes no new stock (reactivate it first)',
    zh: '该库位已停用，不能再入库（请先重新启用）',
  },
  location_main_retire: {
    en: 'The main store room cannot be retired: documents that name no location use it',
    zh: '主库房不能停用：未指定库位的单据都使用主库房',
  },
  location_holds_stock: {
    en: 'This location still holds stock (the parts are listed with it): transfer or adjust them to zero before retiring it',
    zh: '该库位仍有库存（配件列在库位下方），请先调出或调整为零再停用',
  },
  same_location: { en: 'Transfer to a different location', zh: '调入库位不能与调出库位相同' },
  date_format: { en: 'Use a date like 2026-11-23', zh: '日期格式应为 2026-11-23' },
  received_on_future: { en: 'The delivery date cannot be in the future', zh: '到货日期不能晚于今天' },
  received_before_order: {
    en: 'The delivery date cannot be before the order was approved: check the PC’s date',
    zh: '到货日期不能早于采购单审批日期，请检查电脑日期',
  },
  lines_min_one: { en: 'Add at least one line', zh: '请至少添加一行' },
  lines_repeated: { en: 'The same part is listed twice: put it on one line', zh: '同一配件重复填写，请合并为一行' },
  line_unknown: { en: 'This line is not on the document', zh: '单据上没有这一行' },
  reason_required: { en: 'Give a reason', zh: '请填写原因' },
  receipt_closed: {
    en: 'This receipt is closed: nothing more can be received or inspected on it',
    zh: '该入库单已关闭，不能再收货或验收',
  },
  receipt_not_inspected: { en: 'Inspect every line before closing the receipt', zh: '请先验收所有行再关闭入库单' },
  inspection_sum: {
    en: 'Accepted plus rejected must equal the delivered quantity',
    zh: '合格数加不合格数须等于到货数',
  },
  reject_reason_required: { en: 'Say why units were rejected', zh: '请填写拒收原因' },
  ticket_unknown: { en: 'No ticket with this number', zh: '没有这个单号的服务单' },
  ticket_not_repair: { en: 'Parts are requested for repair tickets only', zh: '只有维修服务单可以申领配件' },
  ticket_closed: {
    en: 'This ticket is closed: no more parts can be requested for it',
    zh: '该服务单已关闭，不能再申领配件',
  },
  requisition_signed: { en: 'This requisition has already been signed', zh: '该领用单已审批' },
  requisition_not_approved: {
    en: 'The parts lead has not approved this requisition: nothing can be issued',
    zh: '该领用单未经配件组长审批，不能发料',
  },
  requisition_cancel_issued: {
    en: 'Parts have already been issued on this requisition, so it cannot be cancelled: return the unused parts against it instead',
    zh: '该领用单已发料，不能取消；请在领用单上办理退料',
  },
  requisition_cancel_closed: {
    en: 'This requisition is already closed (rejected, cancelled or fully issued)',
    zh: '该领用单已结束（已驳回、已取消或已全部发料）',
  },
  requisition_cancel_not_yours: {
    en: 'Only the technician who requested it, or the parts lead, can cancel this requisition',
    zh: '只有申领人或配件组长可以取消该领用单',
  },
  requisition_cancelled: { en: 'This requisition was cancelled', zh: '该领用单已取消' },
  approve_over_request: { en: 'You cannot approve more than was requested', zh: '批准数量不能超过申领数量' },
  line_reduced_reason_required: {
    en: 'Say why fewer are approved than were requested',
    zh: '核减数量时请填写原因',
  },
  line_rejected_reason_required: { en: 'Say why this line is rejected', zh: '驳回该行时请填写原因' },
  over_issue: { en: 'More than was approved and not yet issued', zh: '超出已批准未发放的数量' },
  over_return: { en: 'More than was issued and not yet returned', zh: '超出已发放未退回的数量' },
  stocktake_closed: { en: 'This stocktake is no longer counting', zh: '该盘点单已结束' },
  stocktake_running: { en: 'A stocktake is already counting at this location', zh: '该库位已有进行中的盘点' },
  stocktake_uncounted: { en: 'Count every line before posting the stocktake', zh: '请先盘点所有行再过账' },
  variance_reason_required: { en: 'Explain the difference before posting', zh: '请先说明盘点差异原因' },
  part_no_unknown: { en: 'No part with this part number', zh: '没有这个编号的配件' },
  movement_reversed: { en: 'This movement has already been reversed', zh: '该流水已被冲销' },
  movement_is_reversal: { en: 'A reversing movement cannot itself be reversed', zh: '冲销流水不能再次冲销' },
  movement_on_requisition: {
    en: 'Issues and returns are corrected on their requisition (return the parts)',
    zh: '领用发料请在领用单上办理退料更正',
  },
  days_range: { en: 'Days: a whole number from 1 to 3650', zh: '天数为 1 至 3650 的整数' },
  carrier_required: { en: 'Name the carrier (or "own van")', zh: '请填写承运方（或"自送"）' },
  credit_note_required: { en: "Enter the supplier's credit note number", zh: '请填写供应商的红字发票/贷项通知单号' },
  shipped_on_future: { en: 'The shipping date cannot be in the future', zh: '发货日期不能晚于今天' },
  shipped_before_created: {
    en: 'The shipping date cannot be before the return was written',
    zh: '发货日期不能早于退货单开单日期',
  },
  return_already_shipped: { en: 'This return has already been shipped', zh: '该退货单已发货' },
  return_not_shipped: {
    en: 'Ship the return before recording the credit note',
    zh: '退货单尚未发货，不能登记供应商退款',
  },
  return_already_credited: { en: "The supplier's credit is already recorded", zh: '该退货单已登记供应商退款' },
  return_cancelled: { en: 'This return was cancelled', zh: '该退货单已取消' },
  return_cancel_shipped: {
    en: 'The goods have left the store: a shipped return cannot be cancelled',
    zh: '货物已发出，已发货的退货单不能取消',
  },
  return_cancel_inspection: {
    en: 'Rejects from a delivery never entered stock and must still go back: ship this return',
    zh: '验收拒收的货物从未入库，仍须退回供应商，请办理发货',
  },
  return_over_stock: {
    en: 'More than this location holds: return at most what is on the shelf',
    zh: '超出该库位现有库存，退货数量不能多于在库数量',
  },
  clearance_not_reduced: {
    en: 'The clearance price must be below the catalogue price',
    zh: '清仓价必须低于目录售价',
  },
  clearance_no_stock: { en: 'This part has no stock to clear', zh: '该配件没有库存，无需清仓' },
  movement_on_shipped_return: {
    en: 'These parts left with a return that has shipped (or was cancelled): they cannot be put back by reversing',
    zh: '该退货单已发货（或已取消），不能通过冲销把配件放回库存',
  },
  clearance_none_open: { en: 'This part is not on clearance', zh: '该配件不在清仓中' },
} as const satisfies Record<string, { en: string; zh: string }>;
