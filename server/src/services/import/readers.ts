// One reader per format; the pipeline asks here and never names a format's module itself.
import { BodsReader } from './bods-reader.js';
import { CsvReader } from './csv-reader.js';
import { FtmReader } from './ftm-reader.js';
import { GleifReader } from './gleif-reader.js';
import type { ImportFormat, ImportReader } from './types.js';

export function readerFor(format: ImportFormat): ImportReader {
  switch (format) {
    case 'ftm':
      return new FtmReader();
    case 'bods':
      return new BodsReader();
    case 'csv':
      return new CsvReader();
    case 'gleif':
      return new GleifReader();
  }
}
