/** Error messages of the customer file, joined into db/messages.ts. */
export const customerMessages = {
  date_format: {
    en: 'Use a real date as YYYY-MM-DD, e.g. 2026-11-23',
    zh: '请填写有效日期，格式为 YYYY-MM-DD，如 2026-11-23',
  },
  date_in_future: { en: 'The purchase date is in the future', zh: '购买日期晚于今天' },
  phone_taken: { en: 'A customer with this phone is already on file', zh: '该电话号码已登记在其他顾客名下' },
  merge_same: { en: 'Choose a different customer to merge into', zh: '请选择另一位顾客作为合并目标' },
  merge_gone: { en: 'That customer was merged or removed meanwhile', zh: '该顾客已被合并或删除' },
  category_days_range: { en: 'Days: a whole number from 0 to 3650', zh: '天数须为 0 至 3650 的整数' },
  category_months_range: { en: 'Months: a whole number from 0 to 120', zh: '月数须为 0 至 120 的整数' },
  category_code_format: {
    en: 'Code: 2–20 lowercase letters, digits or _, starting with a letter, e.g. aircon',
    zh: '编码：2–20 位小写字母、数字或下划线，以字母开头，如 aircon',
  },
  category_exchange_shorter: {
    en: 'The exchange window cannot be shorter than the return window',
    zh: '换货期不能短于退货期',
  },
  category_main_parts_shorter: {
    en: 'The main parts’ warranty cannot be shorter than the whole unit’s',
    zh: '主要部件保修期不能短于整机保修期',
  },
  categories_hq_owned: {
    en: 'This store is enrolled with head office: product categories and their 三包 terms are set there',
    zh: '本店已接入总部：商品类别及三包期限由总部设置',
  },
  unknown_category: { en: 'Unknown product category', zh: '未知的商品类别' },
  price_invalid: { en: 'Price: a number of yuan with at most two decimals', zh: '价格须为元，最多两位小数' },
  import_gone: { en: 'This import was finished or cancelled: start again', zh: '本次导入已完成或已取消，请重新开始' },
  import_empty: { en: 'There are no good rows to import', zh: '没有可导入的有效行' },
  import_too_many: { en: 'Too many rows for one import: split the file', zh: '单次导入行数过多，请拆分文件' },
  import_owner_unknown: {
    en: 'No customer on file has this phone: import the customer first',
    zh: '没有登记此电话的顾客，请先导入顾客',
  },
  import_unreadable: {
    en: 'The file could not be read: save it as CSV or XLSX and try again',
    zh: '无法读取该文件，请另存为 CSV 或 XLSX 后重试',
  },
  import_repeated: {
    en: 'The same phone appears on an earlier row of this file',
    zh: '该电话号码在文件前面的行中已出现',
  },
} as const satisfies Record<string, { en: string; zh: string }>;
