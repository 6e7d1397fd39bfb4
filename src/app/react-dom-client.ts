/**
 * React DOM as the app imports it. React DOM is CommonJS: the bundler wraps it in a function that
 * runs when a module of ours first needs it. Re-exported from here, and put in React DOM's own
 * chunk (vite.config.ts), it runs when that chunk does, in the task boot.ts gives it, rather than
 * in the app's entry, which would then be one long task.
 */
export { createRoot, hydrateRoot } from 'react-dom/client';
