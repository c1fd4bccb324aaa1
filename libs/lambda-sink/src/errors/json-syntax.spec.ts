import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeJsonSyntaxError } from './json-syntax';

function describeParse(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return describeJsonSyntaxError(error, text);
  }
  throw new Error('parsed');
}

describe('describeJsonSyntaxError', () => {
  const cases: [string, string][] = [
    ['ssn=123-45-6789', 'unexpected token at line 1, column 1'],
    ['undefined', 'unexpected token at line 1, column 1'],
    ['[1, x]', 'unexpected token at line 1, column 5'],
    ['{"a": tru}', 'unexpected token at line 1, column 10'],
    [`[${'1,'.repeat(40)} secret]`, 'unexpected token at line 1, column 83'],
    ['{\n  "a": 1,\n  "b": oops\n}', 'unexpected token at line 3, column 8'],
    ['{"a":1,}', 'Expected double-quoted property name at line 1, column 8'],
    ['{"a":1} ssn=1234', 'Unexpected non-whitespace character after JSON at line 1, column 9'],
    ['{"ssn": "123', 'Unterminated string at line 1, column 13'],
    ['{"ssn": 123-45}', "Expected ',' or '}' after property value at line 1, column 12"],
    ['{"ssn": ', 'Unexpected end of JSON input at line 1, column 9'],
    ['{"a": "\\q"}', 'Bad escaped character at line 1, column 9'],
  ];
  for (const [text, expected] of cases) {
    it(`names the problem and its place in ${JSON.stringify(text)}`, () => {
      assert.equal(describeParse(text), expected);
    });
  }

  it('never quotes the text, whatever the message says', () => {
    const error = new SyntaxError('Something new, "ssn=123-45"... is odd');
    assert.equal(describeJsonSyntaxError(error, 'ssn=123-45-6789'), 'Something new');
  });
});
