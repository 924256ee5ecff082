import type { DeskBridge } from '../db/api';

declare global {
  interface Window {
    /** Exposed by the Electron preload (contextBridge); absent in the browser host. */
    readonly desk?: DeskBridge;
  }
}

export {};
