/** Plain calendar arithmetic on YYYY-MM-DD dates (no time zone: the store's local days). No Node imports. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
