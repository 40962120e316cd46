import { SaxesParser } from 'saxes';
import { IMPORT_CODES, ImportError } from '../../domain/errors.ts';
import { decodeXmlText } from './xml-text.decoder.ts';

/**
 * The one place the XML importers touch saxes. It streams the decoded text through the parser and hands the
 * format parser element events by LOCAL name: exporters bind the same namespace to different prefixes
 * (`ns3:hr`, `gpxtpx:hr`, a default xmlns on `<TPX>`), so prefixes carry no meaning for us.
 *
 * Security: saxes never fetches external DTDs or entities and does not expand entities declared in an internal
 * subset; we go further and refuse any DOCTYPE that has an internal subset, so an entity bomb never reaches a
 * format parser. A bare `<!DOCTYPE gpx>` is tolerated.
 */

/** Receives the elements of a document, in order. Names are local names (prefix stripped). */
export interface XmlVisitor {
  open(name: string, attributes: Readonly<Record<string, string>>): void;
  /** `text` is the trimmed character data the element held directly after its last child (leaf text). */
  close(name: string, text: string): void;
}

export interface XmlReadResult {
  /** The document ended before its root element closed: the visitor saw only what came before the cut. */
  truncated: boolean;
}

/**
 * How the importers run saxes: no namespace processing (names are matched by local name, see above), positions
 * tracked so a malformed file's error names its line and column. The bench's bare-saxes baseline uses the same.
 */
export const SAXES_OPTIONS = { xmlns: false, position: true } as const;

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function refuseDoctype(doctype: string, what: string): void {
  if (doctype.includes('[') || /<!ENTITY/i.test(doctype) || /\b(SYSTEM|PUBLIC)\b/.test(doctype)) {
    throw new ImportError(
      IMPORT_CODES.XML_DTD_REFUSED,
      `${what}: the file declares a DTD with entities or an external reference; refused for safety`,
    );
  }
}

/**
 * Parses `bytes` as XML, calling `visitor` per element. Throws ImportError (EMPTY_FILE, XML_DTD_REFUSED,
 * XML_MALFORMED); reports a cut-off document as `truncated` instead of throwing, so the caller can keep what it
 * read and say so.
 */
export function readXml(bytes: Uint8Array, visitor: XmlVisitor, what: string): XmlReadResult {
  const parser = new SaxesParser(SAXES_OPTIONS);
  let text = '';
  parser.on('doctype', (doctype) => refuseDoctype(doctype, what));
  parser.on('opentag', (tag) => {
    text = '';
    visitor.open(localName(tag.name), tag.attributes as Record<string, string>);
  });
  parser.on('text', (chunk) => {
    text += chunk;
  });
  parser.on('cdata', (chunk) => {
    text += chunk;
  });
  parser.on('closetag', (tag) => {
    const value = text.trim();
    text = '';
    visitor.close(localName(tag.name), value);
  });

  try {
    for (const chunk of decodeXmlText(bytes, what)) parser.write(chunk);
  } catch (error) {
    throw asImportError(error, what, IMPORT_CODES.XML_MALFORMED);
  }
  try {
    parser.close();
  } catch (error) {
    if (error instanceof ImportError) throw error;
    // "document must contain a root element" is not a cut-off file: nothing XML was there at all.
    if (error instanceof Error && error.message.includes('root element')) {
      throw asImportError(error, what, IMPORT_CODES.XML_MALFORMED);
    }
    return { truncated: true };
  }
  return { truncated: false };
}

function asImportError(error: unknown, what: string, code: typeof IMPORT_CODES.XML_MALFORMED): ImportError {
  if (error instanceof ImportError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new ImportError(code, `${what}: not well-formed XML (${detail})`);
}
