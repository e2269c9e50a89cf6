import { ChoiceGroup } from "@/components/ui/choice-group";
import { TextAreaField, TextField } from "@/components/ui/field";
import { errorFor, errorLinesFor, type SectionProps } from "./section-props";

export function AccountsSection({ form, errors }: SectionProps) {
  const { register, watch } = form;
  const mode = watch("accountMode");
  return (
    <div className="space-y-4">
      <p className="text-xs text-slate-500">
        The IAM policies these choices need (the caller&apos;s policy, the member role&apos;s permissions and trust
        policy, a CloudFormation StackSet template) are under &ldquo;IAM policies for these options&rdquo; below, ready
        to download before saving; &ldquo;Test connection&rdquo; fills in the caller&apos;s real ARN.
      </p>
      <ChoiceGroup
        legend="Accounts"
        {...register("accountMode")}
        error={errorFor(errors, "accountMode")}
        choices={[
          {
            value: "self",
            label: "This account only",
            description: "The account of the credentials (after the role chain).",
          },
          {
            value: "role-arns",
            label: "A list of member roles",
            description: "Exact role ARNs, one per line; no wildcards.",
          },
          {
            value: "iam-policies",
            label: "Discover from the IAM user's policies",
            description: "Role ARNs that the user's and its groups' attached policies allow to assume.",
          },
          {
            value: "organizations",
            label: "Discover from AWS Organizations",
            description: "All accounts, or the accounts under chosen OUs.",
          },
        ]}
      />
      {mode === "role-arns" && (
        <TextAreaField
          label="Member role ARNs"
          rows={5}
          placeholder="arn:aws:iam::123456789012:role/CirrusInventoryRole"
          {...register("roleArns")}
          error={errorLinesFor(errors, "roleArns")}
        />
      )}
      {mode === "organizations" && (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="Member role name"
            placeholder="CirrusInventoryRole"
            {...register("memberRoleName")}
            error={errorFor(errors, "memberRoleName")}
          />
          <TextAreaField
            label="Organizational units (optional)"
            placeholder="ou-ab12-cdef3456"
            hint="Empty: every account in the organization."
            {...register("organizationalUnitIds")}
            error={errorFor(errors, "organizationalUnitIds")}
          />
          <TextAreaField
            label="Excluded account IDs (optional)"
            {...register("excludeAccountIds")}
            error={errorFor(errors, "excludeAccountIds")}
          />
        </div>
      )}
    </div>
  );
}
