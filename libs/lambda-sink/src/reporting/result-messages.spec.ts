import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { convertedRecord } from './converted-record.fixture';
import { messageChunks } from './reporter-chunks';
import { resultMessages } from './result-messages';

describe("resultMessages with the reporter's chunks", () => {
  it('builds a large whole-response result per record only as each request is sent', () => {
    // A 2 MB answer that is not a per-record list: every record's result is all of it.
    const response = JSON.stringify({ report: 'x'.repeat(2_000_000) });
    const batch = Array.from({ length: 100 }, (_, offset) => convertedRecord(offset));
    let built = 0;
    const counted = (function* () {
      for (const message of resultMessages(batch, response)) {
        built++;
        yield message;
      }
    })();
    const chunks = messageChunks(counted);
    const first = chunks.next();
    assert.equal(first.done, false);
    assert.equal(first.value?.length, 1, 'a 2 MB record is a request of its own');
    assert.ok(built <= 2, `only the first request's records were built (built ${built})`);
    let sent = 1;
    for (const chunk of chunks) sent += chunk.length;
    assert.equal(sent, 100, 'and in the end every record has its result');
    assert.equal(built, 100);
  });
});
