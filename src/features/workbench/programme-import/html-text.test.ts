// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { extractText } from './extract-text.ts';

const page = `<!doctype html>
<html lang="sv"><head><title>Socialpolitik</title><style>p { color: red }</style></head>
<body>
  <header><a href="/">Start</a> <a href="/bli-medlem">Bli medlem</a></header>
  <nav><ul><li>Hem</li><li>Politik</li></ul></nav>
  <main>
    <h1>Socialpolitik   för
      alla</h1>
    <p>Vi vill att <strong>alla</strong> barn ska få växa upp i ett tryggt samhälle.
       Kommunen ska rekrytera fler jour- och kontaktfamiljer.</p>
    <script>console.log('inte programtext')</script>
    <p>Bidraget ska höjas med 10&nbsp;000 kronor.<br>Rad två i samma stycke.</p>
    <div>Text direkt i en div <p>och ett stycke i den</p> och text efter.</div>
    <ul><li>Fler familjehem</li><li><p>Kortare köer</p></li></ul>
    <p hidden>Dold text</p><p style="display: none">Också dold</p><p aria-hidden="true">Dold</p>
    <table><tr><th>Mål</th><td>Fler boenden</td></tr></table>
    <p>&nbsp;</p>
    <pre>Förformaterad
  text</pre>
  </main>
  <footer>© Partiet · Kontakt</footer>
</body></html>`;

describe('extractText of HTML', () => {
  it('keeps the visible text of the block elements, a paragraph a line', async () => {
    const { text, warnings } = await extractText(page, 'html');
    expect(warnings).toEqual([]);
    expect(text).toBe(
      [
        'Socialpolitik för alla',
        'Vi vill att alla barn ska få växa upp i ett tryggt samhälle. Kommunen ska rekrytera fler jour- och kontaktfamiljer.',
        'Bidraget ska höjas med 10\u00A0000 kronor.\nRad två i samma stycke.',
        'Text direkt i en div',
        'och ett stycke i den',
        'och text efter.',
        'Fler familjehem\nKortare köer',
        'Mål Fler boenden',
        'Förformaterad\n  text',
      ].join('\n\n'),
    );
  });

  it('drops scripts, styles, navigation, header, footer and hidden elements', async () => {
    const { text } = await extractText(page, 'html');
    for (const gone of ['inte programtext', 'color', 'Bli medlem', 'Politik', 'Partiet', 'Dold'])
      expect(text).not.toContain(gone);
  });

  it('reads HTML given as bytes', async () => {
    const bytes = new TextEncoder().encode('<p>Äldreomsorg</p><p>för alla</p>').buffer;
    expect((await extractText(bytes, 'html')).text).toBe('Äldreomsorg\n\nför alla');
  });

  it('warns when the page has no visible text', async () => {
    const { text, warnings } = await extractText('<nav>Meny</nav><script>x()</script>', 'html');
    expect(text).toBe('');
    expect(warnings.map((w) => w.code)).toEqual(['no-text']);
  });
});
