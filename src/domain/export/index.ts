export { buildCsv, exportFileName, formatCell, UTF8_BOM, type CellKind, type CellValue, type CsvColumn } from './csv';
export { formatFrenchDate, formatFrenchDateTime, formatFrenchNumber } from './french-format';
