import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';

export const PROGRAMME_HEADER = 'code_programme;nom;adresse;code_postal;ville;code_insee;date_livraison_prevue';
export const LOT_HEADER = 'code_programme;ref_lot;type_lot;typologie;nb_pieces;surface_habitable;prix_ttc;statut;date_maj';

export interface FileShape {
  encoding?: 'utf-8' | 'windows-1252';
  bom?: boolean;
  lineEnding?: '\r\n' | '\n';
}

/** Encodes CSV text written with \n line breaks in the given shape. */
export function encodeCsv(text: string, shape: FileShape = {}): Buffer {
  const withEndings = text.replace(/\n/g, shape.lineEnding ?? '\r\n');
  if ((shape.encoding ?? 'utf-8') === 'windows-1252') return iconv.encode(withEndings, 'windows-1252');
  const body = Buffer.from(withEndings, 'utf8');
  return shape.bom === false ? body : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]);
}

const tempDirs: string[] = [];

export function makeTempDir(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `gps-${label}-`));
  tempDirs.push(dir);
  return dir;
}

/** Deletes the folders this test file created; call it in afterAll. */
export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** Writes programmes.csv and lots.csv into a new temporary folder and returns it. */
export function writeExport(input: { programmes: string | Buffer; lots: string | Buffer; shape?: FileShape }): string {
  const dir = makeTempDir('export');
  const toBytes = (content: string | Buffer) => (typeof content === 'string' ? encodeCsv(content, input.shape) : content);
  fs.writeFileSync(path.join(dir, 'programmes.csv'), toBytes(input.programmes));
  fs.writeFileSync(path.join(dir, 'lots.csv'), toBytes(input.lots));
  return dir;
}

export function programmeLine(code: string, name = `Résidence ${code}`): string {
  return `${code};${name};12 rue des Pins;64700;Hendaye;64260;30/06/2027`;
}

export interface LotSpec {
  programme: string;
  reference: string;
  kind?: string;
  typology?: string;
  rooms?: string;
  area?: string;
  price?: string;
  status?: string;
  updatedOn?: string;
}

export function lotLine(lot: LotSpec): string {
  return [
    lot.programme,
    lot.reference,
    lot.kind ?? 'APPARTEMENT',
    lot.typology ?? 'T2',
    lot.rooms ?? '2',
    lot.area ?? '45,50',
    lot.price ?? '210 000,00',
    lot.status ?? 'LIBRE',
    lot.updatedOn ?? '15/01/2026',
  ].join(';');
}

/** Builds an export with the given number of available lots A001… per programme, each with its own price. */
export function simpleExport(programmes: { code: string; lots: number; status?: string }[]): { programmes: string; lots: string } {
  const programmeLines = [PROGRAMME_HEADER, ...programmes.map((programme) => programmeLine(programme.code))];
  const lotLines = [LOT_HEADER];
  for (const programme of programmes) {
    for (let index = 1; index <= programme.lots; index += 1) {
      lotLines.push(
        lotLine({
          programme: programme.code,
          reference: `A${String(index).padStart(3, '0')}`,
          price: `${String(200 + index).replace(/\B(?=(\d{3})+$)/g, ' ')} 000,00`,
          status: programme.status ?? 'LIBRE',
        }),
      );
    }
  }
  return { programmes: `${programmeLines.join('\n')}\n`, lots: `${lotLines.join('\n')}\n` };
}
