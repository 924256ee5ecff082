/** Part of the `print` namespace: the labels' texts and the label dialogs, in Chinese. */
import type { PrintMessages } from './print.en';

export const printLabelsZhCN: Pick<PrintMessages, 'label'> = {
  label: {
    partNo: '配件编号',
    bin: '货位',
    noBin: '未设货位',
    location: '库位',
    moreParts: '另有 {{n}} 种',
    empty: '空货位',
    customer: '顾客',
    phone: '电话',
    takenIn: '收件日期',
    product: '产品',
    pieceOf: '第 {{n}} 件，共 {{count}} 件',
    count: '标签张数',
    countHelp: '每件一张（最多 200 张）。',
    binOrShelf: '货位或货架',
    binOrShelfHelp: '一个货位（A-01-1）、一个货架（A-01*），或用 * 打印本库位全部货位。',
    printPartLabels: '打印标签',
    printBinLabels: '货位标签',
    printGoodsTags: '打印物品标签',
    pieces: '收件件数',
    piecesHelp: '每件一张：主机、遥控器、电源适配器……',
    next: '预览',
    labelsPerUnit: '标签（{{n}} 张）',
  },
};
