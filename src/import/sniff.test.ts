/**
 * Formats are told by content even when the XML does not start the usual way (issue 14 #11): UTF-16 with or
 * without a byte-order mark, and a long comment or prolog before the root element.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildGpx } from '../../test/factories/gpx.factory.ts';
import { buildTcx } from '../../test/factories/tcx.factory.ts';
import { decodeActivityFile } from './decode-file.ts';
import { sniffFormat } from './sniff.ts';

const gpxText = Buffer.from(buildGpx()).toString('utf8');

function utf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const le = Buffer.from(`${bom ? '\uFEFF' : ''}${text}`, 'utf16le');
  if (endian === 'le') return le;
  const be = Buffer.alloc(le.length);
  for (let i = 0; i + 1 < le.length; i += 2) {
    be[i] = le[i + 1]!;
    be[i + 1] = le[i]!;
  }
  return be;
}

describe('sniffFormat', () => {
  it('recognises a UTF-16 GPX (LE and BE, with and without BOM) and decodes it', () => {
    const declaredUtf16 = gpxText.replace(/encoding="UTF-8"/i, 'encoding="UTF-16"');
    for (const endian of ['le', 'be'] as const) {
      for (const bom of [true, false]) {
        const bytes = utf16(declaredUtf16, endian, bom);
        assert.equal(sniffFormat(bytes), 'gpx', `${endian} bom=${bom}`);
        const { activities } = decodeActivityFile(bytes);
        assert.equal(activities.length, 1, `${endian} bom=${bom}`);
      }
    }
  });

  it('recognises a GPX and a TCX behind a long comment, a processing instruction and a DOCTYPE-free prolog', () => {
    const comment = `<!-- ${'exported by a tool that writes a very long licence notice. '.repeat(2000)} -->\n`;
    const gpx = gpxText.replace(/(<\?xml[^>]*\?>)/, `$1\n<?xml-stylesheet href="x.xsl"?>\n${comment}`);
    assert.ok(gpx.indexOf('<gpx') > 100_000, 'the root element starts after 100 KB');
    const bytes = Buffer.from(gpx, 'utf8');
    assert.equal(sniffFormat(bytes), 'gpx');
    assert.equal(decodeActivityFile(bytes).activities.length, 1);
    const tcx = Buffer.from(buildTcx())
      .toString('utf8')
      .replace(/(<\?xml[^>]*\?>)/, `$1\n${comment}`);
    assert.equal(sniffFormat(Buffer.from(tcx, 'utf8')), 'tcx');
  });

  it('does not mistake a comment that mentions <gpx for a GPX root', () => {
    const text = `<?xml version="1.0"?><!-- not a <gpx file --><kml xmlns="x"><Document/></kml>`;
    assert.equal(sniffFormat(Buffer.from(text)), 'unknown');
  });
});
