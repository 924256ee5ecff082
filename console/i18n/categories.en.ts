/** English text of the product categories page. */
import type { categoriesZhCN } from './categories.zh-CN';

export const categoriesEn: Record<keyof typeof categoriesZhCN, string> = {
  title: 'Categories',
  intro:
    "A category sets the warranty of customers' products. Built-in categories show their defaults until head office sets them; categories cannot be deleted.",
  new: 'New category',
  newTitle: 'New category',
  editTitle: 'Edit category {{code}}',
  code: 'Code',
  codeHelp: '2–20 lowercase letters, digits or _; cannot be changed later',
  codeFixed: 'The code cannot be changed',
  codeRule: '2–20 lowercase letters, digits or _, starting with a letter',
  nameZh: 'Chinese name',
  nameEn: 'English name',
  warrantyMonths: 'Warranty',
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
