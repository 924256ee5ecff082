/**
 * A customer's reply to a follow-up ("reply 1–5") as a rating: the one digit from 1 to 5 that
 * stands on its own in the text, half- or full-width (`5`, `５`, `我给5分`, `5 很好`). No such digit,
 * or two different ones (`3或4`), or a digit inside a longer number (`15`, a phone) is no rating: the
 * reply is kept as text for a person to read.
 */
export function ratingOf(text: string): number | null {
  const halfWidth = text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const digits = new Set<number>();
  for (const match of halfWidth.matchAll(/(?<![\d.])(\d+)(?![\d.])/g)) {
    const n = Number(match[1]);
    if (match[1]!.length === 1 && n >= 1 && n <= 5) digits.add(n);
    else return null;
  }
  return digits.size === 1 ? [...digits][0]! : null;
}
