// The `local/layers` rule: every import of a repository file is checked against the layer table
// (eslint-rules/layer-table.js), in the manner of VS Code's `code-layering` and
// `code-import-patterns` rules. The table is policy, this file is only the mechanism; the layers
// and the reasons behind them are in docs/architecture/layers.md.
//
// A file is named by its path from the lint root without the extension (`db/sync/pull`), so a
// specifier resolves without touching the disk: `../customers/search-bulk` seen from
// `db/sync/pull.ts` is `db/customers/search-bulk`, whether the file behind it is .ts or .tsx.
import { builtinModules } from 'node:module';
import path from 'node:path';

const DOCS = 'docs/architecture/layers.md';
const EXTENSION = /(\.d)?\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const BUILTINS = new Set(builtinModules);

/** A glob of module names (`db/sync/**`, `db/{customers,parts}/sync-entities`) as a RegExp. */
function globToRegExp(glob) {
  let source = '';
  for (let i = 0; i < glob.length; i += 1) {
    const char = glob[i];
    if (char === '*' && glob[i + 1] === '*') {
      // `a/**/b` also matches `a/b`; a trailing `**` matches anything below.
      const slashAfter = glob[i + 2] === '/';
      source += slashAfter ? '(?:.*/)?' : '.*';
      i += slashAfter ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '{') source += '(?:';
    else if (char === '}') source += ')';
    else if (char === ',') source += '|';
    else source += char.replace(/[.+?^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** The compiled table: a layer's `files` globs become one RegExp, its `mayImport` a Set (`'*'`: all). */
function compile(layers) {
  const byName = new Map();
  const everyName = layers.map((layer) => layer.name);
  const compiled = layers.map((layer) => {
    const entry = {
      ...layer,
      pattern: new RegExp(layer.files.map((glob) => globToRegExp(glob).source).join('|')),
      allowed: new Set([layer.name, ...(layer.mayImport === '*' ? everyName : (layer.mayImport ?? []))]),
    };
    byName.set(layer.name, entry);
    return entry;
  });
  for (const layer of compiled) {
    for (const name of layer.allowed) {
      if (!byName.has(name)) throw new Error(`local/layers: layer ${layer.name} may import unknown layer ${name}`);
    }
  }
  return compiled;
}

// Compiling once per options object keeps the cost of a lint run to one table, not one per file.
const compiledTables = new WeakMap();
function tableOf(options) {
  let table = compiledTables.get(options);
  if (!table) {
    table = compile(options.layers);
    compiledTables.set(options, table);
  }
  return table;
}

function moduleName(root, file) {
  const relative = path.relative(root, file).split(path.sep).join('/');
  if (relative.startsWith('../') || path.isAbsolute(relative)) return undefined;
  return relative.replace(EXTENSION, '');
}

function layerOf(table, name) {
  return table.find((layer) => layer.pattern.test(name));
}

function isBuiltin(specifier) {
  return specifier.startsWith('node:') || BUILTINS.has(specifier.split('/')[0]);
}

function packageOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** How the import reads in a message: type imports and re-exports count, and say so. */
function verbOf(node) {
  if (node.type === 'ImportExpression' || node.type === 'TSImportType') return 'loads';
  if (node.type === 'CallExpression') return 'requires';
  if (node.type === 'ExportNamedDeclaration' || node.type === 'ExportAllDeclaration') {
    return node.exportKind === 'type' ? 're-exports types from' : 're-exports';
  }
  const typeOnly =
    node.importKind === 'type' ||
    (node.specifiers?.length > 0 && node.specifiers.every((specifier) => specifier.importKind === 'type'));
  return typeOnly ? 'imports types from' : 'imports';
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Keep every import inside the layers its file belongs to (docs/architecture/layers.md).' },
    schema: [
      {
        type: 'object',
        properties: { layers: { type: 'array' } },
        required: ['layers'],
        additionalProperties: false,
      },
    ],
    messages: { layer: '{{says}}: {{file}} {{verb}} {{target}}. {{hint}} ({{docs}}).' },
  },

  create(context) {
    const table = tableOf(context.options[0]);
    const root = context.cwd;
    const fileName = moduleName(root, context.filename);
    if (fileName === undefined) return {};
    const from = layerOf(table, fileName);
    if (!from) return {};
    const file = path.relative(root, context.filename).split(path.sep).join('/');

    function report(node, sourceNode, target, says, hint) {
      context.report({
        node: sourceNode,
        messageId: 'layer',
        data: { says, file, verb: verbOf(node), target, hint, docs: DOCS },
      });
    }

    function checkPackage(node, sourceNode, specifier) {
      const name = packageOf(specifier);
      const ban = from.forbidPackages?.find(
        (rule) => rule.packages.includes(name) || (rule.builtins && isBuiltin(specifier)),
      );
      if (ban) report(node, sourceNode, specifier, ban.says, ban.hint);
    }

    function check(node, sourceNode) {
      const specifier =
        sourceNode?.type === 'Literal'
          ? sourceNode.value
          : sourceNode?.type === 'TemplateLiteral' && sourceNode.expressions.length === 0
            ? sourceNode.quasis[0].value.cooked
            : undefined;
      if (typeof specifier !== 'string') return;
      if (!specifier.startsWith('.') && !specifier.startsWith('/')) {
        checkPackage(node, sourceNode, specifier);
        return;
      }
      const targetName = moduleName(root, path.resolve(path.dirname(context.filename), specifier));
      if (targetName === undefined) return;
      const to = layerOf(table, targetName);
      if (!to || from.allowed.has(to.name)) return;
      const reason = from.because?.[to.name] ?? from;
      report(node, sourceNode, targetName, reason.says ?? from.says, reason.hint ?? from.hint);
    }

    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      // `type T = import('../x').T` ties the layers together as much as an `import type`.
      TSImportType: (node) =>
        check(node, node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.argument),
      TSImportEqualsDeclaration: (node) =>
        node.moduleReference.type === 'TSExternalModuleReference' && check(node, node.moduleReference.expression),
      CallExpression: (node) =>
        node.callee.type === 'Identifier' && node.callee.name === 'require' && check(node, node.arguments[0]),
    };
  },
};
