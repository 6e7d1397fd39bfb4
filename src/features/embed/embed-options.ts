import {
  type EmbedOptions,
  ignoredWarning,
  OPTION_RULES,
  type OptionName,
  type OptionRule,
} from '../../config/embed-contract.ts';

export type { EmbedOptions } from '../../config/embed-contract.ts';

/** What a valid value of an option is, as its rule's type guard says. */
type Valid<N extends OptionName> = (typeof OPTION_RULES)[N] extends OptionRule<infer T> ? T : never;

/**
 * Reads and validates the options by the embed contract's rules (the loader applies the same);
 * a bad value is dropped with a console warning, never a broken widget. An accent colour without
 * enough contrast on white is dropped too (text must stay legible).
 */
export function readEmbedOptions(
  search: string,
  warn: (message: string) => void = () => undefined,
): EmbedOptions {
  const query = new URLSearchParams(search);
  const take = <N extends OptionName>(name: N): Valid<N> | null => {
    const value = query.get(name);
    if (value === null) return null;
    if ((OPTION_RULES[name] as OptionRule<Valid<N>>).valid(value)) return value;
    warn(ignoredWarning(name, value, name));
    return null;
  };
  const parties = take('parties');
  return {
    lang: take('lang'),
    parties: parties === null ? null : parties.split(','),
    accent: take('accent'),
    theme: take('theme') ?? 'auto',
    compact: take('compact') === 'true',
    start: take('start') ?? 'start',
    statement: take('statement'),
  };
}
