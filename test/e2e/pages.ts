/**
 * Page models named after the workflows (docs/STYLE.md §15). They find controls by role and accessible
 * name, in whichever language the page shows, so a test reads like the person at the counter.
 */
import type { Locator, Page } from 'playwright-core';

export type Lang = 'en' | 'zh';

/**
 * Picks an antd Select option and waits until the field shows it. On a loaded machine a click can
 * land while the dropdown is still moving into place and choose nothing; the choice is then tried
 * again, and after four tries the error says what the field shows instead.
 */
export async function chooseOption(
  page: Page,
  field: Locator,
  option: string | RegExp,
  { exact = typeof option === 'string' } = {},
): Promise<void> {
  const select = field.locator(
    'xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]',
  );
  const shown = typeof option === 'string' ? option : new RegExp(option.source.replace(/^\^/, ''), option.flags);
  for (let attempt = 1; ; attempt += 1) {
    // This field's own list: another select's list may still be fading out.
    if ((await field.getAttribute('aria-expanded')) !== 'true') await field.click();
    await page.getByRole('option', { name: option, exact }).click();
    try {
      await select.filter({ hasText: shown }).waitFor({ timeout: 3_000 });
      return;
    } catch (error) {
      if (attempt >= 4)
        throw new Error(`"${String(option)}" did not land in the field; it shows "${await select.innerText()}"`, {
          cause: error,
        });
    }
  }
}
const text = {
  setupHeading: { en: 'Set up this store', zh: '门店初始设置' },
  storeCode: { en: 'Store code', zh: '门店编码' },
  storeName: { en: 'Store name', zh: '门店名称' },
  counterNo: { en: 'Counter number', zh: '柜台号' },
  adminName: { en: 'Admin name', zh: '管理员姓名' },
  confirmPin: { en: 'Confirm PIN', zh: '确认 PIN' },
  createStore: { en: 'Create store', zh: '创建门店' },
  signIn: { en: 'Sign in', zh: '登录' },
  staffMember: { en: 'Staff member', zh: '员工' },
  lock: { en: 'Lock', zh: '锁定' },
  search: { en: 'Search customers', zh: '搜索顾客' },
  results: { en: 'Customers found', zh: '搜索结果' },
  newCustomer: { en: 'New customer', zh: '新建顾客' },
  name: { en: 'Name', zh: '姓名' },
  phone1: { en: 'Phone 1', zh: '电话 1' },
  save: { en: 'Save', zh: '保存' },
  language: { en: 'Language', zh: '语言' },
} as const;

export function say(key: keyof typeof text, lang: Lang): string {
  return text[key][lang];
}

export class FirstRunSetup {
  constructor(
    private readonly page: Page,
    private readonly lang: Lang = 'en',
  ) {}
  async createStore(store: {
    code: string;
    name: string;
    counterNo: number;
    adminName: string;
    pin: string;
  }): Promise<void> {
    const p = this.page;
    await p.getByRole('heading', { name: say('setupHeading', this.lang) }).waitFor();
    await p.getByLabel(say('storeCode', this.lang)).fill(store.code);
    await p.getByLabel(say('storeName', this.lang)).fill(store.name);
    await p.getByLabel(say('counterNo', this.lang)).fill(String(store.counterNo));
    await p.getByLabel(say('adminName', this.lang)).fill(store.adminName);
    await p.getByLabel('PIN', { exact: true }).fill(store.pin);
    await p.getByLabel(say('confirmPin', this.lang)).fill(store.pin);
    await p.getByRole('button', { name: say('createStore', this.lang) }).click();
  }
}

export class SignIn {
  constructor(
    private readonly page: Page,
    private readonly lang: Lang = 'en',
  ) {}
  async as(name: string, pin: string): Promise<void> {
    const p = this.page;
    await p
      .getByRole('radiogroup', { name: say('staffMember', this.lang) })
      .getByRole('radio', { name })
      .check();
    await p.getByLabel('PIN', { exact: true }).fill(pin);
    await p.getByRole('button', { name: say('signIn', this.lang) }).click();
  }
}

export class CounterSearch {
  constructor(
    private readonly page: Page,
    private readonly lang: Lang = 'en',
  ) {}
  box() {
    return this.page.getByRole('combobox', { name: say('search', this.lang) });
  }
  results() {
    return this.page.getByRole('listbox', { name: say('results', this.lang) }).getByRole('option');
  }
  async find(query: string): Promise<void> {
    await this.box().fill(query);
  }
}

export class CustomerForm {
  constructor(
    private readonly page: Page,
    private readonly lang: Lang = 'en',
  ) {}
  async open(): Promise<void> {
    await this.page.getByRole('button', { name: say('newCustomer', this.lang) }).click();
  }
  dialog() {
    return this.page.getByRole('dialog');
  }
  async fill({ name, phone }: { name: string; phone: string }): Promise<void> {
    await this.dialog().getByLabel(say('name', this.lang), { exact: true }).fill(name);
    await this.dialog().getByLabel(say('phone1', this.lang), { exact: true }).fill(phone);
  }
  async save(): Promise<void> {
    await this.dialog()
      .getByRole('button', { name: say('save', this.lang) })
      .click();
  }
}
