// Types for scripts/out-fresh.mjs, so the TypeScript tests can import it.
export declare const BUILD_SOURCES: ReadonlyArray<string>;
export declare const BUILD_OUTPUTS: ReadonlyArray<string>;
export declare function staleReason(root: string, version: string): string | null;
export declare function writeBuildStamp(root: string, version: string, startedAt: number): void;
