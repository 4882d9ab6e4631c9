export * from './export-format';
export { anchorsFor, type AnchorSelector } from './export-anchors';
export {
  exportStreams,
  exportText,
  type ExportOptions,
  type ExportSummary,
} from './export-streams';
export { readExportFile, writeExportFile } from './export-file';
export { verifyExport, type VerifyExportOptions } from './verify-export';
export { storedFormOf } from './stored-form';
