/**
 * Tells a file's format from its first bytes, not its name: Strava and Garmin exports hold gzip-compressed
 * FIT behind any extension, and a GPX renamed to .fit is still a GPX.
 */
export type SniffedFormat = 'fit' | 'gpx' | 'tcx' | 'gzip' | 'zip' | 'unknown';

export function sniffFormat(bytes: Uint8Array): SniffedFormat {
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) return 'gzip';
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return 'zip';
  }
  // FIT: header size 12 or 14 at byte 0, ".FIT" at bytes 8..11.
  if (
    bytes.length >= 12 &&
    (bytes[0] === 12 || bytes[0] === 14) &&
    bytes[8] === 0x2e &&
    bytes[9] === 0x46 &&
    bytes[10] === 0x49 &&
    bytes[11] === 0x54
  ) {
    return 'fit';
  }
  const text = xmlHead(bytes);
  const root = rootElementName(text);
  if (root === 'gpx') return 'gpx';
  if (root === 'trainingcenterdatabase') return 'tcx';
  // Some other root element: not ours. Only text with no readable root at all gets the lenient search.
  if (root !== null) return 'unknown';
  const head = text.slice(0, 2048).toLowerCase();
  if (head.includes('<gpx')) return 'gpx';
  if (head.includes('<trainingcenterdatabase')) return 'tcx';
  return 'unknown';
}

/** How far into a file the root element is looked for: past a long comment or prolog, never the whole file. */
const XML_HEAD_BYTES = 1024 * 1024;

/** The start of the file as text, in UTF-16 when its BOM or its zero bytes say so, else UTF-8. */
function xmlHead(bytes: Uint8Array): string {
  const head = bytes.subarray(0, XML_HEAD_BYTES);
  const [b0, b1] = [head[0], head[1]];
  let label = 'utf-8';
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0x3c && b1 === 0x00)) label = 'utf-16le';
  else if ((b0 === 0xfe && b1 === 0xff) || (b0 === 0x00 && b1 === 0x3c)) label = 'utf-16be';
  return new TextDecoder(label, { fatal: false }).decode(head);
}

/**
 * The lower-case local name of the first element, skipping the BOM, whitespace, the XML declaration,
 * processing instructions, comments and a DOCTYPE; null when none starts within the text.
 */
function rootElementName(text: string): string | null {
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0xfeff || c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) {
      i++;
      continue;
    }
    if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2);
      if (end < 0) return null;
      i = end + 2;
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) return null;
      i = end + 3;
    } else if (text.startsWith('<!', i)) {
      const end = text.indexOf('>', i + 2);
      if (end < 0) return null;
      i = end + 1;
    } else if (text[i] === '<') {
      const name = /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(i, i + 256))?.[1];
      if (!name) return null;
      return name.slice(name.indexOf(':') + 1).toLowerCase();
    } else {
      return null;
    }
  }
  return null;
}
