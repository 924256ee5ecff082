/**
 * Realistic, reproducible store data: Chinese names, mobile and landline numbers, addresses, and
 * the products they bought with serial and receipt numbers.
 * Seeded, so a test, a benchmark and the demo all get the same people for the same seed.
 */
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(
    '',
  );
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬飞鹏辉建国志文斌宇浩凯佳欣怡晨阳子涵梓萱一诺雨桐思远俊杰嘉怡婷雪梅海燕春兰振华立新'.split(
    '',
  );
const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '157',
  '158',
  '159',
  '166',
  '176',
  '177',
  '180',
  '181',
  '186',
  '187',
  '188',
  '189',
  '191',
  '199',
];
const CITIES = [
  { city: '上海市', area: '021', districts: ['静安区', '徐汇区', '浦东新区', '长宁区', '杨浦区'] },
  { city: '北京市', area: '010', districts: ['朝阳区', '海淀区', '东城区', '西城区', '丰台区'] },
  { city: '南京市', area: '025', districts: ['鼓楼区', '玄武区', '秦淮区', '建邺区'] },
  { city: '杭州市', area: '0571', districts: ['西湖区', '上城区', '拱墅区', '滨江区'] },
  { city: '广州市', area: '020', districts: ['天河区', '越秀区', '海珠区', '番禺区'] },
];
const ROADS = ['南京西路', '淮海中路', '人民路', '解放路', '中山路', '建设路', '长江路', '和平路', '文化路', '青年路'];

