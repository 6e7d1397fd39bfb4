import { afterEach } from 'vitest';

// Testing Library's DOM matchers and cleanup, only where a DOM exists (component tests opt in
// with `// @vitest-environment jsdom`).
if (typeof document !== 'undefined') {
  await import('@testing-library/jest-dom/vitest');
  const { cleanup } = await import('@testing-library/react');
  afterEach(() => cleanup());
}
