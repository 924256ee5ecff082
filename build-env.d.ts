/** Set by scripts/build.mjs from package.json for the Node-side bundles (main, host, demo). */
declare const __APP_VERSION__: string;
