/** The compasses the site serves, from the question bank at build time (src/tools/vite-plugin-bank.ts). */
declare module 'virtual:valkompass/compasses' {
  const list: readonly {
    readonly id: string;
    readonly title: import('../domain/bank/types.ts').Localized;
    readonly description: import('../domain/bank/types.ts').Localized;
  }[];
  export default list;
}

/** One part of a language's strings, cut at build time (src/tools/vite-plugin-strings.ts). */
declare module 'virtual:valkompass/strings/*' {
  const strings: Record<string, unknown>;
  export default strings;
}
