import { describe, expect, it } from 'vitest';
import { readEmbedOptions } from './embed-options.ts';
import {
  defaultSnippetChoice,
  frameUrl,
  iframeSnippet,
  scriptSnippet,
  type SnippetChoice,
} from './snippet.ts';

const base: SnippetChoice = defaultSnippetChoice('socialpolitik');

describe('snippets', () => {
  it('writes the two-line snippet with the chosen options and the reserved height', () => {
    expect(scriptSnippet(base, 'https://kompass.example')).toBe(
      '<div data-valkompass="socialpolitik" data-lang="sv" style="min-height:640px"></div>\n<script src="https://kompass.example/embed.js" async></script>',
    );
    expect(
      scriptSnippet(
        {
          ...base,
          parties: ['s', 'v'],
          compact: true,
          start: 'quiz',
          accent: '#0b5cad',
          theme: 'dark',
        },
        'https://k.example',
      ),
    ).toContain(
      'data-parties="s,v" data-compact="true" data-start="quiz" data-accent="#0b5cad" data-theme="dark" style="min-height:480px"',
    );
    expect(scriptSnippet({ ...base, statement: 'samma-budget' }, 'https://k.example')).toContain(
      'data-statement="samma-budget" style="min-height:420px"',
    );
  });

  it('gives a frame address the app reads back to the same options', () => {
    const choice: SnippetChoice = {
      ...base,
      lang: 'en',
      parties: ['c'],
      accent: '#0b5cad',
      theme: 'light',
      compact: true,
      start: 'quiz',
    };
    const url = new URL(frameUrl(choice, 'https://k.example'));
    expect(url.pathname).toBe('/embed/socialpolitik');
    expect(readEmbedOptions(url.search)).toEqual({
      lang: 'en',
      parties: ['c'],
      accent: '#0b5cad',
      theme: 'light',
      compact: true,
      start: 'quiz',
      statement: null,
    });
    expect(iframeSnippet(choice, 'https://k.example', 'Valkompass')).toMatch(
      /^<iframe src="https:\/\/k\.example\/embed\/socialpolitik\?.+" title="Valkompass" loading="lazy" style="width:100%;height:1100px;border:0" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox" referrerpolicy="no-referrer"><\/iframe>$/,
    );
  });
});
