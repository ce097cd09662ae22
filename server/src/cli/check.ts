// `npm run check [-- --json]`: report dangling source references, decisions naming nobody, totals above
// 100%, impossible windows or stakes, and ownership cycles. Exits 1 when an error-level finding exists.
import { parseArgs } from 'node:util';
import { connect } from '../bootstrap.js';
import { loadConfig } from '../config.js';
import { today } from '../domain/dates.js';
import { checkIntegrity, hasErrors } from '../services/integrity.js';

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, limit: { type: 'string', default: '100' } } });
const connected = await connect(loadConfig(), (line) => console.error(line));
try {
  const report = await checkIntegrity(connected.db, today(), Math.max(1, Math.min(10_000, Number(values.limit) || 100)));
  if (values.json) console.log(JSON.stringify(report, null, 2));
  else {
    for (const [name, rows] of Object.entries(report)) {
      console.log(`${rows.length === 0 ? 'ok  ' : 'FAIL'} ${name}: ${rows.length}`);
      for (const row of rows.slice(0, 20)) console.log(`     ${JSON.stringify(row)}`);
    }
  }
  process.exitCode = hasErrors(report) ? 1 : 0;
} finally {
  await connected.close();
}
