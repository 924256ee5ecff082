/**
 * The layers and the no-cycle check as `npm run lint` runs them: the repository's own
 * eslint.config.js lints a miniature tree (test/lint/fixtures/tree/) that breaks every layer on
 * purpose, run from that folder as if it were the repository root. Every problem the tree should
 * produce is listed here, so a forbidden import that goes unreported fails the test, and so does an
 * allowed import that gets reported (docs/architecture/layers.md).
 */
import { ESLint } from 'eslint';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const repository = path.resolve(import.meta.dirname, '../..');
const tree = path.join(import.meta.dirname, 'fixtures', 'tree');
const DOCS = '(docs/architecture/layers.md).';

interface Problem {
  file: string;
  line: number;
  rule: string | null;
  message: string;
}

let problems: Problem[] = [];

beforeAll(async () => {
  const eslint = new ESLint({ cwd: tree, overrideConfigFile: path.join(repository, 'eslint.config.js') });
  const results = await eslint.lintFiles(['.']);
  problems = results.flatMap((result) =>
    result.messages.map((message) => ({
      file: path.relative(tree, result.filePath).split(path.sep).join('/'),
      line: message.line,
      rule: message.ruleId,
      message: message.message,
    })),
  );
  // Loading typescript-eslint and resolving every import takes a few seconds on a busy machine.
}, 120_000);

const layerProblems = () => problems.filter((problem) => problem.rule === 'local/layers');
const cycleProblems = () => problems.filter((problem) => problem.rule === 'import-x/no-cycle');

const ENGINE_KNOWS_NO_AREA = 'The sync engine knows no area';
const AREA_REGISTERS = 'Areas register what sync must know through db/sync/registration.ts.';
const AREA_NO_ENGINE =
  'An area never uses the sync engine: {edge}. Use db/sync/change-log.ts, db/sync/contract.ts or the sync protocol, and declare derived data in db/<area>/sync-hooks.ts through db/sync/registration.ts.';
const HEAD_OFFICE =
  "Head office imports from db/ only the sync protocol, db/synced-entities.ts and db/ids.ts: {edge}. Move what head office shares with the counter into the sync protocol (e.g. db/sync/phone-digits.ts); the counter's store code stays on the counter.";

/** Every layer violation in the fixture tree, with the message that names the layer and the way out. */
const FORBIDDEN: Array<{ edge: string; file: string; line: number; message: string }> = [
  {
    edge: 'sync engine → area',
    file: 'db/sync/fixture-pull.ts',
    line: 3,
    message: `${ENGINE_KNOWS_NO_AREA}: db/sync/fixture-pull.ts imports db/customers/fixture-terms. ${AREA_REGISTERS} ${DOCS}`,
  },
  {
    edge: 'sync engine → area, type-only',
    file: 'db/sync/fixture-types.ts',
    line: 2,
    message: `${ENGINE_KNOWS_NO_AREA}: db/sync/fixture-types.ts imports types from db/customers/fixture-terms. ${AREA_REGISTERS} ${DOCS}`,
  },
  {
    edge: 'sync engine → area, dynamic import',
    file: 'db/sync/fixture-dynamic.ts',
    line: 2,
    message: `${ENGINE_KNOWS_NO_AREA}: db/sync/fixture-dynamic.ts loads db/parts/fixture-stock. ${AREA_REGISTERS} ${DOCS}`,
  },
  {
    edge: 'area → sync engine',
    file: 'db/parts/fixture-stock.ts',
    line: 2,
    message: `${AREA_NO_ENGINE.replace('{edge}', 'db/parts/fixture-stock.ts imports db/sync/fixture-outbox')} ${DOCS}`,
  },
  {
    edge: 'area → sync engine, re-export',
    file: 'db/customers/fixture-reexport.ts',
    line: 2,
    message: `${AREA_NO_ENGINE.replace('{edge}', 'db/customers/fixture-reexport.ts re-exports db/sync/fixture-outbox')} ${DOCS}`,
  },
  {
    edge: 'area sync entities → a Node module',
    file: 'db/parts/sync-entities.ts',
    line: 2,
    message: `An area's sync-entities.ts is pure data that head office imports too, so it uses no Node module or store driver: db/parts/sync-entities.ts imports node:fs. Keep store code in the area (sync-hooks.ts for derived data). ${DOCS}`,
  },
  {
    edge: 'head office → area',
    file: 'headoffice/fixture-push.ts',
    line: 3,
    message: `${HEAD_OFFICE.replace('{edge}', 'headoffice/fixture-push.ts imports db/customers/fixture-terms')} ${DOCS}`,
  },
  {
    edge: 'head office → sync engine',
    file: 'headoffice/fixture-push.ts',
    line: 6,
    message: `${HEAD_OFFICE.replace('{edge}', 'headoffice/fixture-push.ts imports db/sync/fixture-outbox')} ${DOCS}`,
  },
  {
    edge: 'renderer → db/ other than db/api.ts',
    file: 'renderer/fixture-page.ts',
    line: 3,
    message: `The renderer imports from db/ only db/api.ts, and nothing from electron/ or headoffice/: renderer/fixture-page.ts imports db/fields. db/api.ts re-exports the schemas and types the UI needs; anything else pulls Node code into the renderer bundle. ${DOCS}`,
  },
  {
    edge: 'shell → renderer',
    file: 'electron/fixture-window.ts',
    line: 4,
    message: `The shell (electron/) imports db/, never the renderer or head office: electron/fixture-window.ts imports renderer/fixture-format. The renderer is a separate bundle the window loads; share types through db/api.ts. ${DOCS}`,
  },
];

