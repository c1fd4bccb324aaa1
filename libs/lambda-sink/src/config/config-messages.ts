import { quoteValue } from './shown-value';

/**
 * Every message the configuration code builds, in one place. Validation messages say what a
 * property must be; the property name and the (masked) value it got are added by
 * `ConfigValidationError`, so no function here ever receives a property value.
 */

// What a single property must look like.
export const isRequired = () => 'is required';
export const mustBeOneOf = (allowed: readonly string[]) => `must be one of ${allowed.join(', ')}`;
export const mustBeBoolean = () => 'must be true or false';
export const mustBeInteger = (min: number, max: number) =>
  max >= 2 ** 31 - 1 ? `must be an integer >= ${min}` : `must be an integer from ${min} to ${max}`;
export const mustBeReplicationFactor = () =>
  'must be an integer >= 1, or -1 for the broker default';
export const mustBeHostPortList = () =>
  'must be a comma-separated list of host:port (e.g. broker1:9092,broker2:9092)';
export const mustBeTopicList = () =>
  "must be a comma-separated list of topic names (letters, digits, '.', '_', '-')";
export const mustBeTopicName = () =>
  "must be a valid topic name (letters, digits, '.', '_', '-'; at most 249 characters)";
export const mustBeRegex = (reason: string) => `must be a valid regular expression (${reason})`;
export const mustBeFunctionName = () =>
  'must be a Lambda function name, a full or partial ARN, name:alias or name:version ' +
  '(e.g. my-function, my-function:prod, arn:aws:lambda:us-east-1:123456789012:function:my-function)';
export const mustBeRegion = () => 'must be an AWS region such as us-east-1';
export const mustBeHttpUrl = () => 'must be an http:// or https:// URL with a host';
export const mustBeHttpUrlList = () =>
  'must be a comma-separated list of http:// or https:// URLs (e.g. http://0.0.0.0:8083)';
export const mustBeReadableFile = (reason: string) => `must name a readable file (${reason})`;
export const mustBeConnectorClass = (accepted: readonly string[]) =>
  `must be ${accepted.join(' or ')} when set`;
export const mustBeConverterClass = (accepted: readonly string[]) =>
  `must be one of the supported converters: ${accepted.join(', ')}`;
export const mustBeCredentialsProvider = (accepted: readonly string[]) =>
  `must be one of ${accepted.join(', ')} (or the fully qualified Java name of one), ` +
  'or a path to a JavaScript module exporting a credentials provider';
export const mustBeFilterCriteria = (problems: readonly string[]) =>
  `must be AWS Lambda FilterCriteria: ${problems.join('; ')}`;
export const mustBeAtLeastProperty = (other: string) => `must be >= ${other}`;

// Cross-field rules.
export const topicsRequired = () => 'one of topics or topics.regex is required';
export const topicsExclusive = () => 'set either topics or topics.regex, not both';
export const requiredTogether = (other: string) => `must be set together with ${other}`;
export const requiredForSasl = (protocolProperty: string, protocol: string) =>
  `is required because ${protocolProperty} is ${protocol}`;
export const sslKeyNeedsCertificate = (other: string) =>
  `must be set together with ${other} (a client certificate needs both)`;
export const defaultTopicInvalid = (topic: string) =>
  `defaults to ${quoteValue(topic)} (from name), which is not a valid topic name; set it explicitly ` +
  'or use a name of letters, digits, ".", "_", "-"';
export const jaasModuleMismatch = (module: string, mechanismProperty: string, mechanism: string) =>
  `uses ${module}, which does not match ${mechanismProperty}=${mechanism}`;

// sasl.jaas.config: these never include the string itself, which holds a password.
export const jaasUnparseable = (reason: string) =>
  `cannot be parsed (${reason}); it should read like ` +
  '`org.apache.kafka.common.security.plain.PlainLoginModule required username="…" password="…";`';
export const jaasUnsupportedModule = (module: string | undefined, supported: readonly string[]) =>
  `uses ${module ? `login module ${module}` : 'a login module'} that is not supported; ` +
  `use ${supported.join(' or ')}`;
export const jaasMissingCredentials = () => 'must set both username and password';

// Loading the sources.
export const configFileUnreadable = (reason: string) => `cannot be read (${reason})`;
export const configFileInvalidJson = (reason: string) => `is not valid JSON (${reason})`;
export const configFileNotObject = () =>
  'must hold a JSON object: {"name": …, "config": {…}} or a flat object of properties';
export const jsonValueNotScalar = () => 'must be a string, number or boolean';
// The parser's own message quotes the characters after `\u`, which may belong to a password.
export const malformedUnicodeEscape = (line: number, file: string) =>
  `has a malformed \\u escape on line ${line} of ${file} (\\u must be followed by 4 hex digits)`;
export const unparseable = () => 'cannot be parsed as a .properties file';
export const restNameMismatch = (outer: string) =>
  `does not match the connector name ${quoteValue(outer)} given outside "config"`;

