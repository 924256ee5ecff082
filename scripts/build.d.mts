// Types for scripts/build.mjs, so the TypeScript tests can build one entry.
export declare const version: string;
export declare function buildNode(options: {
  entry: string;
  outDir: string;
  fileName: string;
  format?: 'es' | 'cjs';
  clean?: boolean;
}): Promise<void>;
export declare function buildAll(options?: { renderer?: boolean; clean?: boolean }): Promise<void>;
