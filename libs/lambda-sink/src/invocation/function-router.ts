import type { LambdaOptions } from '../config/lambda-sink-options';

/**
 * Which Lambda function a topic's records go to: `aws.lambda.function.name` for every topic in
 * single mode, the topic's entry of `aws.lambda.topic2function.map` in multiple mode. Everything
 * that used to read the one function name (invoker, startup validation, status, metrics, error
 * records, log fields) asks this instead.
 */
export class FunctionRouter {
  private constructor(
    private readonly single: string | undefined,
    private readonly byTopic: ReadonlyMap<string, string>,
  ) {}

  static fromOptions(
    lambda: Pick<LambdaOptions, 'configurationMode' | 'functionName' | 'topicFunctions'>,
  ): FunctionRouter {
    if (lambda.configurationMode === 'multiple')
      return new FunctionRouter(undefined, new Map(Object.entries(lambda.topicFunctions ?? {})));
    return new FunctionRouter(lambda.functionName, new Map());
  }

  /**
   * The function for a topic's records. Validation makes every consumed topic have one, so a
   * topic without one is a programming error (options built without validation), not a record's.
   */
  functionFor(topic: string): string {
    const name = this.functionOf(topic);
    if (name === undefined)
      throw new Error(
        `no Lambda function configured for topic ${topic} ` +
          '(options must come from optionsFromConnectProperties or optionsFromModuleOptions)',
      );
    return name;
  }

  /** The function for a topic's records, undefined for a topic the map does not name. */
  functionOf(topic: string): string | undefined {
    return this.single ?? this.byTopic.get(topic);
  }

  /** Every function this sink may invoke, each once, in the order configured. */
  get functions(): readonly string[] {
    return this.single !== undefined ? [this.single] : [...new Set(this.byTopic.values())];
  }

  /** For the startup line: `function f` or `functions orders→f1, payments→f2`. */
  describe(): string {
    if (this.single !== undefined) return `function ${this.single}`;
    const pairs = [...this.byTopic].map(([topic, fn]) => `${topic}→${fn}`);
    return `functions ${pairs.join(', ')}`;
  }
}
