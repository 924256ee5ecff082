/** The customers area's handlers, joined into db/handlers.ts with one spread. */
import * as exchange from './exchange-methods';
import * as customer from './methods';
import * as product from './product-methods';

export const customersHandlers = {
  'customers.create': customer.customersCreate,
  'customers.update': customer.customersUpdate,
  'customers.get': customer.customersGet,
  'customers.search': customer.customersSearch,
  'customers.duplicates': customer.customersDuplicates,
  'customers.history': customer.customersHistory,
  'customers.addNote': customer.customersAddNote,
  'customers.merge': customer.customersMerge,
  'customers.tiers': customer.customersTiers,
  'customers.categories': customer.customersCategories,
  'customers.addProduct': product.customersAddProduct,
  'customers.updateProduct': product.customersUpdateProduct,
  'customers.removeProduct': product.customersRemoveProduct,
  'customers.importBegin': exchange.customersImportBegin,
  'customers.importCheck': exchange.customersImportCheck,
  'customers.importCommit': exchange.customersImportCommit,
  'customers.importCancel': exchange.customersImportCancel,
  'customers.export': exchange.customersExport,
};
