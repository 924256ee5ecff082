/**
 * Every message a user can be shown for an error, keyed, in both languages. The zod schemas use
 * the keys as their messages; the dispatcher sends the English text with the key, and the
 * renderer shows the key's text in the current language. One list, so the two never drift.
 */
import { chargesMessages } from './charges/messages';
import { customerMessages } from './customers/messages';
import { customerMessageErrors } from './messages/errors';
import { partsMessages } from './parts/messages';
import { purchasingMessages } from './parts/purchasing/messages';
import { ticketMessages } from './tickets/messages';
import { estimateMessages } from './tickets/estimates/messages';
import { printMessages } from './print/messages';
import { storageMessages } from './storage/messages';
import { syncMessages } from './sync/messages';
import { trainingMessages } from './training/messages';
import { storeProcessMessages } from './store-process-messages';

export const errorMessages = {
  required: { en: 'This field is required', zh: '此项必填' },
  too_long: { en: 'Too long', zh: '内容过长' },
  too_many: { en: 'Too many entries', zh: '条目过多' },
  phone_invalid: {
    en: 'Not a valid phone number: a mobile has 11 digits starting with 1; a landline starts with its area code, e.g. 021-12345678',
    zh: '电话号码格式不正确：手机号为以 1 开头的 11 位数字；座机需带区号，如 021-12345678',
  },
  phone_repeated: { en: 'This phone number is entered twice', zh: '该号码重复填写' },
  phones_min_one: { en: 'Enter at least one phone number', zh: '请至少填写一个电话号码' },
  pin_format: { en: 'The PIN is 4 to 8 digits', zh: 'PIN 为 4 至 8 位数字' },
  pin_mismatch: { en: 'The two PINs differ', zh: '两次输入的 PIN 不一致' },
  store_code_format: {
    en: 'Store code: a capital letter then 1–9 capitals or digits, e.g. S012',
    zh: '门店编码：以大写字母开头，后接 1–9 位大写字母或数字，如 S012',
  },
  counter_no_range: { en: 'Counter number is a whole number from 1 to 99', zh: '柜台号为 1 至 99 的整数' },
  time_format: { en: 'Use 24-hour time, e.g. 09:30', zh: '请使用 24 小时制时间，如 09:30' },
  closes_before_opens: { en: 'Closing time must be after opening time', zh: '营业结束时间须晚于开始时间' },
  window_empty: {
    en: 'The install window must not start and end at the same time',
    zh: '安装时段的开始与结束时间不能相同',
  },
  working_days_min: { en: 'Choose at least one working day', zh: '请至少选择一个工作日' },
  idle_minutes_range: { en: 'Idle lock: 1 to 120 minutes', zh: '空闲锁屏时间为 1 至 120 分钟' },
  invalid_value: { en: 'Invalid value', zh: '取值无效' },
  invalid_input: { en: 'The request is malformed', zh: '请求格式不正确' },
  not_signed_in: { en: 'Please sign in', zh: '请先登录' },
  session_expired: { en: 'Locked after being idle: sign in again', zh: '长时间未操作已锁定，请重新登录' },
  permission_denied: { en: 'Your role may not do this', zh: '您的岗位无权执行此操作' },
  not_found: { en: 'Not found: it may have been removed', zh: '未找到记录，可能已被删除' },
  conflict: { en: 'Changed by someone else meanwhile: reload and try again', zh: '记录已被他人修改，请刷新后重试' },
  bad_pin: { en: 'Wrong PIN', zh: 'PIN 不正确' },
  pin_locked: {
    en: 'Too many wrong PINs: this person is locked out for 5 minutes, then try again',
    zh: 'PIN 错误次数过多：此人被锁定 5 分钟，之后再试',
  },
  pin_not_set_here: {
    en: 'No PIN is set for this person on this PC yet: an admin must set it on the Staff page here',
    zh: '此人在本机还没有设置 PIN：请管理员在本机的“员工”页面为其设置',
  },
  staff_inactive: { en: 'This staff account is deactivated', zh: '该员工账号已停用' },
  last_admin: { en: 'The store must keep at least one active admin', zh: '门店至少需保留一名在岗管理员' },
  setup_done: { en: 'This store is already set up', zh: '门店已完成初始设置' },
  setup_needed: { en: 'Set up the store first', zh: '请先完成门店初始设置' },
  unknown_method: { en: 'Unknown request', zh: '未知请求' },
  internal: { en: 'Something went wrong; nothing was saved', zh: '系统出错，本次操作未保存' },
  disk_full: {
    en: "The disk is full: nothing was saved. Free space on this PC's disk and try again.",
    zh: '磁盘已满，本次操作未保存。请清理本机磁盘空间后重试。',
  },
  date_out_of_range: {
    en: 'The date must be between 2000-01-01 and 2100-12-31',
    zh: '日期须在 2000-01-01 至 2100-12-31 之间',
  },
  text_unstorable: {
    en: 'This text contains a character that cannot be saved (a broken character or a NUL): retype it',
    zh: '文本中含有无法保存的字符（残缺字符或空字符），请重新输入',
  },
  ...partsMessages,
  ...purchasingMessages,
  ...ticketMessages,
  ...estimateMessages,
  ...printMessages,
  ...customerMessages,
  ...customerMessageErrors,
  ...syncMessages,
  ...storageMessages,
  ...storeProcessMessages,
  ...chargesMessages,
  ...trainingMessages,
} as const satisfies Record<string, { en: string; zh: string }>;

export type MessageKey = keyof typeof errorMessages;

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(errorMessages, key);
}

export function englishMessage(key: string): string {
  return isMessageKey(key) ? errorMessages[key].en : key;
}
