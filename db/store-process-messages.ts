/** What the counter is told when its store process is down or refuses a call; joined into db/messages.ts. */
export const storeProcessMessages = {
  store_restarting: {
    en: 'The store is restarting after a fault; this request may or may not have been saved. Check before entering it again.',
    zh: '数据存储出现故障，正在重新启动；本次操作可能已保存，也可能未保存，请先查看再重新录入。',
  },
  store_stopped: {
    en: 'The store stopped after repeated faults. Close Counterdesk and start it again; if it happens again, call support.',
    zh: '数据存储多次出现故障，已停止运行。请关闭 Counterdesk 后重新打开；如再次出现，请联系技术支持。',
  },
  store_not_responding: {
    en: 'The store stopped responding and is being restarted; this request may or may not have been saved. Check before entering it again.',
    zh: '数据存储没有响应，正在重新启动；本次操作可能已保存，也可能未保存，请先查看再重新录入。',
  },
  store_busy: { en: 'Too many requests are waiting; try again in a moment.', zh: '等待处理的请求过多，请稍后重试。' },
  request_too_large: { en: 'The request is too large', zh: '请求内容过大' },
  result_too_large: { en: 'The answer is too large to show', zh: '结果数据过大，无法显示' },
} as const;