/** Files whose every import is allowed: one of each edge the layers permit. */
const ALLOWED: Array<{ edges: string; file: string }> = [
  { edges: 'sync protocol → db/ids.ts', file: 'db/sync/protocol.ts' },
  { edges: 'sync contract → sync protocol, core', file: 'db/sync/change-log.ts' },
  {
    edges: 'area → core, another area, sync protocol, change log, registration (type)',
    file: 'db/customers/fixture-terms.ts',
  },
  { edges: 'area sync entities → sync protocol', file: 'db/customers/sync-entities.ts' },
  { edges: 'synced entities → area sync entities', file: 'db/synced-entities.ts' },
  { edges: 'composition root → area, sync engine, synced entities', file: 'db/desk.ts' },
  { edges: 'db/api.ts → core', file: 'db/api.ts' },
  { edges: 'renderer → db/api.ts (value and type), renderer', file: 'renderer/fixture-page.ts' },
  {
    edges: 'head office → sync protocol, db/ids.ts, db/synced-entities.ts, head office',
    file: 'headoffice/fixture-push.ts',
  },
  { edges: 'shell → db/api.ts, sync engine', file: 'electron/fixture-window.ts' },
];

describe('the layer rule', () => {
  it.each(FORBIDDEN)('reports $edge with the layer and what it may use', ({ file, line, message }) => {
    expect(layerProblems()).toContainEqual({ file, line, rule: 'local/layers', message });
  });

  it.each(ALLOWED)('lets $edges through ($file)', ({ file }) => {
    const expected = FORBIDDEN.filter((forbidden) => forbidden.file === file).map((forbidden) => forbidden.line);
    const reported = layerProblems()
      .filter((problem) => problem.file === file)
      .map((problem) => problem.line);
    expect(reported).toEqual(expected);
  });

  it('reports nothing but the forbidden imports', () => {
    const expected = FORBIDDEN.map(({ file, line }) => `${file}:${line}`).sort();
    expect(
      layerProblems()
        .map(({ file, line }) => `${file}:${line}`)
        .sort(),
    ).toEqual(expected);
  });
});

describe('the cycle check', () => {
  it('reports a two-file import cycle from both sides', () => {
    expect(cycleProblems()).toEqual([
      { file: 'renderer/cycle/a.ts', line: 1, rule: 'import-x/no-cycle', message: 'Dependency cycle detected' },
      { file: 'renderer/cycle/b.ts', line: 1, rule: 'import-x/no-cycle', message: 'Dependency cycle detected' },
    ]);
  });

  it('leaves a cycle of type-only imports alone: it is erased before anything runs', () => {
    expect(cycleProblems().filter((problem) => problem.file.startsWith('renderer/cycle/types-'))).toEqual([]);
  });
});
