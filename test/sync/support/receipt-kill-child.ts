/**
 * A counter PC making one desk call in a process of its own (receiving goods against an order, or
 * closing the receipt), killed with SIGKILL from inside at the Nth write statement of the call (an
 * insert, update or delete run on the SQLite connection, found by wrapping it, so db/ carries no
 * test hooks). Without RK_NTH it makes the call and reports how many writes it made.
 *
 * Reports on stdout: ready | hit <n> | done <writes>.
 * Environment: RK_FILE (the store), RK_METHOD and RK_INPUT (the call, its input as JSON), RK_STAFF
 * and RK_PIN (a parts clerk), RK_NTH (where to die).
 */
import Database from 'better-sqlite3';
import { writeSync } from 'node:fs';
import { openDesk } from '../../../db/desk';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};
const say = (line: string) => writeSync(1, `${line}\n`);
const nth = Number(process.env.RK_NTH ?? '0');

let armed = false;
let writes = 0;
const prepare = Database.prototype.prepare;
Database.prototype.prepare = function wrapped(this: Database.Database, source: string) {
  const statement = prepare.call(this, source);
  if (!/^\s*(insert|update|delete)\b/i.test(source)) return statement;
  return new Proxy(statement, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (property !== 'run') return value.bind(target);
      return (...params: unknown[]) => {
        if (armed) {
          writes += 1;
          if (writes === nth) {
            say(`hit ${writes}`);
            process.kill(process.pid, 'SIGKILL');
          }
        }
        return (value as (...p: unknown[]) => unknown).apply(target, params);
      };
    },
  });
} as typeof Database.prototype.prepare;

async function main(): Promise<void> {
  const logger = { info: () => {}, warn: () => {}, error: () => {} };
  const desk = await openDesk({
    file: env('RK_FILE'),
    appVersion: '0.1.0-test',
    host: 'browser',
    forcedLanguage: null,
    logger,
  });
  const client = { sessionId: null };
  const signedIn = await desk.dispatch(client, 'session.signIn', { staffId: env('RK_STAFF'), pin: env('RK_PIN') });
  if (!signedIn.ok) throw new Error(`sign-in failed: ${JSON.stringify(signedIn.error)}`);
  say('ready');
  armed = true;
  const method = env('RK_METHOD');
  const result = await desk.dispatch(client, method, JSON.parse(env('RK_INPUT')));
  armed = false;
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  say(`done ${writes}`);
  await desk.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
