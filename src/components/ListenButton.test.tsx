// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderPage, stubSpeech, voice } from '../test/render-app.tsx';
import { ListenButton } from './ListenButton.tsx';

let speech: ReturnType<typeof stubSpeech> | null = null;
afterEach(() => {
  speech?.remove();
  speech = null;
});

const TEXT = 'Kommunen ska bygga fler bibliotek.';
const listen = () => screen.queryByRole('button', { name: 'Lyssna på påståendet' });

function renderButton(text = TEXT, lang = 'sv') {
  return renderPage(<ListenButton text={text} lang={lang} name="Lyssna på påståendet" />);
}

describe('ListenButton', () => {
  it('is absent where the browser has no speech synthesis', () => {
    renderButton();
    expect(listen()).not.toBeInTheDocument();
    expect(screen.queryByText('Lyssna')).not.toBeInTheDocument();
  });

  it('is absent when the device has no voice for the language', () => {
    speech = stubSpeech([voice('en-GB'), voice('ar-SA')]);
    renderButton();
    expect(listen()).not.toBeInTheDocument();
  });

  it('never uses a network voice, which would send the text away', () => {
    speech = stubSpeech([voice('sv-SE', 'Google svenska', { localService: false })]);
    renderButton();
    expect(listen()).not.toBeInTheDocument();
  });

  it('appears when a fitting voice arrives late, and goes when it is gone', () => {
    speech = stubSpeech([]);
    renderButton();
    expect(listen()).not.toBeInTheDocument();
    act(() => speech!.setVoices([voice('en-US'), voice('sv-SE')]));
    expect(listen()).toBeInTheDocument();
    act(() => speech!.setVoices([voice('en-US')]));
    expect(listen()).not.toBeInTheDocument();
  });

  it('reads the text in Swedish with a Swedish voice, the sv-SE one first', async () => {
    const user = userEvent.setup();
    const finnish = voice('sv-FI', 'Swedish (Finland)', { default: true });
    const sweden = voice('sv_SE', 'Alva');
    speech = stubSpeech([voice('en-GB'), finnish, sweden]);
    renderButton();
    expect(listen()).toHaveTextContent('Lyssna');
    await user.click(listen()!);
    expect(speech.spoken).toHaveLength(1);
    const utterance = speech.spoken[0]!;
    expect(utterance.text).toBe(TEXT);
    expect(utterance.lang).toBe('sv-SE');
    expect(utterance.voice).toBe(sweden);
  });

  it('takes another voice of the language when the regional one is missing', async () => {
    const user = userEvent.setup();
    const american = voice('en-US');
    speech = stubSpeech([voice('sv-SE'), american]);
    renderPage(<ListenButton text="More libraries." lang="en" name="Listen to the statement" />);
    await user.click(screen.getByRole('button', { name: 'Listen to the statement' }));
    expect(speech.spoken[0]).toMatchObject({ text: 'More libraries.', lang: 'en-GB' });
    expect(speech.spoken[0]!.voice).toBe(american);
  });

  it('reads Arabic with an Arabic voice', async () => {
    const user = userEvent.setup();
    const arabic = voice('ar-SA');
    speech = stubSpeech([voice('sv-SE'), arabic]);
    renderPage(<ListenButton text="نص" lang="ar" name="استمع إلى العبارة" />);
    await user.click(screen.getByRole('button', { name: 'استمع إلى العبارة' }));
    expect(speech.spoken[0]).toMatchObject({ text: 'نص', lang: 'ar', voice: arabic });
  });

  it('becomes "Sluta läsa" while reading; pressing it stops', async () => {
    const user = userEvent.setup();
    speech = stubSpeech([voice('sv-SE')]);
    renderButton();
    await user.click(listen()!);
    const stop = screen.getByRole('button', { name: 'Sluta läsa' });
    expect(listen()).not.toBeInTheDocument();
    const before = speech.synth.cancelled;
    await user.click(stop);
    expect(speech.synth.cancelled).toBe(before + 1);
    expect(speech.current()).toBeNull();
    expect(listen()).toBeInTheDocument();
    expect(speech.spoken).toHaveLength(1);
  });

  it('is "Lyssna" again when the text has been read to the end', async () => {
    const user = userEvent.setup();
    speech = stubSpeech([voice('sv-SE')]);
    renderButton();
    await user.click(listen()!);
    expect(screen.getByRole('button', { name: 'Sluta läsa' })).toBeInTheDocument();
    act(() => speech!.finish());
    expect(listen()).toBeInTheDocument();
  });

  it('stops reading when the text changes and when it goes away', async () => {
    const user = userEvent.setup();
    speech = stubSpeech([voice('sv-SE')]);
    function NextStatement() {
      const [text, setText] = useState(TEXT);
      return (
        <>
          <ListenButton text={text} lang="sv" name="Lyssna på påståendet" />
          <button type="button" onClick={() => setText('Nästa påstående.')}>
            Nästa
          </button>
        </>
      );
    }
    const { unmount } = renderPage(<NextStatement />);
    await user.click(listen()!);
    expect(speech.current()?.text).toBe(TEXT);
    await user.click(screen.getByRole('button', { name: 'Nästa' }));
    expect(speech.current()).toBeNull();
    expect(listen()).toBeInTheDocument();
    await user.click(listen()!);
    expect(speech.current()?.text).toBe('Nästa påstående.');
    unmount();
    expect(speech.current()).toBeNull();
  });

  it('reads one text at a time: starting another stops the first', async () => {
    const user = userEvent.setup();
    speech = stubSpeech([voice('sv-SE')]);
    renderPage(
      <>
        <ListenButton text="Ett." lang="sv" name="Lyssna på påståendet" />
        <ListenButton text="Två." lang="sv" name="Lyssna på förklaringen" />
      </>,
    );
    await user.click(screen.getByRole('button', { name: 'Lyssna på påståendet' }));
    await user.click(screen.getByRole('button', { name: 'Lyssna på förklaringen' }));
    expect(speech.current()?.text).toBe('Två.');
    expect(screen.getAllByRole('button', { name: 'Sluta läsa' })).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Lyssna på påståendet' })).toBeInTheDocument();
  });
});
