import { describe, expect, it } from 'vitest';
import { decodeCsv } from '../../src/app/device/csv-decode.ts';
import { parseCsv } from '../../src/engines/csv/parse-csv.ts';
import { csvField, guardFormula, literal, unguardFormula, writeCsv } from '../../src/engines/csv/write-csv.ts';
import { formatMinor, joinList, readMoney, readTime, splitList } from '../../src/engines/csv/values.ts';

const fieldsOf = (text: string) => {
  const r = parseCsv(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.records.map((x) => x.fields);
};

describe('parseCsv (RFC 4180)', () => {
  it('reads plain fields with LF or CRLF, and an empty last field', () => {
    expect(fieldsOf('a,b,c\n1,2,3\n')).toEqual([['a', 'b', 'c'], ['1', '2', '3']]);
    expect(fieldsOf('a,b,c\r\n1,2,3')).toEqual([['a', 'b', 'c'], ['1', '2', '3']]);
    expect(fieldsOf('a,b,\r\n,,')).toEqual([['a', 'b', ''], ['', '', '']]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks, kept exactly', () => {
    const text = 'name,note\r\n"Smith, J.","He said ""hi""\r\nthen left"\r\n"","x"\n';
    expect(fieldsOf(text)).toEqual([['name', 'note'], ['Smith, J.', 'He said "hi"\r\nthen left'], ['', 'x']]);
  });

  it('drops a UTF-8 byte order mark and blank lines, and counts lines across quoted breaks', () => {
    const r = parseCsv('\uFEFFid,name\n\n"a","two\nlines"\nb,"three\r\nmore\nlines"\n\nc,d\n\n\n');
    expect(r.ok && r.records).toEqual([
      { line: 1, fields: ['id', 'name'] },
      { line: 3, fields: ['a', 'two\nlines'] },
      { line: 5, fields: ['b', 'three\r\nmore\nlines'] },
      { line: 9, fields: ['c', 'd'] },
    ]);
  });

  it('keeps Chinese text and a quote inside an unquoted field', () => {
    expect(fieldsOf('名称,说明\n富士苹果,5" screen\n')).toEqual([['名称', '说明'], ['富士苹果', '5" screen']]);
  });

  it('says where a quote is never closed', () => {
    const r = parseCsv('id,name\na,"fine"\nb,"not closed\nstill,going\n');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatchObject({ line: 3, code: 'unterminated-quote' });
      expect(r.error.message).toContain('line 3');
    }
  });

  it('refuses text after a closing quote', () => {
    const r = parseCsv('a,b\n"x"y,z\n');
    expect(!r.ok && r.error).toMatchObject({ line: 2, code: 'after-quote' });
  });

  it('guards the size: characters and rows', () => {
    const big = parseCsv('x'.repeat(101), { maxChars: 100, maxRecords: 10 });
    expect(!big.ok && big.error.code).toBe('too-big');
    const rows = parseCsv('h\n1\n2\n3\n4\n', { maxChars: 1000, maxRecords: 4 });
    expect(!rows.ok && rows.error).toMatchObject({ code: 'too-many-rows', line: 5, params: { rows: 3 } });
    expect(parseCsv('h\n1\n2\n3\n\n\n', { maxChars: 1000, maxRecords: 4 }).ok).toBe(true);
  });

  it('reads an empty file as no records', () => {
    expect(fieldsOf('')).toEqual([]);
    expect(fieldsOf('\uFEFF\r\n\r\n')).toEqual([]);
  });
});

describe('writeCsv', () => {
  it('quotes what must be quoted, ends lines with CRLF, and starts with a BOM', () => {
    const text = writeCsv(['a', 'b'], [['x,y', 'say "hi"'], ['two\nlines', 3], [true, null]]);
    expect(text).toBe('\uFEFFa,b\r\n"x,y","say ""hi"""\r\n"two\nlines",3\r\ntrue,\r\n');
    expect(csvField('plain')).toBe('plain');
  });

  it('guards text a spreadsheet would run as a formula, but not numbers the app wrote', () => {
    const text = writeCsv(['a', 'b', 'c', 'd'], [['=SUM(A1)', '+1', '-x', '@me'], [literal('-12.90'), -3, '\tTab', 'ok']], { bom: false });
    expect(text).toBe("a,b,c,d\r\n'=SUM(A1),'+1,'-x,'@me\r\n-12.90,-3,'\tTab,ok\r\n");
  });

  it('undoes its guard exactly, even for text that begins with apostrophes', () => {
    for (const s of ['=1+1', "'=1", "''@x", "'plain", 'plain', "'", '', '-', "it's"]) {
      expect(unguardFormula(guardFormula(s))).toBe(s);
    }
    expect(unguardFormula("'hello")).toBe("'hello");
  });

  it('round-trips through parseCsv', () => {
    const rows = [['a,b', 'q"uote', 'multi\nline\nzh 中文'], ['', ' spaced ', '"']];
    const back = fieldsOf(writeCsv(['x', 'y', 'z'], rows));
    expect(back).toEqual([['x', 'y', 'z'], ...rows]);
  });
});

describe('cell values', () => {
  it('converts money exactly, with the currency’s digits', () => {
    expect(readMoney('12.90', 2)).toEqual({ ok: true, value: 1290 });
    expect(readMoney('12.9', 2)).toEqual({ ok: true, value: 1290 });
    expect(readMoney('0.07', 2)).toEqual({ ok: true, value: 7 });
    expect(readMoney('1200', 0)).toEqual({ ok: true, value: 1200 });
    expect(readMoney('1.005', 3)).toEqual({ ok: true, value: 1005 });
    // Floats would give 1.1 * 100 = 110.00000000000001; strings give 110.
    expect(readMoney('1.10', 2)).toEqual({ ok: true, value: 110 });
    expect(readMoney('12.999', 2)).toEqual({ ok: false, reason: 'decimals' });
    expect(readMoney('12.5', 0)).toEqual({ ok: false, reason: 'decimals' });
    for (const bad of ['12.5.1', 'abc', '1e3', '1,290.00', '¥12', '.5', '12.']) expect(readMoney(bad, 2)).toEqual({ ok: false, reason: 'money' });
    expect(readMoney('99999999999999999999', 2)).toEqual({ ok: false, reason: 'large' });
    expect(formatMinor(1290, 2)).toBe('12.90');
    expect(formatMinor(5, 2)).toBe('0.05');
    expect(formatMinor(-5, 2)).toBe('-0.05');
    expect(formatMinor(1200, 0)).toBe('1200');
  });

  it('reads ISO 8601 times, with a zone or as local time', () => {
    expect(readTime('2026-11-11T12:00:00.000Z')).toEqual({ ok: true, value: Date.UTC(2026, 10, 11, 12) });
    expect(readTime('2026-11-11T20:00+08:00')).toEqual({ ok: true, value: Date.UTC(2026, 10, 11, 12) });
    expect(readTime('2026-11-11 20:00:30')).toEqual({ ok: true, value: new Date(2026, 10, 11, 20, 0, 30).getTime() });
    expect(readTime('2026-11-11')).toEqual({ ok: true, value: new Date(2026, 10, 11).getTime() });
    for (const bad of ['2026-02-31T00:00Z', '2026-13-01', 'tomorrow', '1731312000000', '2026-11-11T25:00Z']) expect(readTime(bad).ok).toBe(false);
  });

  it('joins and splits lists exactly, escaping | and \\', () => {
    const items = ['a|b', 'back\\slash', 'end\\', '中文', 'x'];
    expect(splitList(joinList(items))).toEqual(items);
    expect(splitList(' fresh | crisp ||')).toEqual(['fresh', 'crisp']);
    expect(splitList('')).toEqual([]);
  });
});

describe('decodeCsv', () => {
  it('reads UTF-8 (with or without its BOM), and GBK as Excel on a Chinese Windows saves it', () => {
    expect(decodeCsv(new TextEncoder().encode('\uFEFFid,name\n富士,1\n'))).toEqual({ text: 'id,name\n富士,1\n', encoding: 'utf-8' });
    expect(decodeCsv(new TextEncoder().encode('id,name\n'))).toEqual({ text: 'id,name\n', encoding: 'utf-8' });
    // "富士苹果" in GBK.
    const gbk = new Uint8Array([0x61, 0x2c, 0xb8, 0xbb, 0xca, 0xbf, 0xc6, 0xbb, 0xb9, 0xfb, 0x0a]);
    expect(decodeCsv(gbk)).toEqual({ text: 'a,富士苹果\n', encoding: 'gb18030' });
  });
});
