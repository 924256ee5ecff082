/**
 * Fills a store through the desk API (so every row has its change-log row, as in real use): the
 * store, one staff member per role with known PINs, and customers from the generator.
 */
import type { MethodInput, MethodName } from '../../db/api';
import type { ClientState, Desk } from '../../db/desk-types';
import type { Role } from '../../db/staff/roles';
import { createGenerator } from './generator';
import { seedParts } from './seed-parts';
import { seedService } from './seed-service';

export const DEMO_STORE = { storeCode: 'S012', storeName: '南京西路旗舰店', counterNo: 1 };

export const DEMO_STAFF: ReadonlyArray<{ name: string; role: Role; pin: string }> = [
  { name: '王经理', role: 'admin', pin: '1000' },
  { name: '李娜', role: 'counter_staff', pin: '1111' },
  { name: '张敏', role: 'cs_lead', pin: '2222' },
  { name: '刘强', role: 'repair_lead', pin: '3333' },
  { name: '陈师傅', role: 'technician', pin: '4444' },
  { name: '杨洋', role: 'parts_lead', pin: '5555' },
  { name: '赵磊', role: 'parts_clerk', pin: '6666' },
  { name: '周经理', role: 'aftersales_manager', pin: '7777' },
];

async function must<M extends MethodName>(
  desk: Desk,
  client: ClientState,
  method: M,
  input: MethodInput<M>,
): Promise<unknown> {
  const result = await desk.dispatch(client, method, input);
  if (!result.ok) throw new Error(`${method} failed while seeding: ${result.error.message}`);
  return result.value;
}

export async function seedStore(
  desk: Desk,
  {
    customers = 3000,
    seed = 20261125,
    onProgress,
  }: { customers?: number; seed?: number; onProgress?: (done: number) => void } = {},
): Promise<void> {
  const client: ClientState = { sessionId: null };
  const [admin, ...others] = DEMO_STAFF;
  await must(desk, client, 'setup.createStore', { ...DEMO_STORE, adminName: admin!.name, adminPin: admin!.pin });
  for (const staff of others) await must(desk, client, 'staff.create', staff);
  const generator = createGenerator(seed);
  const made: Array<{ id: string; name: string }> = [];
  for (let i = 0; i < customers; i++) {
    const c = generator.customer();
    const created = await must(desk, client, 'customers.create', {
      name: c.name,
      tier: c.tier,
      notes: c.notes,
      phones: c.phones.map((number) => ({ number })),
    });
    made.push({ id: (created as { id: string }).id, name: c.name });
    if (onProgress && (i + 1) % 500 === 0) onProgress(i + 1);
  }
  await seedParts(desk, client);
  // After the parts, so the parts demo's repair keeps its ticket number.
  await seedService(desk, client, DEMO_STAFF, made, seed);
  await must(desk, client, 'session.signOut', { reason: 'manual' });
}
