/**
 * pdf.js for the browser, from our own origin: its modern build becomes a chunk of its own (this
 * module is only ever imported dynamically, when the first PDF is read), and its worker is copied
 * into the build as a hashed asset (Vite's `?url`), which pdf.js starts as a module worker. No
 * request leaves the site: no CDN, no font or CMap downloads (the import reads text, never draws).
 */
import { getDocument, GlobalWorkerOptions } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { PdfjsLike } from './types.ts';

export function loadPdfjs(): Promise<PdfjsLike> {
  GlobalWorkerOptions.workerSrc = workerUrl;
  return Promise.resolve({ getDocument });
}
