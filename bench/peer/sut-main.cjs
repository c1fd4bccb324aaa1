// The entry point the peer benchmark (../shared/peer-bench, SUT_MAIN) starts for this project's
// side: the harness writes one fixed sink.properties, and some comparisons need more settings
// (ordering=key for the hot-partition row). PEER_SUT_PROPERTIES holds them as `name=value` lines;
// they are appended to that file in the run folder, so the folder records what ran, and then
// the service starts exactly as `npm start` would.
'use strict';
const { appendFileSync } = require('node:fs');
const { join } = require('node:path');

const extra = process.env.PEER_SUT_PROPERTIES ?? '';
const at = process.argv.indexOf('--config');
if (extra.trim() !== '') {
  if (at < 0 || !process.argv[at + 1]) {
    process.stderr.write('sut-main: PEER_SUT_PROPERTIES needs a --config file to add to\n');
    process.exit(2);
  }
  appendFileSync(process.argv[at + 1], `\n# added by bench/peer/sut-main.cjs\n${extra.trim()}\n`);
}
require(join(__dirname, '..', '..', 'dist', 'apps', 'lambda-sink', 'src', 'main.js'));
