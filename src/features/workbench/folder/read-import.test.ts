// What a chosen file becomes before `POST …/import`: a folder zip through the bank's parser, the
// export's JSON, or open data alone; and the refusals, in words the page can show.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { toOpenData } from '../../../domain/bank/open-data.ts';
import { compassToFolder } from '../../../domain/workbench/folder.ts';
import { loadBank } from '../../../tools/load-bank.ts';
import { readImportFile } from './read-import.ts';
import { MAX_UNPACKED_BYTES, unzipFolder, zipFolder } from './zip.ts';

const shipped = loadBank('questions/socialpolitik');
if (!shipped.ok) throw new Error('the shipped compass does not load');
const { compass, programmes } = shipped;

describe('readImportFile', () => {
  it('reads a folder zip to the compass and programmes, boilerplate included', async () => {
    const zip = zipFolder('socialpolitik', compassToFolder(compass, programmes));
    expect(await readImportFile(new File([zip], 'Socialpolitik.ZIP'))).toEqual({
      ok: true,
      body: { compass, programmes },
    });
  });

  it('takes the export’s JSON as it is, and open data alone with no programmes', async () => {
    const exported = { compass: toOpenData(compass), programmes };
    const asFile = (value: unknown) => new File([JSON.stringify(value)], 'x.json');
    expect(await readImportFile(asFile(exported))).toEqual({
      ok: true,
      body: JSON.parse(JSON.stringify(exported)) as unknown,
    });
    expect(await readImportFile(asFile(exported.compass))).toMatchObject({
      ok: true,
      body: { compass: { id: 'socialpolitik' }, programmes: {} },
    });
  });

  it('says why it cannot: another kind of file, broken JSON, a broken folder', async () => {
    expect(await readImportFile(new File(['x'], 'programme.pdf'))).toEqual({
      ok: false,
      reason: 'wrong-type',
    });
    expect(await readImportFile(new File(['{'], 'x.json'))).toEqual({
      ok: false,
      reason: 'not-json',
    });
    const files = compassToFolder(compass, programmes);
    const broken = { ...files, 'sources/s-knivsta.txt': 'Något annat.' };
    const read = await readImportFile(new File([zipFolder('x', broken)], 'x.zip'));
    expect(read).toMatchObject({ ok: false, reason: 'issues' });
    if (!read.ok && read.reason === 'issues')
      expect(read.issues[0]).toMatch(
        /^parties\.yaml:\d+: party "s": sources\/s-knivsta\.txt has changed/,
      );
  });
});

describe('unzipFolder', () => {
  it('refuses a zip that unpacks to more than the limit, and one of non-text files', () => {
    const big = zipFolder('x', { 'sources/s.txt': ' '.repeat(MAX_UNPACKED_BYTES + 1) });
    expect(big.length).toBeLessThan(100_000);
    expect(unzipFolder(big)).toEqual({ ok: false, reason: 'too-large' });
    const binary = zipSync({ 'x/compass.yaml': new Uint8Array([0xff, 0xfe, 0x00]) });
    expect(unzipFolder(binary)).toEqual({ ok: false, reason: 'not-text' });
  });

  it('keeps paths as they are when the files do not share one top folder', () => {
    const zip = zipSync({
      'compass.yaml': strToU8('a'),
      'sources/s.txt': strToU8('b'),
      '__MACOSX/._compass.yaml': strToU8('c'),
    });
    expect(unzipFolder(zip)).toEqual({
      ok: true,
      files: { 'compass.yaml': 'a', 'sources/s.txt': 'b' },
    });
  });
});
