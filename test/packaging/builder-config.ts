/** Reading electron-builder.yml and the built bundles, for the packaging test's expectations. */
import { readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parse } from 'acorn';
import { z } from 'zod';

/** The part of electron-builder.yml the packaging test compares the output with. */
const BuilderConfig = z.object({
  linux: z.object({ executableName: z.string().min(1) }),
  electronFuses: z.object({
    runAsNode: z.boolean(),
    enableCookieEncryption: z.boolean(),
    enableNodeOptionsEnvironmentVariable: z.boolean(),
    enableNodeCliInspectArguments: z.boolean(),
    enableEmbeddedAsarIntegrityValidation: z.boolean(),
    onlyLoadAppFromAsar: z.boolean(),
    grantFileProtocolExtraPrivileges: z.boolean(),
  }),
  publish: z.array(z.object({ provider: z.string(), url: z.string() })),
});
export type BuilderConfig = z.infer<typeof BuilderConfig>;

export async function readBuilderConfig(projectDir: string): Promise<BuilderConfig> {
  return BuilderConfig.parse(parseYaml(await readFile(path.join(projectDir, 'electron-builder.yml'), 'utf8')));
}

const BUILTINS = new Set(builtinModules);

/** The string a static or dynamic import, or a require call, loads; undefined for other nodes. */
function loadedSpecifier(node: Record<string, unknown>): string | undefined {
  const literal = (value: unknown): string | undefined => {
    const candidate = value as { type?: string; value?: unknown } | null;
    return candidate?.type === 'Literal' && typeof candidate.value === 'string' ? candidate.value : undefined;
  };
  switch (node['type']) {
    case 'ImportDeclaration':
    case 'ExportAllDeclaration':
    case 'ExportNamedDeclaration':
    case 'ImportExpression':
      return literal(node['source']);
    case 'CallExpression': {
      const callee = node['callee'] as { type?: string; name?: string };
      const args = node['arguments'] as unknown[];
      const isRequire = callee.type === 'Identifier' && (callee.name === 'require' || callee.name === '__require');
      return isRequire ? literal(args[0]) : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The npm packages a built bundle loads at run time, found by parsing it (a text search also finds
 * `from 'x'` in the SQL examples of bundled doc comments): its static and dynamic imports and
 * require calls, reduced to package names, without Node's built-ins and Electron, which the
 * runtime provides. Vite leaves these external (scripts/build.mjs), so each must be in the asar's
 * node_modules or the app fails to start.
 */
export function bareImports(source: string, sourceType: 'module' | 'script'): string[] {
  const names = new Set<string>();
  const pending: unknown[] = [parse(source, { ecmaVersion: 'latest', sourceType })];
  while (pending.length > 0) {
    const node = pending.pop();
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      pending.push(...(node as unknown[]));
      continue;
    }
    const record = node as Record<string, unknown>;
    const specifier = loadedSpecifier(record);
    if (specifier !== undefined) {
      const name = packageName(specifier);
      if (name !== undefined) names.add(name);
    }
    for (const [key, value] of Object.entries(record)) {
      if (key !== 'loc' && typeof value === 'object') pending.push(value);
    }
  }
  return [...names].sort();
}

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`; undefined for relative paths, built-ins, Electron. */
function packageName(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return undefined;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string);
  if (name === 'electron' || BUILTINS.has(name)) return undefined;
  return name;
}
