/**
 * Error texts of customer messages, joined into db/messages.ts with one spread line. No Node
 * imports (the renderer reads them).
 */
export const customerMessageErrors = {
  template_unknown_placeholder: {
    en: 'Unknown placeholder in braces: use only {store}, {ticket}, {time}, {storePhone}, {check}',
    zh: '花括号中的占位符无法识别：只能使用 {store}、{ticket}、{time}、{storePhone}、{check}',
  },
  template_braces: {
    en: 'A brace is not closed: placeholders are written like {ticket}',
    zh: '花括号未配对：占位符写法如 {ticket}',
  },
  template_empty: {
    en: 'A template cannot be empty: reset it to use the default',
    zh: '模板不能为空，如需恢复请点“恢复默认”',
  },
  template_too_long: {
    en: 'Too long: with a long store name the message would exceed 300 characters',
    zh: '内容过长：店名较长时短信会超过 300 字',
  },
  quiet_hours_format: { en: 'Use 24-hour time, e.g. 21:00', zh: '请使用 24 小时制时间，如 21:00' },
  message_not_cancellable: {
    en: 'Only a message still waiting to be sent can be cancelled',
    zh: '只有尚未发送的短信可以取消',
  },
  message_not_resendable: {
    en: 'Only a failed or cancelled message can be sent again',
    zh: '只有发送失败或已取消的短信可以重发',
  },
  message_no_consent: {
    en: 'The customer has not agreed to messages, or asked not to be contacted',
    zh: '客户未同意接收短信，或已要求不再联系',
  },
} as const;
