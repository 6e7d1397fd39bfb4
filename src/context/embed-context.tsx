import { createContext, useContext } from 'react';
import type { EmbedOptions } from '../config/embed-contract.ts';

/** Set when the app runs inside an iframe on someone else's page (see EMBED.md). */
const EmbedContext = createContext<EmbedOptions | null>(null);

export const EmbedProvider = EmbedContext.Provider;

/** The embed options, or null on the app's own pages. */
export const useEmbed = (): EmbedOptions | null => useContext(EmbedContext);
