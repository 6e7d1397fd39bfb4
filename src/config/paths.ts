/** Every route of the app, in one place. Slugs are Swedish and language-independent. */
export const paths = {
  home: '/',
  statement: (n: number) => `/fraga/${n}`,
  statementPattern: '/fraga/:number',
  review: '/granska',
  results: '/resultat',
  party: (id: string) => `/resultat/parti/${encodeURIComponent(id)}`,
  partyPattern: '/resultat/parti/:party',
  comparison: '/resultat/pastaenden',
  shared: '/delat',
  programme: (party: string, statement?: string) =>
    `/program/${encodeURIComponent(party)}${statement ? `#${encodeURIComponent(statement)}` : ''}`,
  programmePattern: '/program/:party',
  method: '/metod',
  about: '/om',
  statements: '/pastaenden',
  widgetPattern: '/widget/:statement',
  embedBuilder: '/embed',
} as const;
