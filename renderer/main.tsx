/**
 * The renderer's entry. It decides between a print window and the app before loading either: a
 * `#/print/…` address loads the print chunk alone (the form, its codes and fonts, the print texts),
 * anything else the app, whose pages load one chunk each as they are opened.
 */
import { isPrintHash } from '../db/api';

/** Without the app there is no language yet: both, plainly, and a way to try again. */
function showLoadFailure(error: unknown): void {
  console.error('Counterdesk could not load', error);
  const root = document.getElementById('root');
  if (!root) return;
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.style.cssText = 'font: 16px sans-serif; margin: 48px; line-height: 1.6';
  message.textContent = '柜台服务台无法加载。Counterdesk could not load. ';
  const reload = document.createElement('button');
  reload.textContent = '重新加载 / Reload';
  reload.addEventListener('click', () => window.location.reload());
  message.append(reload);
  root.replaceChildren(message);
}

const started = isPrintHash(window.location.hash) ? import('./print/print-main') : import('./app-main');
started.then((entry) => entry.start()).catch(showLoadFailure);