// The error as a whole.
export const configInvalid = (lines: readonly string[]) =>
  `Invalid Lambda Sink configuration (${lines.length} problem${lines.length === 1 ? '' : 's'}):\n` +
  lines.map((line) => `  - ${line}`).join('\n');

// Startup warnings (never carry a value, only property names and settings).
export const unknownProperty = (name: string) =>
  `unknown property ${name} is ignored (check the spelling)`;
export const resultTopicIgnoredInAsync = (topic: string) =>
  `reporter.result.topic.name ("${topic}") is ignored: aws.lambda.invocation.type=async ` +
  'returns no result to report';
export const esmSendsRawBytes = (properties: readonly string[]) =>
  `aws.lambda.payload.format is esm: Lambda gets each record's key, value and headers as consumed; ` +
  `${properties.join(', ')} do not change them (converters still read each record, for the ` +
  `result topic and errors.tolerance; transforms still drop records)`;
export const settingIgnored = (properties: readonly string[], reason: string) =>
  `${properties.join(', ')} ${properties.length === 1 ? 'is' : 'are'} ignored: ${reason}`;
export const regionMismatch = (
  arnRegion: string,
  region: string,
  where = 'aws.lambda.function.name',
) =>
  `${where} is an ARN in ${arnRegion} but aws.lambda.region is ${region}; ` +
  'Lambda rejects cross-region ARNs';

// Several functions by topic (`aws.lambda.configuration.mode=multiple`). Topic and function
// names are not secrets, so these may name them.
export const topicFunctionMapFormat = () =>
  'must be a comma-separated list of <topic>;<function> (e.g. orders;process-orders,payments;process-payments)';
export const topicFunctionEntryMalformed = (entry: string) =>
  `entry ${quoteValue(entry)} is not <topic>;<function>`;
export const topicFunctionEntryTopic = (topic: string) =>
  `${quoteValue(topic)} is not a valid topic name (letters, digits, '.', '_', '-')`;
export const topicFunctionEntryFunction = (fn: string) =>
  `${quoteValue(fn)} is not a Lambda function name, full or partial ARN, name:alias or name:version`;
export const topicMappedTwice = (topic: string) =>
  `maps topic ${topic} more than once (one function per topic)`;
export const topicsWithoutFunction = (topics: readonly string[]) =>
  `has no function for ${topics.length === 1 ? 'topic' : 'topics'} ${topics.join(', ')} of topics ` +
  `(add ${topics.map((t) => `${t};<function>`).join(',')})`;
export const requiredInMultipleMode = () =>
  'is required because aws.lambda.configuration.mode is multiple';
export const mapNeedsMultipleMode = () =>
  'is only read when aws.lambda.configuration.mode is multiple (it is single); ' +
  'set aws.lambda.configuration.mode=multiple, or remove it to send every topic to aws.lambda.function.name';
export const regexInMultipleMode = () =>
  'cannot be used with aws.lambda.configuration.mode=multiple: list the topics in topics, ' +
  'each with its function in aws.lambda.topic2function.map';
export const mappedTopicsNotConsumed = (topics: readonly string[]) =>
  `aws.lambda.topic2function.map maps ${topics.join(', ')}, which topics does not list; ` +
  `${topics.length === 1 ? 'that entry is' : 'those entries are'} unused`;
export const functionNameIgnoredInMultipleMode = () =>
  'aws.lambda.function.name is ignored: aws.lambda.configuration.mode is multiple, ' +
  "so each topic's function comes from aws.lambda.topic2function.map";

// Programming errors (options that skipped validation).
export const saslIncomplete = (protocol: string) =>
  `security.protocol ${protocol} needs a SASL mechanism, username and password; ` +
  'build options with optionsFromConnectProperties() or optionsFromModuleOptions()';

// Schema Registry converters (`key.converter.*` / `value.converter.*`).
export const requiredForRegistryConverter = (converterProperty: string) =>
  `is required when ${converterProperty} reads from a Schema Registry`;
export const mustBeUserInfo = () => 'must be USERNAME:PASSWORD';
export const requiredForCredentialsSource = (sourceProperty: string, source: string) =>
  `is required when ${sourceProperty} is ${source}`;
export const basicAndBearerExclusive = (other: string) =>
  `cannot be set together with ${other}: a registry client uses one kind of authentication`;
export const notSupportedInstead = (what: string, supported: readonly string[], instead: string) =>
  `not supported: ${what} (supported: ${supported.join(', ')}); ${instead}`;
export const saslInheritNeedsJaas = () =>
  'SASL_INHERIT needs username and password in sasl.jaas.config';
export const converterSettingNotSupported = (instead: string) =>
  `not supported: this setting changes how records are read and is not implemented; ${instead}`;

