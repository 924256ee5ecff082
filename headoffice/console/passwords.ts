/**
 * Staff passwords: argon2id, the memory-hard function OWASP recommends, with its baseline
 * parameters (19 MiB, 2 passes, 1 lane). The hash string carries its parameters, so raising them
 * later still verifies older hashes.
 */
import { hash, verify, type Options } from '@node-rs/argon2';

/** `Algorithm.Argon2id`: the package's enum is a const enum, which this build cannot read. */
const ARGON2ID = 2;
const OPTIONS: Options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** A hash of nothing anyone knows: an unknown account name costs the same time as a wrong password. */
let decoy: Promise<string> | null = null;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null) {
    decoy ??= hashPassword(`decoy-${Math.random()}`);
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}