/** mulberry32: small, fast, good enough for test data; not for anything secret. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type GeneratedCustomer = {
  name: string;
  phones: string[];
  address: string;
  tier: 'regular' | 'silver' | 'gold' | 'vip';
  notes: string;
};

export function createGenerator(seed = 20261125) {
  const random = createRandom(seed);
  const pick = <T>(items: ReadonlyArray<T>): T => items[Math.floor(random() * items.length)]!;
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
  const usedMobiles = new Set<string>();

  function mobile(): string {
    for (;;) {
      const number = `${pick(MOBILE_PREFIXES)}${digits(8)}`;
      if (!usedMobiles.has(number)) {
        usedMobiles.add(number);
        return number;
      }
    }
  }

  function name(): string {
    const given = random() < 0.35 ? pick(GIVEN) : `${pick(GIVEN)}${pick(GIVEN)}`;
    return `${pick(SURNAMES)}${given}`;
  }

  function customer(): GeneratedCustomer {
    const place = pick(CITIES);
    const phones = [mobile()];
    if (random() < 0.2)
      phones.push(`${place.area}-${2 + Math.floor(random() * 8)}${digits(place.area.length === 3 ? 7 : 6)}`);
    const roll = random();
    const tier = roll < 0.03 ? 'vip' : roll < 0.1 ? 'gold' : roll < 0.25 ? 'silver' : 'regular';
    return {
      name: name(),
      phones,
      address: `${place.city}${pick(place.districts)}${pick(ROADS)}${1 + Math.floor(random() * 999)}号${1 + Math.floor(random() * 30)}0${1 + Math.floor(random() * 4)}室`,
      tier,
      notes: random() < 0.1 ? pick(['偏好电话联系', '周末上门方便', '老顾客，多次购买', '请先短信再来电']) : '',
    };
  }

  function product(today = '2026-11-25'): GeneratedProduct {
    const line = pick(PRODUCT_LINES);
    const brand = pick(line.brands);
    const model = `${line.model}-${digits(3)}${pick(['', 'A', 'S', 'X', 'Pro'])}`;
    const daysAgo = Math.floor(random() * 5 * 365);
    const bought = new Date(Date.parse(`${today}T00:00:00Z`) - daysAgo * 86_400_000).toISOString().slice(0, 10);
    const serialChars = Array.from(
      { length: 10 },
      () => SERIAL_ALPHABET[Math.floor(random() * SERIAL_ALPHABET.length)],
    ).join('');
    return {
      category: line.category,
      brand: brand.name,
      model,
      serial: `${brand.serialPrefix}${serialChars}`,
      purchaseDate: bought,
      purchaseStore: pick(STORES),
      receiptNo: `FP${bought.replaceAll('-', '')}${digits(6)}`,
      priceFen: Math.round((line.price[0] + random() * (line.price[1] - line.price[0])) / 100) * 10_000,
    };
  }

  return { customer, mobile, name, product, random };
}

export type GeneratedProduct = {
  category: string;
  brand: string;
  model: string;
  serial: string;
  purchaseDate: string;
  purchaseStore: string;
  receiptNo: string;
  priceFen: number;
};

/** Unambiguous on a label: no I, O, 0 or 1. */
const SERIAL_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const STORES = ['南京西路旗舰店', '徐汇店', '浦东店', '网上商城'];
/** Category codes from migration 0002; price ranges in yuan. */
const PRODUCT_LINES: ReadonlyArray<{
  category: string;
  model: string;
  price: [number, number];
  brands: ReadonlyArray<{ name: string; serialPrefix: string }>;
}> = [
  {
    category: 'tv',
    model: 'TV65',
    price: [1999, 12999],
    brands: [
      { name: '海信', serialPrefix: 'HS' },
      { name: '创维', serialPrefix: 'SK' },
      { name: 'TCL', serialPrefix: 'TC' },
    ],
  },
  {
    category: 'fridge',
    model: 'BCD',
    price: [2499, 15999],
    brands: [
      { name: '海尔', serialPrefix: 'HR' },
      { name: '美的', serialPrefix: 'MD' },
      { name: '西门子', serialPrefix: 'SM' },
    ],
  },
  {
    category: 'washer',
    model: 'TG',
    price: [1599, 8999],
    brands: [
      { name: '小天鹅', serialPrefix: 'LS' },
      { name: '海尔', serialPrefix: 'HR' },
    ],
  },
  {
    category: 'aircon',
    model: 'KFR',
    price: [2599, 9999],
    brands: [
      { name: '格力', serialPrefix: 'GL' },
      { name: '美的', serialPrefix: 'MD' },
    ],
  },
  {
    category: 'kitchen',
    model: 'CXW',
    price: [899, 5999],
    brands: [
      { name: '方太', serialPrefix: 'FT' },
      { name: '老板', serialPrefix: 'LB' },
    ],
  },
  {
    category: 'small',
    model: 'MB',
    price: [199, 1999],
    brands: [
      { name: '苏泊尔', serialPrefix: 'SP' },
      { name: '九阳', serialPrefix: 'JY' },
    ],
  },
  {
    category: 'furniture',
    model: 'SF',
    price: [2999, 19999],
    brands: [
      { name: '顾家家居', serialPrefix: 'KK' },
      { name: '全友', serialPrefix: 'QY' },
    ],
  },
  {
    category: 'mattress',
    model: 'MT',
    price: [1999, 12999],
    brands: [
      { name: '喜临门', serialPrefix: 'XL' },
      { name: '慕思', serialPrefix: 'DR' },
    ],
  },
];

/**
 * Products for the demo's proof-of-purchase records: the same lines, brands and number formats as
 * `createGenerator().product`, bought within the last `years`, from a stream of its own so adding
 * products never changes the customers a seed makes.
 */
export function createProductGenerator(seed: number) {
  const random = createRandom(seed ^ 0x5eed5);
  const pick = <T>(items: ReadonlyArray<T>): T => items[Math.floor(random() * items.length)]!;
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
  function product(today: string, years = 3): GeneratedProduct {
    const line = pick(PRODUCT_LINES);
    const brand = pick(line.brands);
    const bought = new Date(Date.parse(`${today}T00:00:00Z`) - Math.floor(random() * years * 365) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    return {
      category: line.category,
      brand: brand.name,
      model: `${line.model}-${digits(3)}${pick(['', 'A', 'S', 'X', 'Pro'])}`,
      serial: `${brand.serialPrefix}${Array.from({ length: 10 }, () => pick([...SERIAL_ALPHABET])).join('')}`,
      purchaseDate: bought,
      purchaseStore: pick(STORES),
      receiptNo: `FP${bought.replaceAll('-', '')}${digits(6)}`,
      priceFen: Math.round((line.price[0] + random() * (line.price[1] - line.price[0])) / 100) * 10_000,
    };
  }
  return { product, random, pick };
}
