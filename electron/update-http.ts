/**
 * electron-updater's HTTP for the head-office feed: Node's https with the CA certificate the PC
 * trusted at enrolment (the same trust its sync has, db/sync/client.ts), instead of Electron's
 * `net`, which only trusts the OS store and so refuses a head office with its own CA. Everything
 * above the socket — redirects, sha512 checks of downloads, the differential downloader's range
 * requests — is builder-util-runtime's HttpExecutor, unchanged. No `electron` import: the tests
 * drive this same class in plain Node.
 *
 * The access token is set on each request as it goes out, not once per download: electron-updater
 * copies its request headers when a download starts, and a slow download (a differential one is
 * many range requests) outlives the 15-minute token. The updater renews the token meanwhile
 * (electron/updater.ts) and every later request carries the new one. Only requests to head office
 * get it: a redirect elsewhere never sees the token.
 */
import { request as httpsRequest, type RequestOptions } from 'node:https';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { HttpExecutor, configureRequestOptions, configureRequestUrl, type DownloadOptions } from 'builder-util-runtime';

export class PinnedHttpExecutor extends HttpExecutor<ClientRequest> {
  /** `caCert`: PEM of the CA the PC trusted at enrolment; null trusts the OS store (a public certificate). */
  constructor(private readonly caCert: string | null) {
    super();
  }

  private authorization: { host: string; value: string } | null = null;

  /** From now on, requests to `feedUrl`'s host carry `Authorization: Bearer <token>`. */
  setToken(feedUrl: string, token: string): void {
    this.authorization = { host: new URL(feedUrl).host, value: `Bearer ${token}` };
  }

  override createRequest(options: RequestOptions, callback: (response: IncomingMessage) => void): ClientRequest {
    if (options.protocol !== 'https:') throw new Error(`Updates come over HTTPS only, not ${String(options.protocol)}`);
    if (this.authorization) options = { ...options, headers: this.withToken(options) };
    // A connection per request (`agent: false`): electron-updater adds a timeout listener to each
    // request's socket, which piles up on a kept-alive one; updates are rare and few requests.
    return httpsRequest(
      { ...options, agent: false, minVersion: 'TLSv1.2', ...(this.caCert ? { ca: this.caCert } : {}) },
      callback,
    );
  }

  private withToken(options: RequestOptions): RequestOptions['headers'] {
    const headers: Record<string, unknown> = {};
    // Whatever token the download started with is replaced, in any spelling of the header's name.
    for (const [name, value] of Object.entries(options.headers ?? {}))
      if (name.toLowerCase() !== 'authorization') headers[name] = value;
    const host = `${options.hostname ?? options.host ?? ''}${options.port ? `:${String(options.port)}` : ''}`;
    if (host === this.authorization?.host || `${host}:443` === this.authorization?.host)
      headers.authorization = this.authorization.value;
    return headers as RequestOptions['headers'];
  }

  /** A whole file to `destination`, checked against `options.sha512` (as ElectronHttpExecutor's download). */
  download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise<string>((resolve, reject, onCancel) => {
      const requestOptions: RequestOptions = { headers: options.headers ?? undefined };
      configureRequestUrl(url, requestOptions);
      configureRequestOptions(requestOptions);
      this.doDownload(
        requestOptions,
        {
          destination,
          options,
          onCancel,
          callback: (error) => (error ? reject(error) : resolve(destination)),
          responseHandler: null,
        },
        0,
      );
    });
  }
}
