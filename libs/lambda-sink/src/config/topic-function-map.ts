import * as m from './config-messages';
import { configProblem, type ConfigProblem } from './config-validation-error';
import type { ConfigurationMode } from './lambda-sink-options';
import { isLambdaFunctionName, isTopicName, parseList } from './property-parsers';

/**
 * Several functions in one sink, as Confluent Cloud's LambdaSink connector configures them:
 *
 * - `aws.lambda.configuration.mode`: `single` (default, every topic invokes
 *   `aws.lambda.function.name`) or `multiple` (each topic invokes its own function).
 * - `aws.lambda.topic2function.map`: "Map of Kafka topics to Lambda functions. Format:
 *   comma-separated tuples, for example, <topic-1>;<function-1>,<topic-2>;<function-2>,...",
 *   each function optionally with `:version` or `:alias` (`topic0;function0:alias0`).
 *
 * Source: the connector's configuration definition on Confluent Cloud
 * (https://docs.confluent.io/cloud/current/connectors/cc-aws-lambda-sink.html, "Supports multiple
 * Lambda functions"; the property texts as the Confluent Cloud API describes the LambdaSink plugin).
 * Where Confluent documents nothing, the choices below are ours, each written down in
 * docs/CONFIGURATION.md:
 * - every topic of `topics` must have a function (an error naming the topics otherwise): a record
 *   with nowhere to go would stop its partition at runtime instead;
 * - an entry for a topic that `topics` does not list is a warning (it changes nothing);
 * - `topics.regex` is refused in multiple mode: a topic appearing later would have no function;
 * - the map in single mode is refused, not ignored: the records would silently go to
 *   `aws.lambda.function.name` instead of the function the map names;
 * - `aws.lambda.function.name` in multiple mode is a warning (it is not used).
 */
export const CONFIGURATION_MODES: readonly ConfigurationMode[] = ['single', 'multiple'];

export const MODE_PROPERTY = 'aws.lambda.configuration.mode';
export const MAP_PROPERTY = 'aws.lambda.topic2function.map';

type Values = Record<string, string | undefined>;

export interface ParsedTopicFunctionMap {
  /** Topic → function, in the order written. */
  functions: Map<string, string>;
  /** What is wrong with the text itself, one message per mistake. */
  problems: string[];
}

/**
 * `orders;process-orders,payments;process-payments:live` → orders → process-orders, … Items and
 * both halves are trimmed and empty items dropped, as Connect reads a LIST.
 */
export function parseTopicFunctionMap(text: string): ParsedTopicFunctionMap {
  const functions = new Map<string, string>();
  const problems: string[] = [];
  const entries = parseList(text);
  if (entries.length === 0) problems.push(m.topicFunctionMapFormat());
  for (const entry of entries) {
    const parts = entry.split(';').map((part) => part.trim());
    if (parts.length !== 2 || parts[0] === '' || parts[1] === '') {
      problems.push(`${m.topicFunctionEntryMalformed(entry)}; ${m.topicFunctionMapFormat()}`);
      continue;
    }
    const [topic, fn] = parts;
    if (!isTopicName(topic)) problems.push(m.topicFunctionEntryTopic(topic));
    if (!isLambdaFunctionName(fn)) problems.push(m.topicFunctionEntryFunction(fn));
    if (functions.has(topic)) problems.push(m.topicMappedTwice(topic));
    else functions.set(topic, fn);
  }
  return { functions, problems };
}

export function configurationModeOf(values: Values): ConfigurationMode {
  return values[MODE_PROPERTY]?.toLowerCase() === 'multiple' ? 'multiple' : 'single';
}

/**
 * The cross-property rules of the two settings (their own values are checked here too, since the
 * map's rules need `topics`, which class-validator's lambda group cannot see).
 */
export function topicFunctionMapProblems(
  values: Values,
  writtenAs: Record<string, string> = {},
): { problems: ConfigProblem[]; warnings: string[] } {
  const problems: ConfigProblem[] = [];
  const warnings: string[] = [];
  const problem = (name: string, message: string) =>
    problems.push(configProblem(writtenAs[name] ?? name, values[name], message, name));
  const mapText = values[MAP_PROPERTY];
  const mode = values[MODE_PROPERTY]?.toLowerCase();
  // An unknown mode is reported by the property's own rule; nothing here can be decided.
  if (mode !== undefined && !CONFIGURATION_MODES.some((known) => known === mode))
    return { problems, warnings };

  if (configurationModeOf(values) === 'single') {
    if (mapText !== undefined) problem(MAP_PROPERTY, m.mapNeedsMultipleMode());
    return { problems, warnings };
  }

  if (values['topics.regex'] !== undefined) problem('topics.regex', m.regexInMultipleMode());
  if (values['aws.lambda.function.name'] !== undefined)
    warnings.push(m.functionNameIgnoredInMultipleMode());
  if (mapText === undefined) {
    problem(MAP_PROPERTY, m.requiredInMultipleMode());
    return { problems, warnings };
  }
  const parsed = parseTopicFunctionMap(mapText);
  for (const message of parsed.problems) problem(MAP_PROPERTY, message);

  const topics = parseList(values.topics ?? '');
  const unmapped = topics.filter((topic) => !parsed.functions.has(topic));
  if (unmapped.length > 0) problem(MAP_PROPERTY, m.topicsWithoutFunction(unmapped));
  const unused = [...parsed.functions.keys()].filter((topic) => !topics.includes(topic));
  if (topics.length > 0 && unused.length > 0) warnings.push(m.mappedTopicsNotConsumed(unused));
  return { problems, warnings };
}

/** Topic → function of a configuration that passed validation; undefined in single mode. */
export function topicFunctionsOf(values: Values): Record<string, string> | undefined {
  const text = values[MAP_PROPERTY];
  if (configurationModeOf(values) === 'single' || text === undefined) return undefined;
  return Object.fromEntries(parseTopicFunctionMap(text).functions);
}
