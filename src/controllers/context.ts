// The configuration an <rd-provider> shares with the widgets inside it. The key is a global
// symbol so two copies of the library on one page still find each other's providers.
import { createContext } from '@lit/context';
import type { ConfigInput } from '../services/config.js';

export const rdConfigContext = createContext<ConfigInput>(Symbol.for('rd-widgets/config'));
