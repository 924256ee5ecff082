/**
 * Every word the progress page shows, in Chinese and English. A customer reads the status of their
 * ticket in plain words, not the workflow's names: "in_repair" is "Being repaired", and the
 * follow-up call that staff wait for is, to the customer, work that is done.
 */

export const PROGRESS_LANGUAGES = ['zh-CN', 'en'] as const;
export type ProgressLanguage = (typeof PROGRESS_LANGUAGES)[number];

type Words = {
  title: string;
  intro: string;
  numberLabel: string;
  numberHint: string;
  tailLabel: string;
  tailHint: string;
  check: string;
  checkAnother: string;
  otherLanguage: string;
  ticket: string;
  status: string;
  appointment: string;
  planned: (date: string) => string;
  balance: string;
  balanceDue: (amount: string) => string;
  nothingToPay: string;
  owedBack: (amount: string) => string;
  noCharges: string;
  waitingParts: string;
  waitingCustomer: string;
  notFound: string;
  badNumber: string;
  badTail: string;
  tooManyFromAddress: (minutes: number) => string;
  tooManyForNumber: (minutes: number) => string;
  expiredForm: string;
  privacy: string;
  statuses: Readonly<Record<string, string>>;
  unknownStatus: string;
};

const zh: Words = {
  title: '服务进度查询',
  intro: '请输入受理回执上的服务单号和您登记的手机号码后 4 位。',
  numberLabel: '服务单号',
  numberHint: '例如 S012-2-20261123-0004',
  tailLabel: '手机号码后 4 位',
  tailHint: '4 位数字',
  check: '查询',
  checkAnother: '查询其他服务单',
  otherLanguage: 'English',
  ticket: '服务单',
  status: '当前进度',
  appointment: '预约时间',
  planned: (date) => `计划于 ${date} 处理，具体时间师傅会与您联系`,
  balance: '待付金额',
  balanceDue: (amount) => `待付 ${amount}`,
  nothingToPay: '无需付款',
  owedBack: (amount) => `门店应退您 ${amount}，请到门店办理`,
  noCharges: '暂无费用',
  waitingParts: '正在等待配件',
  waitingCustomer: '需要您的回复，请联系门店',
  notFound: '没有找到与该单号和手机号码后 4 位相符的服务单。请核对回执上的单号，或联系门店。',
  badNumber: '服务单号格式不对：请按回执上的样子输入，例如 S012-2-20261123-0004。',
  badTail: '请输入手机号码的最后 4 位数字。',
  tooManyFromAddress: (minutes) => `查询次数过多，请 ${minutes} 分钟后再试。`,
  tooManyForNumber: (minutes) => `该服务单的查询次数过多，请 ${minutes} 分钟后再试，或联系门店。`,
  expiredForm: '页面已过期，请重新输入后再查询。',
  privacy: '本页面只显示进度、预约和待付金额，不显示任何个人信息。',
  statuses: {
    // Consultation
    'consultation:recorded': '已受理，正在为您查询',
    'consultation:awaiting_reply': '正在为您查询，稍后答复',
    'consultation:answered': '已答复',
    // Complaint
    'complaint:recorded': '已受理',
    'complaint:assigned': '已安排专人处理',
    'complaint:investigating': '正在调查处理',
    'complaint:solution_proposed': '已提出处理方案',
    'complaint:follow_up': '已处理完毕',
    'complaint:reopened': '正在重新处理',
    'complaint:resolved': '已处理完毕',
    'complaint:archived': '已处理完毕',
    // After-sales
    'aftersales:requested': '已受理，等待核实',
    'aftersales:verified': '已核实，正在确定处理方案',
    'aftersales:plan_decided': '处理方案已定，等待您确认',
    'aftersales:confirmed': '您已确认方案，正在安排',
    'aftersales:in_progress': '正在处理',
    'aftersales:follow_up': '已处理完毕',
    'aftersales:reopened': '正在重新处理',
    'aftersales:closed': '已处理完毕',
    'aftersales:declined': '不符合售后条件，详情请联系门店',
    // Repair
    'repair:received': '已受理，等待安排维修',
    'repair:scheduled': '已安排维修师傅',
    'repair:appointment_set': '已预约上门时间',
    'repair:in_repair': '正在维修',
    'repair:follow_up': '维修已完成',
    'repair:reopened': '正在重新处理',
    'repair:closed': '维修已完成',
    // Feedback
    'feedback:recorded': '已收到您的意见',
    'feedback:reviewed': '已阅，感谢您的意见',
    'feedback:closed': '已处理，感谢您的意见',
    voided: '已取消',
  },
  unknownStatus: '处理中',
};