// The Connect worker file (`--worker`).
export const workerSettingUnused = (names: readonly string[]) =>
  `worker ${names.length === 1 ? 'setting' : 'settings'} ${names.join(', ')} ` +
  `${names.length === 1 ? 'has' : 'have'} no effect here (Connect cluster internals)`;
export const converterSettingsShadowed = (names: readonly string[], converter: string) =>
  `${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} ignored: the connector file does not ` +
  `set ${converter}, so the worker's ${converter} and its settings apply, as in Connect`;
export const overridePolicyForbids = (policy: string) =>
  `is not allowed: the worker's connector.client.config.override.policy is ${policy}`;
export const convertersInForce = (key: string, keyFrom: string, value: string, valueFrom: string) =>
  `key converter ${key} (${keyFrom}); value converter ${value} (${valueFrom})`;

// Single Message Transforms (`transforms.*`, `predicates.*`).
export const notSupportedClass = (kind: string, supported: readonly string[]) =>
  `not supported: this ${kind} (supported: ${supported.join(', ')})`;
export const predicateNotListed = (list: string) => `names a predicate that ${list} does not list`;
export const aliasNotListed = (alias: string, list: string) =>
  `transform settings under ${list}.${alias}.* are ignored: ${list} does not list ${alias}`;

// Config providers (`config.providers`) and `${provider:path:key}` variables.
export const providerUnknown = (alias: string) =>
  `uses the config provider ${alias}, which config.providers does not list`;
export const providerReadFailed = (alias: string, reason: string) =>
  `cannot be resolved by config provider ${alias}: ${reason}`;
export const providerKeyMissing = (alias: string, key: string, path: string) =>
  `cannot be resolved by config provider ${alias}: ${path} has no ${key}`;
export const providerPathNotAllowed = (alias: string) =>
  `cannot be resolved by config provider ${alias}: the path is outside its allowed.paths`;
export const providerEnvNotAllowed = (alias: string) =>
  `cannot be resolved by config provider ${alias}: the variable does not match its allowlist.pattern`;
export const notSupportedBecause = (what: string, instead: string) =>
  `not supported: ${what}; ${instead}`;

export const mustNotBeEmpty = () => 'must not be empty';
export const requiredForHttpsListener = (alternative: string) =>
  `is required because the first listeners URL is https (or set ${alternative} to a PEM file holding key and certificate)`;
export const httpsKeystoreTypeUnsupported = (value: string) =>
  `must be PEM: ${JSON.stringify(value)} keystores cannot be read here; convert it, e.g. \`openssl pkcs12 -in keystore.p12 -nodes -out keystore.pem\``;

// Assume-role settings (`aws.credentials.provider.role.arn`, …).
export const mustBeRoleArn = () => 'must be an IAM role ARN (arn:aws:iam::123456789012:role/NAME)';
export const mustBeStsName = (min: number, max: number) =>
  `must be ${min} to ${max} characters of letters, digits and +=,.@- (as STS allows)`;
export const requiresRoleArn = () => 'needs aws.credentials.provider.role.arn';
export const requiredForAssumeRoleProvider = () =>
  'is required with aws.credentials.provider.class AWSAssumeRoleCredentialsProvider';
export const requiresProxyUrl = () => 'needs aws.lambda.proxy.url';
export const requiresSyncInvocation = () =>
  'needs aws.lambda.invocation.type=sync: an async invocation returns no response and no ' +
  'function error to act on';
export const mustBeRecordAge = () => 'must be -1 (no limit) or an integer >= 1 (ms)';
export const requiredForOauthBearer = (handler: string) =>
  `is required with sasl.mechanism OAUTHBEARER: ${handler} (MSK IAM) is the token source the sink has`;
export const mskIamNoRegion = () =>
  'MSK IAM needs a region: broker host names of MSK (…kafka.REGION.amazonaws.com) or AWS_REGION';

// Java keystores (ssl.truststore.* / ssl.keystore.*): Node's TLS reads PEM and PKCS12 only.
export const truststoreNotPem = (typeProperty: string, type: string) =>
  `is a ${type} truststore (${typeProperty}), which the Node.js client cannot read: export the ` +
  'CA certificate(s) to PEM (`keytool -exportcert -rfc -alias <alias> -keystore <file> -file ' +
  'ca.pem`) and set ssl.ca.location, or set ssl.truststore.type=PEM if the file already is PEM';
export const keystoreIsJks = (typeProperty: string) =>
  `is a JKS keystore (${typeProperty}), which the Node.js client cannot read: convert it with ` +
  '`keytool -importkeystore -srckeystore <file> -destkeystore client.p12 -deststoretype PKCS12` ' +
  'and set ssl.keystore.type=PKCS12, or export PEM files for ssl.certificate.location and ' +
  'ssl.key.location';
export const exclusiveWith = (other: string) => `set either this or ${other}, not both`;
export const keystoreUnreadable = (type: string) =>
  `ssl.keystore.type ${type} cannot be read by the Node.js client; use PKCS12 or PEM`;
