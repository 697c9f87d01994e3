export * from './types';
export * from './columns';
export { departmentFromPostalCode } from './department';
export { formatFrenchDecimal, parseFrenchDate, parseFrenchDecimal, parseFrenchInteger } from './french-values';
export { LIMITS, lotGpsKey, parseLotRecord, parseProgrammeRecord } from './rows';
export { ExportValidator, type ExportValidation, type ParsedExport, validateExport } from './validate-export';
export * from './plan';
export * from './messages';
