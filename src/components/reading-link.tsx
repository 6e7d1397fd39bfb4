import type { ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { EASY_READ_NAME } from '../i18n/i18n.ts';
import { inReading, type Reading, readingLanguage } from '../i18n/reading.ts';
import { rememberReading } from '../state/reading-prefs.ts';

/**
 * A link to this same page in another reading (`/x` → `/en/x`, `/lattlast/x`): a plain link,
 * so it works before the app's scripts run too. Following it remembers the choice on this
 * device, so that addresses without a language (`/`, a shared link) open in it next time.
 * The page's fragment comes along (a shared result lives there).
 */
export function ReadingLink({
  reading,
  current,
  className,
  describedBy,
  children,
}: {
  reading: Reading;
  /** True when this is the page's own reading (marked `aria-current`). */
  current: boolean;
  className?: string;
  describedBy?: string;
  children: ReactNode;
}) {
  const { pathname, search, hash } = useLocation();
  const language = readingLanguage(reading);
  return (
    <Link
      to={`${inReading(pathname, reading)}${search}${hash}`}
      lang={language}
      hrefLang={language}
      className={className}
      aria-current={current ? 'true' : undefined}
      aria-describedby={describedBy}
      data-reading={reading}
      onClick={() => rememberReading(reading)}
    >
      {children}
    </Link>
  );
}

/**
 * Easy-read on or off for this page, as a toggle button (it needs the app's scripts, so it is
 * hidden where they do not run: `needs-js`; the header's links work without them).
 */
export function EasyReadToggle({ on, describedBy }: { on: boolean; describedBy?: string }) {
  const { pathname, search, hash } = useLocation();
  const navigate = useNavigate();
  const next: Reading = on ? 'sv' : 'lattlast';
  return (
    <button
      type="button"
      lang="sv"
      className="needs-js"
      aria-pressed={on}
      aria-describedby={describedBy}
      onClick={() => {
        rememberReading(next);
        void navigate(`${inReading(pathname, next)}${search}${hash}`);
      }}
    >
      {EASY_READ_NAME}
    </button>
  );
}
