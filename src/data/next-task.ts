/**
 * Resolves in the next task: what comes after an `await nextTask()` runs apart from what came
 * before, so that neither keeps the page from answering a tap for long (on a slow phone, any
 * task over 50 ms does).
 */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
