/**
 * The event the app dispatches on `document` once it has taken a prerendered page over
 * (main.tsx), for the script that starts it (src/app/boot.ts).
 */
export const STARTED_EVENT = 'valkompass:started';

/**
 * The attribute the app puts on `<html>` once a page's content is on screen with its code, strings
 * and data: its value is the path of the page that is ready. End-to-end tests wait for it rather
 * than for the network to fall quiet (a live count never does).
 */
export const READY_ATTRIBUTE = 'data-ready';
