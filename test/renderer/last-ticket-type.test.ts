/** The intake opens on the type this staff member last chose on this PC. */
import { describe, expect, it } from 'vitest';
import { lastTicketType, rememberTicketType } from '../../renderer/pages/tickets/last-ticket-type';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

describe('last ticket type', () => {
  it('is kept per staff member', () => {
    const storage = memoryStorage();
    expect(lastTicketType('li-na', storage)).toBeNull();
    rememberTicketType('li-na', 'repair', storage);
    rememberTicketType('zhou', 'consultation', storage);
    expect(lastTicketType('li-na', storage)).toBe('repair');
    expect(lastTicketType('zhou', storage)).toBe('consultation');
    rememberTicketType('li-na', 'aftersales', storage);
    expect(lastTicketType('li-na', storage)).toBe('aftersales');
  });

  it('reads a value that is no ticket type, or a storage that throws, as none', () => {
    const storage = memoryStorage();
    storage.items.set('counterdesk.lastTicketType.li-na', 'invoice');
    expect(lastTicketType('li-na', storage)).toBeNull();
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(lastTicketType('li-na', broken)).toBeNull();
    expect(() => rememberTicketType('li-na', 'repair', broken)).not.toThrow();
  });
});
