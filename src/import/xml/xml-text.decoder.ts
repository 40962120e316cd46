import { IMPORT_CODES, ImportError } from '../../domain/errors.ts';

/**
 * Turns an XML file's bytes into text chunks for the streaming parser, without ever holding a second full copy
 * of the file as a string. It handles what real exports get wrong before the first tag:
 * - a byte-order mark (UTF-8, UTF-16 LE/BE), which some DOM parsers reject when left in the text;
 * - whitespace before `<?xml` (Strava archive TCX files), which strict parsers reject;
 * - the encoding declared in `<?xml … encoding="…"?>` (ISO-8859-1 and Windows-1252 occur in old GPX files),
 *   ignoring a declared UTF-16 when the bytes are plainly ASCII-compatible.
 */

const CHUNK_BYTES = 64 * 1024;

/** Which decoder to use and how many leading bytes (a BOM) to skip. */
interface EncodingChoice {
  label: string;
  skip: number;
}

function chooseEncoding(bytes: Uint8Array, what: string): EncodingChoice {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) return { label: 'utf-8', skip: 3 };
  if (b0 === 0xff && b1 === 0xfe) return { label: 'utf-16le', skip: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { label: 'utf-16be', skip: 2 };
  // UTF-16 without a BOM: '<' followed or preceded by a zero byte.
  if (b0 === 0x3c && b1 === 0x00) return { label: 'utf-16le', skip: 0 };
  if (b0 === 0x00 && b1 === 0x3c) return { label: 'utf-16be', skip: 0 };

  // ASCII-compatible: read the declaration as Latin-1 (every byte maps to one char, nothing can fail).
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512));
  const decl = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  const declared = decl?.[1]?.toLowerCase();
  if (declared === undefined || declared.startsWith('utf-16') || declared === 'unicode') {
    return { label: 'utf-8', skip: 0 };
  }
  try {
    new TextDecoder(declared);
  } catch {
    throw new ImportError(
      IMPORT_CODES.XML_MALFORMED,
      `${what}: the XML declaration names encoding "${declared}", which this importer cannot decode`,
    );
  }
  return { label: declared, skip: 0 };
}

/**
 * Yields the file's text in chunks of about 64 KiB, leading BOMs and whitespace removed. Throws ImportError
 * EMPTY_FILE when there is nothing but whitespace.
 */
export function* decodeXmlText(bytes: Uint8Array, what: string): Generator<string, void, undefined> {
  const { label, skip } = chooseEncoding(bytes, what);
  const decoder = new TextDecoder(label, { fatal: false, ignoreBOM: true });
  let started = false;
  for (let offset = skip; offset < bytes.length; offset += CHUNK_BYTES) {
    const end = Math.min(offset + CHUNK_BYTES, bytes.length);
    let chunk = decoder.decode(bytes.subarray(offset, end), { stream: end < bytes.length });
    if (!started) {
      chunk = chunk.replace(/^[\s\uFEFF]+/, '');
      if (chunk.length === 0) continue;
      started = true;
    }
    yield chunk;
  }
  if (!started) {
    throw new ImportError(IMPORT_CODES.EMPTY_FILE, `${what}: the file is empty or holds only whitespace`);
  }
}
