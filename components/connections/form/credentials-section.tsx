import { ChoiceGroup } from "@/components/ui/choice-group";
import { SelectField, TextField } from "@/components/ui/field";
import { errorFor, type SectionProps } from "./section-props";

export type StoredSecretFlags = { secretAccessKey: boolean; sessionToken: boolean; proxyPassword: boolean };

const keepHint = "Configured. Leave blank to keep it.";

export function CredentialsSection({ form, errors, secrets }: SectionProps & { secrets?: StoredSecretFlags }) {
  const { register, watch } = form;
  return (
    <div className="space-y-4">
      <ChoiceGroup
        legend="Credential source"
        {...register("credentialSource")}
        error={errorFor(errors, "credentialSource")}
        choices={[
          {
            value: "access-key",
            label: "Access key",
            description: "An IAM user's key, optionally with a session token or MFA.",
          },
          {
            value: "ambient",
            label: "Ambient credentials",
            description: "Cirrus runs on AWS: instance profile, container role or environment. No secret is stored.",
          },
        ]}
      />
      {watch("credentialSource") === "access-key" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="Access key ID"
            autoComplete="off"
            hint={
              secrets?.secretAccessKey
                ? "Changing it, the partition, the endpoint or the proxy asks for the secret again."
                : undefined
            }
            {...register("accessKeyId")}
            error={errorFor(errors, "accessKeyId")}
          />
          <TextField
            label="Secret access key"
            type="password"
            autoComplete="new-password"
            placeholder={secrets?.secretAccessKey ? "configured" : ""}
            hint={secrets?.secretAccessKey ? keepHint : undefined}
            {...register("secretAccessKey")}
            error={errorFor(errors, "secretAccessKey")}
          />
          <div className="space-y-1">
            <TextField
              label="Session token (optional)"
              type="password"
              autoComplete="off"
              placeholder={secrets?.sessionToken ? "configured" : ""}
              hint={secrets?.sessionToken ? keepHint : "For temporary keys (ASIA…)."}
              {...register("sessionToken")}
              error={errorFor(errors, "sessionToken")}
            />
            {secrets?.sessionToken && (
              <label className="flex items-center gap-2 text-xs text-slate-600">
                <input type="checkbox" {...register("clearSessionToken")} /> Remove the stored session token
              </label>
            )}
          </div>
          <TextField
            label="MFA device (optional)"
            placeholder="arn:aws:iam::123456789012:mfa/name"
            hint="When set, a one-time code is asked when testing or running by hand; scheduled runs reuse the session."
            {...register("mfaSerial")}
            error={errorFor(errors, "mfaSerial")}
          />
          {watch("mfaSerial") && (
            <TextField
              label="MFA session length (hours)"
              type="number"
              min={1}
              max={36}
              {...register("mfaSessionHours")}
              error={errorFor(errors, "mfaSessionHours")}
            />
          )}
        </div>
      ) : (
        <SelectField
          label="Where the credentials come from"
          {...register("ambientProvider")}
          error={errorFor(errors, "ambientProvider")}
        >
          <option value="instance-profile">EC2 instance profile (IMDSv2)</option>
          <option value="container">Container role (ECS/EKS task role)</option>
          <option value="environment">Environment variables</option>
          <option value="default-chain">AWS SDK default chain</option>
        </SelectField>
      )}
    </div>
  );
}
