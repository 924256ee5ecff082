/** 退货单的中文文字，并入 `print` 命名空间；键与 print-returns.en.ts 相同。 */
import type { printReturnsEn } from './print-returns.en';

export const printReturnsZhCN: typeof printReturnsEn = {
  supplierReturn: {
    supplier: '供应商',
    contact: '联系人',
    source: '退货原因',
    sources: { inspection: '验收拒收', stock: '库存退货' },
    receipt: '入库单',
    agreement: '退货协议',
    reason: '说明',
    location: '出库库位',
    status: '状态',
    statuses: { created: '已开单', shipped: '已发货', credited: '已退款', cancelled: '已取消' },
    shipped: '发货',
    shippedLine: '{{on}} · {{carrier}} {{waybill}}',
    credit: '供应商退款',
    creditLine: '{{no}} · {{amount}}',
    cancelled: '取消',
    unitCost: '单位成本',
    amount: '金额',
    lineReason: '原因',
    total: '成本合计',
    writtenBy: '开单人',
    shippedBy: '发货人',
    carrierSign: '承运人',
    supplierSign: '供应商签收',
  },
};
