/**
 * electron-updater's HTTP for the head-office feed: Node's https with the CA certificate the PC
 * trusted at enrolment (the same trust its sync has, db/sync/client.ts), instead of Electron's
 * `net`, which only trusts the OS store and so refuses a head office with its own CA. Everything
 * above the socket — redirects, sha512 checks of downloads, the differential downloader's range
 * requests — is builder-util-runtime's HttpExecutor, unchanged. No `electron` import: the tests
 * drive this same class in plain Node.
 */
import { request as httpsRequest, type RequestOptions } from 'node:https';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { HttpExecutor, configureRequestOptions, configureRequestUrl, type DownloadOptions } from 'builder-util-runtime';

export class PinnedHttpExecutor extends HttpExecutor<ClientRequest> {
  /** `caCert`: PEM of the CA the PC trusted at enrolment; null trusts the OS store (a public certificate). */
  constructor(private readonly caCert: string | null) {
    super();
  }

  override createRequest(options: RequestOptions, callback: (response: IncomingMessage) => void): ClientRequest {
    if (options.protocol !== 'https:') throw new Error(`Updates come over HTTPS only, not ${String(options.protocol)}`);
    // A connection per request (`agent: false`): electron-updater adds a timeout listener to each
    // request's socket, which piles up on a kept-alive one; updates are rare and few requests.
    return httpsRequest(
      { ...options, agent: false, minVersion: 'TLSv1.2', ...(this.caCert ? { ca: this.caCert } : {}) },
      callback,
    );
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
