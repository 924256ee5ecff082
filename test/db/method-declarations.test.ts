/**
 * What the one-line method declarations guarantee. Most of it is checked by the compiler: each
 * `@ts-expect-error` below marks a declaration that must not compile, and `npm run typecheck`
 * fails if it ever does. The rest is checked when the test runs.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import type { CustomerDetail, DeskBridge, MethodInput, MethodName, MethodResult } from '../../db/api';
import { customersMethods } from '../../db/customers/methods';
import { noInput } from '../../db/fields';
import { areaMethods, method, type Handler } from '../../db/handler';
import { deskMethods, isMethodName } from '../../db/methods';
import { partsMethods } from '../../db/parts/methods';
import { purchasingMethods } from '../../db/parts/purchasing/table';
import { printMethods } from '../../db/print/methods';
import { staffMethods } from '../../db/staff/methods';
import { backupMethods } from '../../db/storage/methods';
import { appMethods, storeMethods } from '../../db/store/methods';
import { syncMethods } from '../../db/sync/methods';
import { messagesMethods } from '../../db/messages/methods';
import { trainingMethods } from '../../db/training/methods';
import { ticketsMethods } from '../../db/tickets/methods';
import { chargesMethods } from '../../db/charges/methods';
import { estimateMethods } from '../../db/tickets/estimates/methods';

const byIdSchema = z.object({ id: z.string() });
const byYearSchema = z.object({ year: z.number() });
const findById: Handler<typeof byIdSchema, { id: string }> = async (_ctx, input) => ({ id: input.id });
const readOnly = { access: 'signedIn', mutates: false } as const;

describe('method declarations', () => {
  it('take only a handler written for what the input schema parses to', () => {
    expect(method(byIdSchema, readOnly, findById).handler).toBe(findById);
    // @ts-expect-error the handler reads `id`, which this schema does not give it
    method(byYearSchema, readOnly, findById);
    // @ts-expect-error a method without a handler
    method(byIdSchema, readOnly);
  });

  it('name every method of a table after its area, and let app methods only read', () => {
    expect(Object.keys(areaMethods('customers', { 'customers.find': method(byIdSchema, readOnly, findById) }))).toEqual(
      ['customers.find'],
    );
    // @ts-expect-error a tickets method in the customers table
    areaMethods('customers', { 'tickets.find': method(byIdSchema, readOnly, findById) });
    // @ts-expect-error a name without its area
    areaMethods('customers', { find: method(byIdSchema, readOnly, findById) });
    // @ts-expect-error no desk area is called invoices
    areaMethods('invoices', { 'invoices.find': method(byIdSchema, readOnly, findById) });
    // @ts-expect-error app has no changed event, so its methods may not write
    areaMethods('app', { 'app.reset': method(noInput, { access: 'public', mutates: true }, async () => null) });
  });

  it('give the renderer each method’s input and result types, read from the handlers', () => {
    expectTypeOf<MethodResult<'customers.create'>>().toEqualTypeOf<CustomerDetail>();
    expectTypeOf<MethodInput<'customers.get'>>().toEqualTypeOf<{ id: string }>();
    expectTypeOf<'customers.drop'>().not.toExtend<MethodName>();
    // Never called: the compiler checks the calls a renderer may write.
    const _calls = (desk: DeskBridge) => {
      void desk.call('customers.get', { id: 'c1' });
      // @ts-expect-error a misspelt field
      void desk.call('customers.get', { idd: 'c1' });
      // @ts-expect-error an unknown method
      void desk.call('customers.drop', {});
    };
    expect(isMethodName('customers.get')).toBe(true);
    expect(isMethodName('customers.drop')).toBe(false);
  });

  it('joins the area tables without one name hiding another', () => {
    const tables = [
      appMethods,
      staffMethods,
      storeMethods,
      customersMethods,
      partsMethods,
      purchasingMethods,
      printMethods,
      ticketsMethods,
      chargesMethods,
      estimateMethods,
      messagesMethods,
      trainingMethods,
      syncMethods,
      backupMethods,
    ];
    const names = tables.flatMap((table) => Object.keys(table));
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(deskMethods)).toEqual(names);
  });
});
