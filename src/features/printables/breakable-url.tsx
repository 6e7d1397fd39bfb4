import { Children, Fragment, type ReactNode } from 'react';

/**
 * An address that may wrap after a "/" of its path (not inside "https://", and nowhere else), so
 * a narrow screen never breaks it mid-word: a `<wbr>` after each such "/".
 */
export function breakableUrl(url: string): ReactNode {
  const parts = url.split('/');
  return parts.map((part, i) => (
    <Fragment key={i}>
      {part}
      {i < parts.length - 1 && '/'}
      {i >= 2 && i < parts.length - 1 && <wbr />}
    </Fragment>
  ));
}

/**
 * The same for an address inside a translated sentence: `<url>{{url}}</url>` in the string and
 * `components={URL_COMPONENTS}` on `<Trans>`, which passes the address here as the text.
 */
function BreakableUrl({ children }: { children?: ReactNode }): ReactNode {
  return Children.map(children, (child) =>
    typeof child === 'string' ? breakableUrl(child) : child,
  );
}

/** `components` for `<Trans>`: `<url>{{url}}</url>` in a string becomes a breakable address. */
export const URL_COMPONENTS = { url: <BreakableUrl /> };
