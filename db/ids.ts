/** IDs are made on the device (docs/DESIGN.md data rules): UUIDv7, time-ordered, never colliding across stores. */
import { v7 } from 'uuid';

export function newId(): string {
  return v7();
}

/** The replica id in the compact form HLC stamps carry (no dashes). */
export function compactId(id: string): string {
  return id.replaceAll('-', '');
}
