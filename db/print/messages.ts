/**
 * Error messages of printing, joined into db/messages.ts with one spread line. No Node imports
 * (the renderer reads them).
 */
export const printMessages = {
  print_copies_range: { en: 'Copies: a whole number from 1 to 9', zh: '份数为 1 至 9 的整数' },
  print_silent_needs_printer: {
    en: 'Choose a printer to print without the dialog',
    zh: '请先选择打印机，才能不弹出对话框直接打印',
  },
  paper_not_for_form: { en: 'This form is not printed on that paper', zh: '该单据不能使用此纸张' },
  print_copy_ahead: {
    en: 'That copy number is ahead of the print log: refresh and print again',
    zh: '副本编号与打印记录不符，请刷新后重新打印',
  },
  label_count_range: {
    en: `Labels: a whole number from 1 to 200 per print (a whole location at most 240 bins)`,
    zh: '标签数量为每次 1 至 200 张（整个库位最多 240 个货位）',
  },
  label_no_bins: { en: 'No bins match: no part is kept on such a bin', zh: '没有匹配的货位：没有配件存放在这样的货位' },
  scan_unknown: {
    en: 'Not a ticket or part this counter knows',
    zh: '不是本柜台已知的工单或配件',
  },
} as const satisfies Record<string, { en: string; zh: string }>;
