import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { TextDecoder } from 'node:util';
import { CsvError, parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { checkExportHeader, type CsvRecord, type CsvTable, type ExportFileKind } from '../../../../domain/gps';
import type { ExportEncoding } from '../config';
import { describeError, RunFailure } from './errors';

export interface FileInspection {
  sha256: string;
  bytes: number;
  validUtf8: boolean;
  /** True when the file contains NUL bytes, which no CSV text in UTF-8 or Windows-1252 has. */
  binary: boolean;
}

/** Feeds a chunk to a fatal UTF-8 decoder and returns false once the bytes are not valid UTF-8. */
function decodesAsUtf8(decoder: TextDecoder, chunk?: Buffer): boolean {
  try {
    if (chunk) decoder.decode(chunk, { stream: true });
    else decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/** Returns the `code` of a Node.js system error (ENOENT…), read by shape because jest runs code in another realm. */
function systemErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** Reads a file once to hash it and to tell whether it is valid UTF-8 and whether it is text at all. */
export async function inspectFile(path: string, file: string): Promise<FileInspection> {
  const hash = createHash('sha256');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let validUtf8 = true;
  let binary = false;
  let bytes = 0;

  try {
    for await (const chunk of createReadStream(path)) {
      if (!Buffer.isBuffer(chunk)) continue;
      hash.update(chunk);
      bytes += chunk.length;
      if (!binary && chunk.includes(0)) binary = true;
      if (validUtf8) validUtf8 = decodesAsUtf8(decoder, chunk);
    }
  } catch (error) {
    if (systemErrorCode(error) === 'ENOENT') {
      throw new RunFailure(`fichier ${file} introuvable (${path}).`, { code: 'FILE_NOT_FOUND', file });
    }
    throw new RunFailure(`lecture de ${file} impossible : ${describeError(error)}.`, { code: 'FILE_UNREADABLE', file });
  }
  // The final call fails when the file ends inside a multi-byte sequence.
  if (validUtf8) validUtf8 = decodesAsUtf8(decoder);

  return { sha256: hash.digest('hex'), bytes, validUtf8, binary };
}

/**
 * Turns CRLF into LF, so that csv-parse counts one line per line break (it counts a CRLF inside
 * a quoted field as two) and line numbers match the file. A CR at the end of a chunk waits for
 * the next chunk, in case an LF starts it.
 */
class LineEndingNormaliser extends Transform {
  private pendingCarriageReturn = false;

  constructor() {
    super({ readableObjectMode: false, decodeStrings: false, encoding: 'utf8' });
  }

  override _transform(chunk: string | Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    let text = (this.pendingCarriageReturn ? '\r' : '') + chunk.toString();
    this.pendingCarriageReturn = text.endsWith('\r');
    if (this.pendingCarriageReturn) text = text.slice(0, -1);
    callback(null, text.replace(/\r\n/g, '\n'));
  }

  override _flush(callback: TransformCallback): void {
    callback(null, this.pendingCarriageReturn ? '\n' : '');
  }
}

/** Shape of the items csv-parse yields with the `info` option. */
function isRecordWithInfo(item: unknown): item is { record: string[]; info: { lines: number } } {
  if (typeof item !== 'object' || item === null || !('record' in item) || !('info' in item)) return false;
  const info = item.info;
  return Array.isArray(item.record) && typeof info === 'object' && info !== null && 'lines' in info && typeof info.lines === 'number';
}

function countLineBreaks(fields: readonly string[]): number {
  let count = 0;
  for (const field of fields) {
    for (let index = field.indexOf('\n'); index !== -1; index = field.indexOf('\n', index + 1)) count += 1;
  }
  return count;
}

function malformedRow(file: string, line: number, found: number, expected: number): RunFailure {
  return new RunFailure(`${file}, ligne ${line} : ${found} champs au lieu de ${expected} ; le fichier est tronqué ou mal formé.`, {
    code: 'MALFORMED_ROW',
    file,
    line,
  });
}

function csvFailure(error: CsvError, file: string, lastLine: number): RunFailure {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    return new RunFailure(
      `${file} : un guillemet ouvert après la ligne ${lastLine} n'est jamais refermé ; le fichier est tronqué ou mal formé.`,
      { code: 'UNTERMINATED_QUOTE', file, line: lastLine + 1 },
    );
  }
  return new RunFailure(`${file} n'est pas un CSV lisible après la ligne ${lastLine} (${error.message}).`, {
    code: 'MALFORMED_CSV',
    file,
    line: lastLine + 1,
  });
}

/** Recognises csv-parse errors by their CSV_* code, because jest runs code in another realm. */
function isCsvError(error: unknown): error is CsvError {
  return error instanceof CsvError || (systemErrorCode(error)?.startsWith('CSV_') ?? false);
}

/**
 * Streams a GPS CSV file (semicolons, optional BOM, CRLF or LF, quoted fields) into records
 * with their physical line numbers. Fails the whole file, with a French message, when it is
 * empty, binary, badly encoded, has a wrong header or a row with a wrong number of fields (a
 * truncated file ends that way), or ends inside a quoted field.
 */
export async function readCsvTable(input: {
  path: string;
  file: string;
  kind: ExportFileKind;
  inspection: FileInspection;
  encoding: ExportEncoding;
}): Promise<CsvTable> {
  const { path, file, inspection } = input;
  if (inspection.bytes === 0) {
    throw new RunFailure(`${file} est vide.`, { code: 'FILE_EMPTY', file });
  }
  if (inspection.binary) {
    throw new RunFailure(`${file} n'est pas un fichier texte (il contient des octets nuls) : l'export est peut-être compressé ou corrompu.`, {
      code: 'FILE_BINARY',
      file,
    });
  }
  if (input.encoding === 'utf-8' && !inspection.validUtf8) {
    throw new RunFailure(
      `${file} n'est pas en UTF-8 valide alors que l'encodage configuré est UTF-8 ; indiquez windows-1252, ou laissez l'encodage vide pour le détecter.`,
      { code: 'INVALID_ENCODING', file },
    );
  }

  const parser = createReadStream(path)
    .pipe(iconv.decodeStream(input.encoding))
    .pipe(new LineEndingNormaliser())
    .pipe(
      parse({
        delimiter: ';',
        bom: true,
        record_delimiter: '\n',
        relax_quotes: true,
        // Field counts are checked here, after the header, so that a bad header is reported first.
        relax_column_count: true,
        skip_empty_lines: true,
        info: true,
      }),
    );

  let header: string[] | null = null;
  const records: CsvRecord[] = [];
  let lastLine = 0;

  try {
    for await (const item of parser) {
      if (!isRecordWithInfo(item)) throw new Error('csv-parse returned a record without info');
      const fields = item.record;
      const line = item.info.lines - countLineBreaks(fields);
      lastLine = item.info.lines;

      if (header === null) {
        header = fields;
        const check = checkExportHeader(input.kind, file, header);
        if (!check.ok) throw new RunFailure(check.message, { code: check.code === 'MISSING_COLUMNS' ? 'MISSING_COLUMNS' : 'DUPLICATE_COLUMN', file, line: 1 });
        continue;
      }
      if (fields.length !== header.length) throw malformedRow(file, line, fields.length, header.length);
      records.push({ line, fields });
    }
  } catch (error) {
    parser.destroy();
    if (error instanceof RunFailure) throw error;
    if (isCsvError(error)) throw csvFailure(error, file, lastLine);
    throw new RunFailure(`lecture de ${file} impossible : ${describeError(error)}.`, { code: 'FILE_UNREADABLE', file });
  }

  if (header === null) {
    throw new RunFailure(`${file} est vide (pas même la ligne d'en-tête).`, { code: 'FILE_EMPTY', file });
  }
  return { file, header, records };
}
