/**
 * The one Content-Security-Policy of the app, sent as a response header by both transports: the
 * Electron `app://` protocol (electron/app-protocol.ts) and the browser host (electron/host.ts).
 * A header rather than a `<meta>` tag because only a header can carry `frame-ancestors`, and one
 * string so the two transports can never drift apart. No electron import: the host runs in plain Node.
 */

const directives: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  // Only our own bundled scripts: no inline script, no eval, no CDN.
  ['script-src', "'self'"],
  // antd's CSS-in-JS (@ant-design/cssinjs) injects <style> elements at run time and React sets
  // `style` attributes, so inline styles must be allowed. Styles cannot run code; scripts stay strict.
  ['style-src', "'self' 'unsafe-inline'"],
  // data:/blob: for antd's embedded icons/images and for previews built in the page (e.g. photos).
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self' data:"],
  // The renderer talks to main over IPC (Electron) or to its own origin (browser host); nothing else.
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  // Nobody may frame the app (clickjacking), and no form posts anywhere: forms go through desk.call.
  ['frame-ancestors', "'none'"],
  ['form-action', "'none'"],
];

export const CONTENT_SECURITY_POLICY: string = directives.map(([name, value]) => `${name} ${value}`).join('; ');

/** Headers for every response that serves the renderer, whichever transport serves it. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  // Stops a file being run as a script or style when its Content-Type says otherwise.
  'X-Content-Type-Options': 'nosniff',
  // The app has no reason to tell anyone where a request came from (URLs can hold record ids).
  'Referrer-Policy': 'no-referrer',
  // Windows the app might open never share a browsing context group with other origins.
  'Cross-Origin-Opener-Policy': 'same-origin',
});
