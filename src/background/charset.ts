// Turns a response body into text the way a browser would: BOM first, then the
// Content-Type charset, then a <meta> declaration in the first bytes, else UTF-8.
// The fetch happens in the background, so nothing decodes it for us.

/** How far into the document a <meta charset> may appear (the HTML spec's prescan window). */
const PRESCAN_BYTES = 1024;

const BOMS: ReadonlyArray<[bytes: number[], label: string]> = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xfe, 0xff], 'utf-16be'],
  [[0xff, 0xfe], 'utf-16le'],
];

const CHARSET_PARAM = /charset\s*=\s*["']?([\w.:-]+)/i;
const META_CHARSET = /<meta\s[^>]*?charset\s*=\s*["']?([\w.:-]+)/i;

function bomLabel(bytes: Uint8Array): string | undefined {
  return BOMS.find(([bom]) => bom.every((b, i) => bytes[i] === b))?.[1];
}

/** A TextDecoder for `label`, or undefined when the label names no encoding the platform knows. */
function decoderFor(label: string | undefined): TextDecoder | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label.trim().toLowerCase());
  } catch {
    return undefined;
  }
}

/** The charset a response declares, in the order a browser consults them. */
export function sniffCharset(bytes: Uint8Array, contentType: string | null): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, PRESCAN_BYTES));
  const candidates = [bomLabel(bytes), contentType?.match(CHARSET_PARAM)?.[1], head.match(META_CHARSET)?.[1]];
  for (const label of candidates) {
    const dec = decoderFor(label);
    // A page served as UTF-16 that declares it in ASCII <meta> is mislabelled; browsers read such a meta as UTF-8.
    if (dec) return label === candidates[2] && dec.encoding.startsWith('utf-16') ? 'utf-8' : dec.encoding;
  }
  return 'utf-8';
}

/** Decodes an HTML body; bytes invalid in the charset become U+FFFD rather than failing. */
export function decodeHtml(bytes: Uint8Array, contentType: string | null): string {
  const dec = new TextDecoder(sniffCharset(bytes, contentType), { ignoreBOM: false });
  return dec.decode(bytes);
}
