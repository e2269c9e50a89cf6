// IAM (awsQuery, global: any region in the credential scope).
import type { ServiceModule } from "../context";
import { getPolicy, getPolicyVersion } from "./policies";
import {
  getUser,
  getUserPolicy,
  listAccountAliases,
  listAttachedGroupPolicies,
  listAttachedUserPolicies,
  listGroupPolicies,
  listGroupsForUser,
  listUserPolicies,
} from "./users";

export const iam: ServiceModule = {
  actions: {
    GetUser: getUser,
    ListAccountAliases: listAccountAliases,
    ListAttachedUserPolicies: listAttachedUserPolicies,
    ListGroupsForUser: listGroupsForUser,
    ListAttachedGroupPolicies: listAttachedGroupPolicies,
    ListGroupPolicies: listGroupPolicies,
    ListUserPolicies: listUserPolicies,
    GetUserPolicy: getUserPolicy,
    GetPolicy: getPolicy,
    GetPolicyVersion: getPolicyVersion,
  },
};
