// The layers of Counterdesk and what each may import, read by the `local/layers` rule
// (eslint-rules/layers.js). docs/architecture/layers.md explains each layer and why.
//
// `files` are globs of module names: paths from the repository root without the extension. A file
// belongs to the FIRST layer whose globs match it, so the narrow layers come before the wide ones
// (the sync protocol before the rest of db/sync/, an area's sync-entities before the area).
// `mayImport` lists the other layers a layer may import (itself always, `'*'` for all); anything else is
// reported with `says` and `hint`, or with the words in `because[target layer]` when the reason
// is more specific. Type-only imports count: a type ties two layers together as much as a value.

const AREAS = '{customers,parts,tickets,staff,store,print,storage,charges,messages,training}';

/** The table, narrowest layers first. */
export const layers = [
  {
    name: 'sync protocol',
    files: ['db/sync/{protocol,merge,hlc,raw-json,compact-state,composite,entity-rules,phone-digits}'],
    mayImport: ['ids'],
    says: 'The sync protocol is shared with head office and imports only the sync protocol and db/ids.ts',
    hint: 'Move the shared piece into the protocol group (db/sync/protocol.ts and its neighbours), or let the caller pass it in.',
    forbidPackages: [
      {
        packages: ['better-sqlite3', 'kysely', 'pg', 'electron', 'react'],
        says: 'The sync protocol is pure TypeScript shared with head office, so it uses no store driver, electron or react',
        hint: 'Keep the storage side in the sync engine (counter) or in headoffice/ (PostgreSQL).',
      },
    ],
  },
  {
    name: 'sync contract',
    files: ['db/sync/{change-log,contract,registration,desk-sync,status,messages,tables}'],
    mayImport: ['sync protocol', 'core', 'ids'],
    says: 'The sync contract is what areas may use, so it imports only the sync protocol and the core db/*.ts modules',
    hint: 'Move the shared type into db/sync/contract.ts, db/sync/registration.ts or the sync protocol.',
    because: {
      area: {
        says: 'The sync contract knows no area',
        hint: 'Areas call it; it does not call them. Areas declare what sync must know through db/sync/registration.ts.',
      },
    },
  },
  {
    name: 'sync engine',
    files: ['db/sync/**'],
    mayImport: ['sync protocol', 'sync contract', 'core', 'ids'],
    says: 'The sync engine imports only db/sync/, the core db/*.ts modules and db/ids.ts',
    hint: 'What the engine must know reaches it as a service passed in by db/desk.ts.',
    because: {
      area: {
        says: 'The sync engine knows no area',
        hint: 'Areas register what sync must know through db/sync/registration.ts.',
      },
      'area sync entities': {
        says: 'The sync engine knows no area',
        hint: 'db/desk.ts passes the joined rules (db/synced-entities.ts) to the engine when it builds it.',
      },
      'synced entities': {
        says: 'The sync engine is given its entity rules, it does not import them',
        hint: 'Take an EntityRules argument; db/desk.ts passes syncedEntities in.',
      },
    },
  },
  {
    name: 'area sync entities',
    files: [`db/${AREAS}/sync-entities`, 'db/tickets/form-sync'],
    mayImport: ['sync protocol', 'ids'],
    says: "An area's sync-entities.ts is pure data that head office imports too: it imports only the sync protocol, db/ids.ts and other sync-entities.ts files",
    hint: 'Write the rule as data here and keep store code in the area (sync-hooks.ts for derived data).',
    forbidPackages: [
      {
        packages: ['better-sqlite3', 'kysely', 'pg', 'electron', 'react'],
        builtins: true,
        says: "An area's sync-entities.ts is pure data that head office imports too, so it uses no Node module or store driver",
        hint: 'Keep store code in the area (sync-hooks.ts for derived data).',
      },
    ],
  },
  {
    name: 'area',
    files: [`db/${AREAS}/**`],
    mayImport: ['core', 'ids', 'area sync entities', 'sync protocol', 'sync contract'],
    says: 'An area imports only the core db/*.ts modules, other areas, the sync protocol and the sync contract',
    hint: 'The composition roots (db/desk.ts, db/api.ts, the method join) import the areas, not the other way round.',
    because: {
      'sync engine': {
        says: 'An area never uses the sync engine',
        hint: 'Use db/sync/change-log.ts, db/sync/contract.ts or the sync protocol, and declare derived data in db/<area>/sync-hooks.ts through db/sync/registration.ts.',
      },
      'synced entities': {
        says: 'An area does not import the joined sync entities',
        hint: 'Import the sync-entities.ts of the area that owns the entity.',
      },
    },
  },
  {
    name: 'synced entities',
    files: ['db/synced-entities'],
    mayImport: ['area sync entities', 'sync protocol', 'ids'],
    says: "db/synced-entities.ts is pure and head office imports it: it joins only the areas' sync-entities.ts files",
    hint: 'Keep store code out of it; derived data is registered in db/<area>/sync-hooks.ts.',
  },
  {
    name: 'ids',
    files: ['db/ids'],
    mayImport: [],
    says: 'db/ids.ts is shared with head office and imports nothing from the repository',
    hint: 'Keep it a leaf.',
  },
  {
    // The places where the desk is put together from its parts: the desk itself and the join of
    // every area's method table.
    name: 'composition root',
    files: ['db/desk', 'db/methods'],
    mayImport: [
      'api',
      'core',
      'ids',
      'area',
      'area sync entities',
      'synced entities',
      'sync protocol',
      'sync contract',
      'sync engine',
    ],
    says: 'db/ knows neither head office, the shell, the UI nor the tests',
    hint: 'The shell (electron/) and scripts/ import db/, not the other way round.',
  },
  {
    name: 'api',
    files: ['db/api'],
    // The method join only for its types (MethodName, DeskMethods): the build erases them.
    mayImport: ['composition root', 'core', 'ids', 'area', 'area sync entities', 'sync protocol', 'sync contract'],
    says: "db/api.ts is the renderer's contract and imports only the areas, the core db/*.ts modules and the sync contract",
    hint: 'Re-export what the renderer needs from the area or contract module that declares it.',
  },
  {
    name: 'core',
    files: ['db/*', 'db/migrations/**'],
    mayImport: ['api', 'ids', 'area', 'area sync entities', 'sync protocol', 'sync contract'],
    says: 'The core db/*.ts modules import only each other, the areas, the sync protocol and the sync contract',
    hint: 'Import from the area or the sync contract instead.',
    because: {
      'sync engine': {
        says: 'The core db/*.ts modules do not use the sync engine',
        hint: 'Only db/sync/, the composition roots (db/desk.ts, the method join), electron/, scripts/ and tests do; have db/desk.ts pass the piece in as a service.',
      },
      'composition root': {
        says: 'The core db/*.ts modules do not import the composition roots',
        hint: 'db/desk.ts and the method join import the core, not the other way round.',
      },
    },
  },
  {
    // What the head-office console (a browser app) shares with head office: request and answer
    // shapes as zod schemas and types. Pure, so the console's bundle carries no server code.
    name: 'console contract',
    files: ['headoffice/console/contract/**'],
    mayImport: [],
    says: "The console's contract is shared with the browser, so it imports nothing from the repository",
    hint: 'Keep server code in headoffice/console/; put only schemas and types here.',
    forbidPackages: [
      {
        packages: ['kysely', 'pg', 'fastify', 'better-sqlite3', 'electron', 'react'],
        builtins: true,
        says: "The console's contract is bundled into the browser app, so it uses no server package or Node module",
        hint: 'Keep server code in headoffice/console/.',
      },
    ],
  },
  {
    name: 'head office',
    files: ['headoffice/**'],
    mayImport: ['sync protocol', 'synced entities', 'ids', 'console contract'],
    says: 'Head office imports from db/ only the sync protocol, db/synced-entities.ts and db/ids.ts',
    hint: "Move what head office shares with the counter into the sync protocol (e.g. db/sync/phone-digits.ts); the counter's store code stays on the counter.",
  },
  {
    // The counter's language choice, which the head-office console uses the same way.
    name: 'shared ui',
    files: ['renderer/i18n/language'],
    mayImport: [],
    says: 'renderer/i18n/language.ts is shared with the head-office console and imports nothing',
    hint: 'Keep it a leaf.',
  },
  {
    name: 'console',
    files: ['console/**'],
    mayImport: ['console contract', 'shared ui'],
    says: 'The head-office console imports only its contract (headoffice/console/contract/) and the shared language module',
    hint: "Put the request and answer shapes in headoffice/console/contract/; the server's code stays on the server.",
  },
  {
    name: 'renderer',
    files: ['renderer/**'],
    mayImport: ['api', 'shared ui'],
    says: 'The renderer imports from db/ only db/api.ts, and nothing from electron/ or headoffice/',
    hint: 'db/api.ts re-exports the schemas and types the UI needs; anything else pulls Node code into the renderer bundle.',
  },
  {
    name: 'shell',
    files: ['electron/**'],
    mayImport: [
      'api',
      'core',
      'ids',
      'area',
      'area sync entities',
      'synced entities',
      'sync protocol',
      'sync contract',
      'sync engine',
      'composition root',
    ],
    says: 'The shell (electron/) imports db/, never the renderer or head office',
    hint: 'The renderer is a separate bundle the window loads; share types through db/api.ts.',
  },
  {
    name: 'scripts',
    files: ['scripts/**'],
    mayImport: '*',
  },
  {
    name: 'tests',
    files: ['test/**'],
    mayImport: '*',
  },
];
