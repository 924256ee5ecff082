// Counterdesk's own ESLint rules, used as the `local` plugin in eslint.config.js.
import layers from './layers.js';

export default {
  meta: { name: 'counterdesk-local' },
  rules: { layers },
};
