/** What the programme import says about a file besides its text, in plain words. */
export type ImportWarning =
  | { readonly code: 'no-text-layer'; readonly message: string }
  | {
      readonly code: 'pages-without-text';
      readonly pages: readonly number[];
      readonly message: string;
    }
  | { readonly code: 'unreadable-characters'; readonly count: number; readonly message: string }
  | { readonly code: 'not-a-pdf'; readonly message: string }
  | { readonly code: 'password-protected'; readonly message: string }
  | { readonly code: 'not-utf8'; readonly message: string }
  | { readonly code: 'no-text'; readonly message: string };

/** The text read out of a programme file, before normalizeProgramme. */
export interface ExtractedText {
  /** The programme's text: one paragraph a line, a blank line between paragraphs. */
  readonly text: string;
  /** For a PDF, each page's text (page 1 first); `text` is these joined by a blank line. */
  readonly pages?: readonly string[];
  /** Anything the reader should know before trusting `text`; empty when all went well. */
  readonly warnings: readonly ImportWarning[];
}

/** A text item or marked-content marker as pdf.js's getTextContent gives them. */
export type PdfjsTextItem =
  | {
      readonly str: string;
      readonly transform: readonly number[];
      readonly width: number;
      readonly height: number;
    }
  | { readonly type: string };

/** The part of pdf.js the import uses: the browser's build and Node's legacy build both fit. */
export interface PdfjsLike {
  getDocument(source: {
    data: Uint8Array;
    isEvalSupported?: boolean;
    disableFontFace?: boolean;
    useSystemFonts?: boolean;
    stopAtErrors?: boolean;
    verbosity?: number;
  }): {
    readonly promise: Promise<{
      readonly numPages: number;
      getPage(pageNumber: number): Promise<{
        getTextContent(): Promise<{ readonly items: readonly PdfjsTextItem[] }>;
        cleanup(): unknown;
      }>;
      destroy(): Promise<void>;
    }>;
    destroy(): Promise<void>;
  };
}

/** Loads pdf.js when a PDF is first read, so that nobody else downloads it. */
export type LoadPdfjs = () => Promise<PdfjsLike>;
