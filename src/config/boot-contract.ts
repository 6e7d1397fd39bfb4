/**
 * The event the app dispatches on `document` once it has taken a prerendered page over
 * (main.tsx), for the script that starts it (src/app/boot.ts).
 */
export const STARTED_EVENT = 'valkompass:started';
