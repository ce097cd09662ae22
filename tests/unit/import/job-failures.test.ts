import { describe, expect, it } from '@jest/globals';
import { CsvError } from 'csv-parse';
import { DatabaseUnavailableError } from '../../../server/src/errors.js';
import { failureText } from '../../../server/src/http/routes/imports.js';
import { ImportJobs } from '../../../server/src/services/import/jobs.js';
import { ImportInputError } from '../../../server/src/services/import/types.js';

describe('a failed import job tells the client what a problem document would, and nothing more', () => {
  it('keeps driver messages, paths and stacks out of the job', async () => {
    const logged: unknown[] = [];
    const jobs = new ImportJobs((err, id) => {
      logged.push(err);
      return failureText(err, id);
    });
    const raw = new Error("Neo.ClientError.Statement.SyntaxError at /tmp/oe-import-Xy12/upload.csv line 3\n    at Object.run (/srv/app/server/src/services/import/pipeline.ts:10:5)");
    const view = jobs.submit({ format: 'csv', dataset: 'd', files: ['upload.csv'], run: async () => Promise.reject(raw), cleanup: async () => {} });
    await jobs.wait(view.id, 5_000);
    const job = jobs.get(view.id)!;
    expect(job.status).toBe('failed');
    expect(job.error).toBe(`Internal error: the import stopped unexpectedly; the server log has the details (job ${view.id})`);
    expect(logged).toEqual([raw]);
    expect(jobs.failure(view.id)).toBe(raw);
  });

  it('names the input at fault for the failures a client caused, and says when to retry', () => {
    expect(failureText(new ImportInputError('the file is not gzip'), 'j')).toBe('Invalid request: body the file is not gzip');
    expect(failureText(new CsvError('CSV_QUOTE_NOT_CLOSED', 'Quote Not Closed: the parsing is finished with an opening quote at line 2'), 'j')).toBe(
      'Invalid request: body is not readable as CSV: Quote Not Closed: the parsing is finished with an opening quote at line 2',
    );
    const down = new DatabaseUnavailableError('The database is unavailable; retry shortly');
    expect(failureText(down, 'j')).toBe(`${down.title}: The database is unavailable; retry shortly`);
  });
});
