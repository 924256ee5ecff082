// Types for scripts/headoffice-build.mjs, so the TypeScript tests can import it.
export type BuiltChunk = {
  fileName: string;
  isEntry: boolean;
  imports: string[];
  dynamicImports: string[];
  code: string;
};
export declare const deployDir: string;
export declare function buildHeadOfficeBundles(outDir: string, options?: { write?: boolean }): Promise<BuiltChunk[]>;
export declare function packageOf(specifier: string): string | null;
export declare function runtimePackages(chunks: ReadonlyArray<BuiltChunk>): {
  atStart: Set<string>;
  lazily: Set<string>;
  required: Set<string>;
};
export declare function buildHeadOfficeDist(options?: { outDir?: string; withConsole?: boolean }): Promise<string>;
