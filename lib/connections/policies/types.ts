export type PolicyCondition = Record<string, Record<string, string | string[]>>;

export type PolicyStatement = {
  Sid: string;
  Effect: "Allow";
  Principal?: { AWS: string | string[] };
  Action: string | string[];
  Resource?: string | string[];
  Condition?: PolicyCondition;
};

export type PolicyDocument = { Version: "2012-10-17"; Statement: PolicyStatement[] };

export type ChainRolePolicies = { roleArn: string; permissionPolicy: PolicyDocument; trustPolicy: PolicyDocument };

export type GeneratedPolicies = {
  /** Identity policy of the starting principal (IAM user, or the ambient role). */
  basePolicy: PolicyDocument;
  /** Permission policy of every member role (and of accounts read directly). */
  memberPolicy: PolicyDocument;
  /** Trust policy of every member role. */
  trustPolicy: PolicyDocument;
  /** YAML, ready for a StackSet: creates the member role in each target account. */
  cloudFormationTemplate: string;
  /** For a role chain: each hop's permission and trust policy, in order. */
  chainRoles: ChainRolePolicies[];
  /** Why some statements look the way they do (wildcards, placeholders). */
  notes: string[];
};

export type PolicyOptions = {
  /** The starting principal's ARN, e.g. the callerArn of the last test (assumed-role ARNs are converted). */
  principalArn?: string;
  /** For IAM-policy discovery: the member role ARNs found by the last test. */
  memberRoleArns?: string[];
};
