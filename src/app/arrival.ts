/**
 * Runs in the head of every prerendered page, before its first paint (a script file of its own,
 * put there by the build: src/tools/vite-plugin-prerender.ts). A visitor who chose another reading
 * on this device before (the header's links, or the offer below, remember it) goes straight to the
 * same page in that reading, without seeing this one first: their own explicit choice.
 *
 * A visitor who has chosen nothing and whose browser asks for another language than the page's is
 * not sent anywhere, which would cost a second page load before anything is painted: the page
 * offers them the same page in their language instead. The page carries that offer, prerendered
 * in each other language and hidden (src/app/ReadingOffer.tsx); naming the language on `<html>`
 * here, before the body is parsed, lets the stylesheet show it in the first paint, so nothing
 * moves after it.
 */
import { chosenPath, OFFER_ATTRIBUTE, offeredReading, storedReadingText } from '../i18n/reading.ts';

const stored = storedReadingText();
const target = chosenPath(window.location, stored);
if (target !== null) {
  document.documentElement.hidden = true;
  window.location.replace(target);
} else {
  const offer = offeredReading(window.location.pathname, stored, navigator.languages ?? []);
  if (offer !== null) document.documentElement.setAttribute(OFFER_ATTRIBUTE, offer);
}
