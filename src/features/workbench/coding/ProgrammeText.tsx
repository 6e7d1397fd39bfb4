import type { Ref } from 'react';
import { segmentsOf, type Span } from './programme-segments.ts';

interface ProgrammeTextProps {
  readonly text: string;
  readonly boilerplate: readonly Span[];
  readonly matches: readonly Span[];
  /** The search match stepped to, or -1. */
  readonly current: number;
  readonly label: string;
  readonly ref?: Ref<HTMLDivElement>;
  /** A selection may have ended (mouse or keyboard): read it. */
  readonly onSelectEnd: () => void;
}

/**
 * The programme as runs of its raw text, each with the offset it starts at (`data-offset`), so a
 * selection maps back to offsets exactly. Boilerplate is dimmed and not selectable; search
 * matches are marked, the current one more strongly. Only the raw text is rendered inside, with
 * its line breaks kept by CSS.
 */
export function ProgrammeText({
  text,
  boilerplate,
  matches,
  current,
  label,
  ref,
  onSelectEnd,
}: ProgrammeTextProps) {
  const segments = segmentsOf(text.length, boilerplate, matches);
  return (
    <div
      ref={ref}
      className="coding-programme-text"
      lang="sv"
      role="region"
      aria-label={label}
      // Focusable so the long text can be scrolled, and a selection made, from the keyboard.
      tabIndex={0}
      onMouseUp={onSelectEnd}
      onKeyUp={onSelectEnd}
    >
      {segments.map((s) => {
        const slice = text.slice(s.start, s.end);
        const className = s.boilerplate ? 'coding-boilerplate' : undefined;
        if (s.match === null)
          return (
            <span key={s.start} data-offset={s.start} className={className}>
              {slice}
            </span>
          );
        return (
          <mark
            key={s.start}
            data-offset={s.start}
            data-match={s.match}
            className={
              [className, s.match === current ? 'coding-match-current' : '']
                .filter(Boolean)
                .join(' ') || undefined
            }
          >
            {slice}
          </mark>
        );
      })}
    </div>
  );
}
