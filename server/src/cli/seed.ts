// `npm run seed`: load the regimes and the Hikvision case into the configured (or embedded) Neo4j.
// Idempotent: a second run changes nothing.
import { connect } from '../bootstrap.js';
import { loadConfig } from '../config.js';
import { loadSeed } from '../services/seed.js';

const connected = await connect(loadConfig(), (line) => console.error(line));
try {
  const report = await loadSeed(connected.db);
  console.log(
    `seeded ${report.entities} entities, ${report.ownership} OWNS, ${report.control} CONTROLS, ` +
      `${report.decisions} decisions, ${report.sources} sources, ${report.lists} lists in ${report.ms} ms`,
  );
} finally {
  await connected.close();
}
