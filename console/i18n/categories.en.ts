/** English text of the product categories page. */
import type { categoriesZhCN } from './categories.zh-CN';

export const categoriesEn: Record<keyof typeof categoriesZhCN, string> = {
  title: 'Categories',
  intro:
    "A category sets the 三包 terms of customers' products: return and exchange windows and warranty. Built-in categories show their defaults until head office sets them; categories cannot be deleted.",
  new: 'New category',
  newTitle: 'New category',
  editTitle: 'Edit category {{code}}',
  code: 'Code',
  codeHelp: '2–20 lowercase letters, digits or _; cannot be changed later',
  codeFixed: 'The code cannot be changed',
  codeRule: '2–20 lowercase letters, digits or _, starting with a letter',
  nameZh: 'Chinese name',
  nameEn: 'English name',
  warrantyMonths: 'Whole-unit warranty',
  mainPartsMonths: 'Main parts warranty',
  mainPartsRule: 'Not shorter than the whole unit’s warranty',
  returnDays: 'Return window (days)',
  exchangeDays: 'Exchange window (days)',
  exchangeRule: 'Not shorter than the return window',
  days: 'days',
  windows: 'Return / exchange',
  windowsValue: '{{ret}} d / {{exch}} d',
  windowsNote:
    'The return and exchange windows count from the day after the purchase and include their last day (defaults from the national 三包 rules: return within 7 days, exchange within 15). Stores judge on the day the after-sales request is taken; a refund or exchange outside its window needs an after-sales manager and a reason.',
  months: 'months',
  monthsValue: '{{count}} months',
  position: 'Order',
  warrantyNote:
    'A new warranty term applies to products registered from now on; registered products keep their warranty end.',
  source: 'Source',
  setByHq: 'Set by head office',
  builtIn: 'Built-in default',
  actions: 'Actions',
  edit: 'Edit',
  save: 'Save',
  cancel: 'Cancel',
  saved: 'Saved; stores get it at their next sync',
  required: 'Required',
};
