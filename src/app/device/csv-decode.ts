/**
 * A chosen file's bytes as text. This app writes UTF-8 (with a byte order mark), but Excel on a
 * Chinese Windows saves "CSV" in the system's code page, GBK: read as UTF-8, its Chinese would
 * turn into replacement characters and be imported as such. So: UTF-8 when the bytes are valid
 * UTF-8 (or start with its byte order mark), else GB 18030 (a superset of GBK and GB 2312).
 */
export type CsvEncoding = 'utf-8' | 'gb18030';

export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8. TextDecoder keeps a UTF-8 BOM out of the text; GB 18030 never has one.
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}