const en: Words = {
  title: 'Check your service progress',
  intro: 'Enter the ticket number from your receipt and the last 4 digits of the phone number you gave us.',
  numberLabel: 'Ticket number',
  numberHint: 'e.g. S012-2-20261123-0004',
  tailLabel: 'Last 4 digits of your phone',
  tailHint: '4 digits',
  check: 'Check',
  checkAnother: 'Check another ticket',
  otherLanguage: '中文',
  ticket: 'Ticket',
  status: 'Progress',
  appointment: 'Appointment',
  planned: (date) => `Planned for ${date}; the technician will call you with a time`,
  balance: 'Balance due',
  balanceDue: (amount) => `${amount} to pay`,
  nothingToPay: 'Nothing to pay',
  owedBack: (amount) => `The store owes you ${amount}: please ask at the store`,
  noCharges: 'No charges so far',
  waitingParts: 'Waiting for parts',
  waitingCustomer: 'Waiting for your reply: please contact the store',
  notFound:
    'No ticket matches this number and these phone digits. Check the number on your receipt, or contact the store.',
  badNumber: 'That ticket number does not look right: type it as printed on your receipt, e.g. S012-2-20261123-0004.',
  badTail: 'Enter the last 4 digits of your phone number.',
  tooManyFromAddress: (minutes) => `Too many tries: try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
  tooManyForNumber: (minutes) =>
    `Too many tries for this ticket: try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}, or contact the store.`,
  expiredForm: 'This page has expired: enter your details again and check.',
  privacy: 'This page shows only the progress, the appointment and the balance due, never personal details.',
  statuses: {
    'consultation:recorded': 'Received: we are finding out for you',
    'consultation:awaiting_reply': 'We are finding out and will reply',
    'consultation:answered': 'Answered',
    'complaint:recorded': 'Received',
    'complaint:assigned': 'Someone is looking after it',
    'complaint:investigating': 'Being looked into',
    'complaint:solution_proposed': 'We have proposed a solution',
    'complaint:follow_up': 'Dealt with',
    'complaint:reopened': 'Being looked into again',
    'complaint:resolved': 'Dealt with',
    'complaint:archived': 'Dealt with',
    'aftersales:requested': 'Received: to be checked',
    'aftersales:verified': 'Checked: deciding what to do',
    'aftersales:plan_decided': 'Solution decided: waiting for you to confirm',
    'aftersales:confirmed': 'You confirmed: being arranged',
    'aftersales:in_progress': 'In progress',
    'aftersales:follow_up': 'Done',
    'aftersales:reopened': 'Being looked into again',
    'aftersales:closed': 'Done',
    'aftersales:declined': 'Not covered by after-sales service: please ask the store for details',
    'repair:received': 'Received: a technician will be assigned',
    'repair:scheduled': 'A technician has been assigned',
    'repair:appointment_set': 'Appointment made',
    'repair:in_repair': 'Being repaired',
    'repair:follow_up': 'Repair done',
    'repair:reopened': 'Being looked into again',
    'repair:closed': 'Repair done',
    'feedback:recorded': 'Received: thank you',
    'feedback:reviewed': 'Read: thank you for telling us',
    'feedback:closed': 'Dealt with: thank you for telling us',
    voided: 'Cancelled',
  },
  unknownStatus: 'In progress',
};

export const WORDS: Readonly<Record<ProgressLanguage, Words>> = { 'zh-CN': zh, en };

/** The status of a ticket of `type` in the customer's words. */
export function statusWords(language: ProgressLanguage, type: string, status: string): string {
  const words = WORDS[language];
  if (status === 'voided') return words.statuses.voided!;
  return words.statuses[`${type}:${status}`] ?? words.unknownStatus;
}

/**
 * The language of the page: the one the customer switched to, else the first of Chinese or
 * English their browser asks for (by its q weights), else Chinese.
 */
export function pickLanguage(chosen: unknown, acceptLanguage: string | undefined): ProgressLanguage {
  if (chosen === 'en' || chosen === 'zh-CN') return chosen;
  const asked = (acceptLanguage ?? '')
    .slice(0, 500)
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([01](\.\d+)?)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag, q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of asked) {
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'zh-CN';
}
