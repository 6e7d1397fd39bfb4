/** Every route of the app, in one place. */
export const paths = {
  home: '/',
  statements: '/pastaenden',
} as const;
