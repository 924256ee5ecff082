/**
 * Table types of the customer file (migration 0002), joined into `DB` in db/schema.ts.
 * `customer` here adds the 0002 columns to the foundation's customer table (the two intersect).
 */
import type { Insertable, Selectable } from 'kysely';
import type { CustomerTable } from '../schema';

export type ContactChannel = 'phone' | 'sms' | 'wechat' | 'email' | 'visit';
export type TierRule = 'manual' | 'auto';

export type CustomerFileColumns = {
  /** manual: staff with customers.tier set it; auto: from spend and purchases (customer_tier thresholds). */
  tierRule: TierRule;
  preferredChannel: ContactChannel | null;
  /** 0/1: the customer agreed to be contacted (follow-ups, offers). */
  contactConsent: number;
  /** 0/1: never call or text. Wins over consent, and wins in a sync conflict (docs/SYNC.md §2.5). */
  doNotContact: number;
  /** The language the customer reads messages in (migration 0023); null: the store's default. */
  language: 'zh-CN' | 'en' | null;
};

export type CustomerAddressTable = {
  id: string;
  customerId: string;
  label: string;
  address: string;
  position: number;
  createdAt: string;
  hlc: string;
};

export type CustomerNoteTable = {
  id: string;
  customerId: string;
  body: string;
  staffId: string | null;
  createdAt: string;
  hlc: string;
};

/** A merged duplicate: reading `fromId` leads to `intoId` (docs/SYNC.md §2.5). */
export type CustomerMergeTable = {
  fromId: string;
  intoId: string;
  mergedAt: string;
  mergedBy: string | null;
  hlc: string;
};

export type CustomerTierTable = {
  tier: 'regular' | 'silver' | 'gold' | 'vip';
  rank: number;
  /** Auto rule: reached when spend ≥ minSpendFen or purchases ≥ minVisits (null: not by that measure). */
  minSpendFen: number | null;
  minVisits: number | null;
  replyMinutes: number;
  resolveHours: number;
  serviceStandard: string;
  updatedAt: string;
  hlc: string;
};

export type ProductCategoryTable = {
  code: string;
  nameZh: string;
  nameEn: string;
  /** The whole unit's repair warranty (整机三包有效期). */
  warrantyMonths: number;
  /** 三包 windows after the purchase (docs/architecture/sanbao-rules.md). */
  returnDays: number;
  exchangeDays: number;
  /** The main components' repair warranty (主要部件三包有效期), never shorter than the whole unit's. */
  mainPartsMonths: number;
  position: number;
  updatedAt: string;
  hlc: string;
};

export type ProductTable = {
  id: string;
  customerId: string;
  category: string;
  brand: string;
  model: string;
  serial: string | null;
  /** YYYY-MM-DD */
  purchaseDate: string | null;
  purchaseStore: string | null;
  receiptNo: string | null;
  /** Fen. */
  priceFen: number | null;
  /** YYYY-MM-DD: purchase date + the category's warranty months. */
  warrantyEnd: string | null;
  createdStoreId: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  hlc: string;
};

/** The counter search's index: `<kind>:<key>` → customer. Kinds in db/customers/search-terms.ts. */
export type SearchTermTable = { term: string; customerId: string };

export type ImportBatchTable = {
  id: string;
  kind: 'customers' | 'products';
  fileName: string;
  staffId: string | null;
  createdAt: string;
};
export type ImportRowTable = {
  batchId: string;
  line: number;
  data: string;
  errorKey: string | null;
  errorField: string | null;
  dedupeKey: string | null;
};

/** Every export of personal data: who, when, what, how many rows (docs/DOMAIN.md §9). */
export type CustomerExportTable = {
  id: string;
  staffId: string | null;
  createdAt: string;
  scope: string;
  query: string;
  format: 'xlsx' | 'csv';
  rowCount: number;
  hlc: string;
};

export type CustomerFileTables = {
  customer: CustomerTable & CustomerFileColumns;
  customerAddress: CustomerAddressTable;
  customerNote: CustomerNoteTable;
  customerMerge: CustomerMergeTable;
  customerTier: CustomerTierTable;
  productCategory: ProductCategoryTable;
  product: ProductTable;
  searchTerm: SearchTermTable;
  searchBacklog: { customerId: string };
  importBatch: ImportBatchTable;
  importRow: ImportRowTable;
  customerExport: CustomerExportTable;
};

export type CustomerFileRow = Selectable<CustomerTable & CustomerFileColumns>;
export type ProductRow = Selectable<ProductTable>;
export type NewProductRow = Insertable<ProductTable>;
export type CustomerTierRow = Selectable<CustomerTierTable>;
