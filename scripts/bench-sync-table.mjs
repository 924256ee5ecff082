// The one table `npm run bench:sync` prints: each docs/SYNC.md §3c case for Counterdesk next to PouchDB
// (memory and leveldb), the ratio, the target and whether it is met. Pure formatting of the runs' JSON.

const num = (x) => (typeof x === 'number' ? x.toLocaleString('en-US') : '—');
/** ours ÷ theirs for a throughput, theirs ÷ ours for a time or a size: above 1 = Counterdesk ahead. */
const ratioOf = (ours, theirs, higherIsBetter) => {
  if (typeof ours !== 'number' || typeof theirs !== 'number' || ours <= 0 || theirs <= 0) return null;
  return higherIsBetter ? ours / theirs : theirs / ours;
};

// `rate` (higher is better) or `cost` (lower is better) names the key the ratio compares.
const CASES = [
  {
    name: 'P1 push of changes',
    size: (r) => `${num(r.N)} changes`,
    cell: (r) => `${r.P1_push_s} s, ${num(r.P1_changes_per_s)}/s, ${num(r.P1_requests)} req`,
    rate: 'P1_changes_per_s',
    target: (r) => (r.N >= 100_000 ? '≤ 20 s' : '≥ 5,000/s'),
    met: (r) => r.P1_changes_per_s >= 5000,
    minRatio: 1.5,
  },
  {
    name: 'P2 initial sync',
    size: (r) => `${num(r.P2_rows)} rows`,
    cell: (r) => `${r.P2_initial_s} s, ${num(r.P2_rows_per_s)}/s`,
    rate: 'P2_rows_per_s',
    target: (r) => (r.P2_rows >= 250_000 ? '≤ 25 s' : '≥ 10,000/s'),
    met: (r) => r.P2_rows_per_s >= 10_000,
    minRatio: 1.5,
  },
  // The mix a counter writes (customers with phones and notes, tickets with events, stock movements),
  // measured for Counterdesk only: the PouchDB peer's workload is customer documents.
  {
    name: 'P1 push, counter mix',
    size: (r) => (r.P1_mixed_changes === undefined ? '—' : `${num(r.P1_mixed_changes)} changes`),
    cell: (r) => (r.P1_mixed_push_s === undefined ? '—' : `${r.P1_mixed_push_s} s, ${num(r.P1_mixed_changes_per_s)}/s`),
    target: (r) => (r.P1_mixed_changes >= 100_000 ? '≤ 20 s' : '≥ 5,000/s'),
    met: (r) => r.P1_mixed_changes_per_s >= 5000,
  },
  {
    name: 'P2 initial sync, counter mix',
    size: (r) => (r.P2_mixed_rows === undefined ? '—' : `${num(r.P2_mixed_rows)} rows`),
    cell: (r) =>
      r.P2_mixed_initial_s === undefined ? '—' : `${r.P2_mixed_initial_s} s, ${num(r.P2_mixed_rows_per_s)}/s`,
    target: () => '≥ 10,000/s',
    met: (r) => r.P2_mixed_rows_per_s >= 10_000,
  },
  {
    name: 'P3 incremental (1 %)',
    size: (r) => `${num(Math.max(1, Math.floor(r.N / 100)))} changes`,
    cell: (r) => `${r.P3_incremental_s} s`,
    cost: 'P3_incremental_s',
    target: () => '≤ 0.5 s',
    met: (r) => r.P3_incremental_s <= 0.5,
  },
  {
    name: 'P4 no-op sync (push + pull)',
    size: () => '—',
    cell: (r) => `${r.P4_noop_ms} ms${r.P4_requests === undefined ? '' : `, ${r.P4_requests} req`}`,
    cost: 'P4_noop_ms',
    target: () => '≤ 100 ms',
    met: (r) => r.P4_noop_ms <= 100,
  },
  {
    name: 'P5 bytes per pushed change',
    size: () => '—',
    cell: (r) => `${r.P5_bytes_per_change} B${r.system === 'pouchdb' ? ' (JSON, no gzip)' : ' (gzip)'}`,
    cost: 'P5_bytes_per_change',
    target: () => '≤ 150 B',
    met: (r) => r.P5_bytes_per_change <= 150,
  },
  {
    name: 'P7 event-loop p99 during P1 / P2',
    size: () => '—',
    cell: (r) => `${r.P7_loop_p99_ms} / ${r.P7_loop_p99_during_P2_ms} ms`,
    target: () => '≤ 50 ms',
    met: (r) => Math.max(r.P7_loop_p99_ms, r.P7_loop_p99_during_P2_ms) <= 50,
  },
  {
    name: 'Server CPU during P1 / P2',
    size: () => '—',
    cell: (r) => (r.P1_server_cpu_s === undefined ? '—' : `${r.P1_server_cpu_s} / ${r.P2_server_cpu_s} s`),
  },
  {
    name: 'Peak RSS',
    size: () => '—',
    cell: (r) =>
      r.client_peak_rss_mb !== undefined
        ? `client ${num(r.client_peak_rss_mb)} / server ${num(r.server_peak_rss_mb)} MB`
        : r.process_peak_rss_mb !== undefined
          ? `${num(r.process_peak_rss_mb)} MB (bench process)`
          : '—',
  },
];

/** Rows of the table as data (also written to the results JSON), `met` null where nothing is judged. */
export function compare(ours, peers) {
  return CASES.map((c) => {
    const ratios = Object.fromEntries(
      Object.entries(peers).map(([adapter, theirs]) => [
        adapter,
        theirs.error ? null : ratioOf(ours[c.rate ?? c.cost], theirs[c.rate ?? c.cost], Boolean(c.rate)),
      ]),
    );
    const measured = Object.values(ratios).filter((x) => x !== null);
    // Beat PouchDB's better run, not just its slower one.
    const worstRatio = measured.length > 0 ? Math.min(...measured) : null;
    let met = c.met ? Boolean(c.met(ours)) : null;
    if (met !== null && c.minRatio && worstRatio !== null) met = met && worstRatio >= c.minRatio;
    const target = c.target
      ? `${c.target(ours)}${c.minRatio && Object.keys(peers).length > 0 ? `, ≥ ${c.minRatio}× PouchDB` : ''}`
      : '—';
    return {
      case: c.name,
      size: c.size(ours),
      counterdesk: c.cell(ours),
      pouchdb: Object.fromEntries(
        Object.entries(peers).map(([a, r]) => [a, r.error ? `failed: ${r.error}` : c.cell(r)]),
      ),
      ratios,
      target,
      met,
    };
  });
}

export function markdownTable(rows, adapters) {
  // Without a peer run (--no-pouchdb) there is no ratio column.
  const ratioHead = adapters.length > 0 ? [`Ratio (${adapters.join(' / ')})`] : [];
  const head = ['Case', 'Size', 'Counterdesk', ...adapters.map((a) => `PouchDB (${a})`), ...ratioHead, 'Target', 'Met'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const row of rows) {
    const ratio = Object.values(row.ratios).every((x) => x === null)
      ? '—'
      : adapters.map((a) => (row.ratios[a] === null ? '—' : `${row.ratios[a].toFixed(2)}×`)).join(' / ');
    const met = row.met === null ? '—' : row.met ? 'yes' : 'NO';
    lines.push(
      `| ${[row.case, row.size, row.counterdesk, ...adapters.map((a) => row.pouchdb[a]), ...(adapters.length > 0 ? [ratio] : []), row.target, met].join(' | ')} |`,
    );
  }
  return lines.join('\n');
}
