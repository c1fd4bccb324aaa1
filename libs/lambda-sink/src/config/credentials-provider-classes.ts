/**
 * The AWS credentials providers a Connect user names in `aws.credentials.provider.class`
 * (AWS SDK for Java v1 and v2 class names), and the `@aws-sdk/credential-providers` factory that
 * does the same job in Node. Keyed by simple class name: the package differs between SDK versions.
 */
export const CREDENTIALS_PROVIDER_FACTORIES = {
  DefaultAWSCredentialsProviderChain: 'fromNodeProviderChain',
  DefaultCredentialsProvider: 'fromNodeProviderChain',
  ProfileCredentialsProvider: 'fromIni',
  EnvironmentVariableCredentialsProvider: 'fromEnv',
  ContainerCredentialsProvider: 'fromContainerMetadata',
  EC2ContainerCredentialsProviderWrapper: 'fromContainerMetadata',
  InstanceProfileCredentialsProvider: 'fromInstanceMetadata',
  WebIdentityTokenCredentialsProvider: 'fromTokenFile',
  WebIdentityTokenFileCredentialsProvider: 'fromTokenFile',
  // The open-source kafka-connect-lambda's class: the default chain, then the role of
  // aws.credentials.provider.role.arn assumed with it.
  AWSAssumeRoleCredentialsProvider: 'fromNodeProviderChain',
} as const;

export type CredentialsProviderFactory =
  (typeof CREDENTIALS_PROVIDER_FACTORIES)[keyof typeof CREDENTIALS_PROVIDER_FACTORIES];

// `com.amazonaws.auth.Foo`, `software.amazon.awssdk.auth.credentials.Foo` or a bare `Foo`.
const JAVA_CLASS_NAME = /^([a-z_$][\w$]*\.)*[A-Z][\w$]*$/;

/** The factory for a Java provider class name; undefined when the value is not a known Java class. */
export function credentialsProviderFactoryOf(
  value: string,
): CredentialsProviderFactory | undefined {
  const simpleName = value.slice(value.lastIndexOf('.') + 1);
  return Object.hasOwn(CREDENTIALS_PROVIDER_FACTORIES, simpleName)
    ? CREDENTIALS_PROVIDER_FACTORIES[simpleName as keyof typeof CREDENTIALS_PROVIDER_FACTORIES]
    : undefined;
}

/**
 * Whether the value reads as a Java class name. Such a value must be one of the known providers;
 * anything else (`./my-provider.js`, `@corp/aws-creds`) is a module path for the invoker to load.
 */
export function looksLikeJavaClassName(value: string): boolean {
  return JAVA_CLASS_NAME.test(value);
}
