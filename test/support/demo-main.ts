/**
 * `npm run demo` runs this first: makes (once) a demo database of a store with thousands of
 * customers and one staff member per role, then prints the sign-ins.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openDesk } from '../../db/desk';
import { createConsoleLogger } from '../../db/log';
import { DEMO_STAFF, seedStore } from './seed';

const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, customers: { type: 'string' } } });
const dataDir = resolve(values['data-dir'] ?? '.counterdesk-demo');
const file = join(dataDir, 'counterdesk.sqlite');
const customers = Number(values.customers ?? 3000);

if (!existsSync(file)) {
  const desk = await openDesk({
    file,
    appVersion: __APP_VERSION__,
    host: 'browser',
    forcedLanguage: null,
    logger: createConsoleLogger('demo'),
  });
  process.stdout.write(`Making a demo store with ${customers} customers in ${dataDir} …\n`);
  await seedStore(desk, { customers, onProgress: (n) => process.stdout.write(`  ${n} customers\n`) });
  await desk.close();
}
process.stdout.write('\nDemo sign-ins (name, role, PIN):\n');
for (const staff of DEMO_STAFF)
  process.stdout.write(`  ${staff.name.padEnd(6, '　')} ${staff.role.padEnd(20)} ${staff.pin}\n`);
process.stdout.write('\n');
