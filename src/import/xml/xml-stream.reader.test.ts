import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ImportError } from '../../domain/errors.ts';
import { readXml, type XmlVisitor } from './xml-stream.reader.ts';

/** Records "open:name" / "close:name=text" events. */
function record(): { visitor: XmlVisitor; events: string[] } {
  const events: string[] = [];
  return {
    events,
    visitor: {
      open: (name) => events.push(`open:${name}`),
      close: (name, text) => events.push(`close:${name}=${text}`),
    },
  };
}

const utf8 = (s: string) => new TextEncoder().encode(s);

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof ImportError, `expected ImportError, got ${String(error)}`);
    return error.code;
  }
  assert.fail('expected an ImportError');
}

describe('readXml', () => {
  it('reports local names, so any prefix for the same element works', () => {
    const { visitor, events } = record();
    readXml(utf8('<a xmlns:ns3="x"><ns3:hr> 74 </ns3:hr><gpxtpx:hr>75</gpxtpx:hr></a>'), visitor, 'T');
    assert.deepEqual(events, ['open:a', 'open:hr', 'close:hr=74', 'open:hr', 'close:hr=75', 'close:a=']);
  });

  it('strips a UTF-8 BOM and whitespace before the XML declaration', () => {
    const { visitor, events } = record();
    const body = utf8('\n\n  <?xml version="1.0"?><r>x</r>');
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...body]);
    assert.deepEqual(readXml(bytes, visitor, 'T'), { truncated: false });
    assert.deepEqual(events, ['open:r', 'close:r=x']);
  });

  it('decodes the encoding the declaration names (ISO-8859-1)', () => {
    const { visitor, events } = record();
    const head = utf8('<?xml version="1.0" encoding="ISO-8859-1"?><n>Z');
    const bytes = new Uint8Array([...head, 0xfc, ...utf8('rich</n>')]); // 0xFC = ü in Latin-1
    readXml(bytes, visitor, 'T');
    assert.deepEqual(events, ['open:n', 'close:n=Zürich']);
  });

  it('decodes UTF-16 LE with a BOM', () => {
    const { visitor, events } = record();
    const text = '<?xml version="1.0" encoding="UTF-16"?><n>é</n>';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 0; i < text.length; i++) {
      bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    readXml(bytes, visitor, 'T');
    assert.deepEqual(events, ['open:n', 'close:n=é']);
  });

  it('reports a cut-off document as truncated after delivering what came before the cut', () => {
    const { visitor, events } = record();
    const result = readXml(utf8('<r><p>1</p><p>2</p><p>3'), visitor, 'T');
    assert.deepEqual(result, { truncated: true });
    assert.deepEqual(events, ['open:r', 'open:p', 'close:p=1', 'open:p', 'close:p=2', 'open:p']);
  });

  it('refuses a DOCTYPE with entity declarations (billion laughs) before expanding anything', () => {
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">' +
      '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><gpx><name>&c;</name></gpx>';
    const { visitor, events } = record();
    assert.equal(
      codeOf(() => readXml(utf8(bomb), visitor, 'GPX')),
      'XML_DTD_REFUSED',
    );
    assert.deepEqual(events, []);
  });

  it('refuses an external entity (XXE)', () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE r SYSTEM "file:///etc/passwd"><r>&x;</r>';
    assert.equal(
      codeOf(() => readXml(utf8(xxe), record().visitor, 'T')),
      'XML_DTD_REFUSED',
    );
  });

  it('tolerates a bare DOCTYPE without a subset', () => {
    const { visitor, events } = record();
    readXml(utf8('<?xml version="1.0"?><!DOCTYPE gpx><gpx/>'), visitor, 'T');
    assert.deepEqual(events, ['open:gpx', 'close:gpx=']);
  });

  it('maps malformed XML, empty input and non-XML to stable codes', () => {
    assert.equal(
      codeOf(() => readXml(utf8('<a><b></a>'), record().visitor, 'T')),
      'XML_MALFORMED',
    );
    assert.equal(
      codeOf(() => readXml(utf8(''), record().visitor, 'T')),
      'EMPTY_FILE',
    );
    assert.equal(
      codeOf(() => readXml(utf8('  \n '), record().visitor, 'T')),
      'EMPTY_FILE',
    );
    assert.equal(
      codeOf(() => readXml(utf8('hello world'), record().visitor, 'T')),
      'XML_MALFORMED',
    );
    assert.equal(
      codeOf(() => readXml(utf8('<r>&undefinedEntity;</r>'), record().visitor, 'T')),
      'XML_MALFORMED',
    );
  });

  it('names the format in its error messages', () => {
    assert.throws(
      () => readXml(utf8('<a><b></a>'), record().visitor, 'TCX'),
      /^ImportError: TCX: not well-formed XML/,
    );
  });
});
