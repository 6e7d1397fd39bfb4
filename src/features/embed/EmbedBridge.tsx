import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { matchPath, useLocation } from 'react-router';
import { type HostMessage, MESSAGE_SOURCE } from '../../config/embed-contract.ts';
import { usePaths } from '../../context/scope-context.tsx';
import { switchLanguage } from '../../i18n/i18n.ts';
import { useAnswers } from '../../state/answers-store.ts';
import type { EmbedOptions } from './embed-options.ts';

/** Sends a message to the host page. Only sizes and milestones ever leave the frame. */
function post(message: HostMessage): void {
  if (window.parent !== window) window.parent.postMessage(message, '*');
}

const answeredCount = (answers: Readonly<Record<string, { answer: unknown }>>) =>
  Object.values(answers).filter((a) => a.answer !== 'skip').length;

/**
 * Inside the frame: applies the embed options, reports the content height so the host can size
 * the iframe, and tells the host that the quiz is ready, started and completed (with the number
 * of answers, never the answers or the result).
 */
export function EmbedBridge({ options }: { options: EmbedOptions }) {
  const paths = usePaths();
  const { i18n } = useTranslation();
  const { pathname } = useLocation();
  const setParties = useAnswers((s) => s.setParties);
  const answered = useAnswers((s) => answeredCount(s.answers));
  const started = useRef(false);

  useEffect(() => {
    const root = document.documentElement;
    root.dataset.embed = 'true';
    root.dataset.theme = options.theme;
    if (options.compact) root.dataset.compact = 'true';
    // The host's accent is checked for contrast on white, so it is used on light pages only.
    const dark =
      options.theme === 'dark' ||
      (options.theme === 'auto' && window.matchMedia('(prefers-color-scheme: dark)').matches);
    if (options.accent && !dark) root.style.setProperty('--accent', options.accent);
    if (options.lang) void switchLanguage(i18n, options.lang);
    if (options.parties) setParties(options.parties);
    post({ source: MESSAGE_SOURCE, type: 'ready' });
    // The frame keeps the height the host reserved until the reader first acts in it, so the
    // host page never shifts on load (CLS 0); from then on the frame follows its content. A
    // press counts once it is complete (its click): grown while a finger is still down, the
    // frame would lose the scroll it had, its content would move under the finger, and the tap
    // would land on something else.
    let interacted = false;
    const report = () => {
      if (!interacted) return;
      const height = Math.ceil(document.body.getBoundingClientRect().height);
      post({ source: MESSAGE_SOURCE, type: 'height', height });
    };
    const onInput = () => {
      interacted = true;
      report();
    };
    const observer = new ResizeObserver(report);
    observer.observe(document.body);
    window.addEventListener('click', onInput, { capture: true, once: true });
    window.addEventListener('keydown', onInput, { capture: true, once: true });
    return () => {
      observer.disconnect();
      window.removeEventListener('click', onInput, { capture: true });
      window.removeEventListener('keydown', onInput, { capture: true });
    };
  }, [options, i18n, setParties]);

  useEffect(() => {
    if (answered > 0 && !started.current) {
      started.current = true;
      post({ source: MESSAGE_SOURCE, type: 'started' });
    }
  }, [answered]);

  // Completed: the reader reached the result, or answered the one embedded statement.
  useEffect(() => {
    const atResult = matchPath(paths.results, pathname) !== null;
    const inWidget = matchPath(paths.widgetPattern, pathname) !== null;
    if (atResult || (inWidget && answered > 0))
      post({ source: MESSAGE_SOURCE, type: 'completed', answered });
  }, [pathname, answered, paths.results, paths.widgetPattern]);

  return null;
}
