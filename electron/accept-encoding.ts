/**
 * Which encoding the browser host answers a request in, from its Accept-Encoding header: brotli
 * where accepted (smaller), else gzip, else the bytes as they are. A weight of 0 (`br;q=0`) refuses
 * an encoding; `*` stands for any encoding the header does not name. Pure, so it is unit-tested.
 */
export type Encoding = 'br' | 'gzip' | 'identity';

/** Headers longer than this are someone's mistake or an attack; their first part decides. */
const MAX_HEADER_CHARS = 1024;
const MAX_ENTRIES = 32;

function weights(header: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const entry of header.slice(0, MAX_HEADER_CHARS).split(',').slice(0, MAX_ENTRIES)) {
    const [name, ...params] = entry.split(';').map((part) => part.trim().toLowerCase());
    if (!name) continue;
    let weight = 1;
    for (const param of params) {
      const match = /^q=([01](?:\.\d{0,3})?)$/.exec(param);
      if (match) weight = Math.min(1, Number(match[1]));
      else if (param.startsWith('q=')) weight = 0; // a weight we cannot read is not a yes
    }
    // The first mention counts, as when a header is repeated by a proxy.
    if (!found.has(name)) found.set(name, weight);
  }
  return found;
}

export function chooseEncoding(header: string | string[] | undefined): Encoding {
  if (header === undefined) return 'identity';
  const given = weights(Array.isArray(header) ? header.join(',') : header);
  const any = given.get('*');
  const weightOf = (name: 'br' | 'gzip') => given.get(name) ?? any ?? 0;
  const br = weightOf('br');
  const gzip = weightOf('gzip');
  if (br > 0 && br >= gzip) return 'br';
  if (gzip > 0) return 'gzip';
  return 'identity';
}
