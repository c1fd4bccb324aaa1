import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigValidationError } from './config-validation-error';
import { optionsFromConnectProperties } from './connect-options';
import { minimalProperties } from './test-properties';

const T = 'org.apache.kafka.connect.transforms.';

function problemsOf(extra: Record<string, string>): string[] {
  try {
    optionsFromConnectProperties(minimalProperties(extra));
  } catch (error) {
    assert.ok(error instanceof ConfigValidationError, String(error));
    return error.problems.map(
      (p) => `${p.property}${p.value ? ` = ${p.value}` : ''}: ${p.message}`,
    );
  }
  return [];
}

describe('transforms and predicates', () => {
  it('reads them in order with their settings, predicate and negate', () => {
    const options = optionsFromConnectProperties(
      minimalProperties({
        transforms: 'mask, drop',
        'transforms.mask.type': `${T}MaskField$Value`,
        'transforms.mask.fields': 'card',
        'transforms.drop.type': `${T}Filter`,
        'transforms.drop.predicate': 'isTombstone',
        'transforms.drop.negate': 'false',
        predicates: 'isTombstone',
        'predicates.isTombstone.type': `${T}predicates.RecordIsTombstone`,
      }),
    );
    assert.deepEqual(options.transforms, [
      {
        alias: 'mask',
        type: `${T}MaskField$Value`,
        config: { fields: 'card' },
        predicate: undefined,
        negate: false,
      },
      {
        alias: 'drop',
        type: `${T}Filter`,
        config: {},
        predicate: { alias: 'isTombstone', type: `${T}predicates.RecordIsTombstone`, config: {} },
        negate: false,
      },
    ]);
    assert.deepEqual(options.warnings, []);
  });

  it('stops startup on an unsupported class, naming the supported ones', () => {
    const [problem, ...rest] = problemsOf({
      transforms: 'route',
      'transforms.route.type': 'org.apache.kafka.connect.transforms.RegexRouter',
    });
    assert.equal(rest.length, 0);
    assert.match(
      problem,
      /^transforms.route.type = "org.apache.kafka.connect.transforms.RegexRouter": not supported: this transform \(supported: .*InsertField\$Key.*Filter\)$/,
    );
  });

  it('reports every transform mistake at once', () => {
    assert.deepEqual(
      problemsOf({
        transforms: 'a,b,c,d',
        'transforms.b.type': `${T}Cast$Value`,
        'transforms.c.type': `${T}TimestampConverter$Value`,
        'transforms.c.target.type': 'string',
        'transforms.d.type': `${T}Filter`,
        'transforms.d.predicate': 'nope',
        'transforms.d.negate': 'maybe',
      }),
      [
        'transforms.a.type: is required',
        'transforms.b.spec: is required',
        'transforms.c.format: is required when target.type is string',
        'transforms.d.negate = "maybe": must be true or false',
        'transforms.d.predicate = "nope": names a predicate that predicates does not list',
      ],
    );
  });

  it('says settings of an alias the list leaves out do nothing', () => {
    const options = optionsFromConnectProperties(
      minimalProperties({ 'transforms.old.type': `${T}Filter` }),
    );
    assert.deepEqual(options.warnings, [
      'transform settings under transforms.old.* are ignored: transforms does not list old',
    ]);
  });
});
