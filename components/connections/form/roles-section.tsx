import { useFieldArray } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { TextField } from "@/components/ui/field";
import { errorFor, type SectionProps } from "./section-props";
import { useState } from "react";

export function RolesSection({ form, errors }: SectionProps) {
  const { register, control, watch } = form;
  const chain = useFieldArray({ control, name: "roleChain" });
  const [ownExternalId, setOwnExternalId] = useState(false);
  const externalId = watch("externalId");
  return (
    <div className="space-y-5">
      <div className="space-y-2">
        <h3 className="text-sm font-medium text-slate-700">Role chain (optional)</h3>
        <p className="text-xs text-slate-500">
          Roles assumed one after another before reaching the accounts, e.g. a hub role in a security account.
        </p>
        {chain.fields.map((field, index) => (
          <div key={field.id} className="grid items-end gap-2 sm:grid-cols-[1fr_14rem_auto]">
            <TextField
              label={`Hop ${index + 1} role ARN`}
              {...register(`roleChain.${index}.roleArn`)}
              error={errorFor(errors, `roleChain.${index}.roleArn`)}
            />
            <TextField
              label="External ID for this hop"
              placeholder="connection's"
              {...register(`roleChain.${index}.externalId`)}
              error={errorFor(errors, `roleChain.${index}.externalId`)}
            />
            <Button variant="ghost" size="sm" onClick={() => chain.remove(index)}>
              Remove
            </Button>
          </div>
        ))}
        <Button variant="secondary" size="sm" onClick={() => chain.append({ roleArn: "", externalId: "" })}>
          Add a role to the chain
        </Button>
      </div>
      <div className="space-y-2">
        <div className="flex items-end gap-2">
          <div className="flex-1">
            <TextField
              label="External ID"
              readOnly={!ownExternalId}
              className={ownExternalId ? "" : "bg-slate-50 font-mono text-xs"}
              hint={
                ownExternalId
                  ? "The external ID your member roles already trust, exactly as in their trust policy."
                  : "Generated for this connection."
              }
              {...register("externalId")}
              error={errorFor(errors, "externalId")}
            />
          </div>
          <CopyButton value={externalId} />
        </div>
        <label className="flex items-center gap-2 text-xs text-slate-600">
          <input type="checkbox" checked={ownExternalId} onChange={(event) => setOwnExternalId(event.target.checked)} />
          Enter my own external ID (one your existing member roles already trust)
        </label>
        <ExternalIdExplained externalId={externalId} />
      </div>
      <TextField
        label="Role session name"
        {...register("roleSessionName")}
        error={errorFor(errors, "roleSessionName")}
      />
    </div>
  );
}

// Where the external ID goes, for an admin who has never set one up: member roles only let
// Cirrus in when its AssumeRole call carries the value their trust policy names.
function ExternalIdExplained({ externalId }: { externalId: string }) {
  return (
    <div
      className="space-y-1 rounded-md border border-slate-200 bg-slate-50 p-3 text-xs text-slate-600"
      data-testid="external-id-explained"
    >
      <p>
        <span className="font-medium text-slate-700">Where it goes:</span> each member role&apos;s trust policy checks
        it in its <code className="font-mono">sts:ExternalId</code> condition; Cirrus sends it with every AssumeRole
        call:
      </p>
      <pre className="whitespace-pre-wrap break-all rounded bg-white p-2 font-mono text-[11px] text-slate-800">
        {`"Condition": { "StringEquals": { "sts:ExternalId": ${JSON.stringify(externalId ?? "")} } }`}
      </pre>
      <p>
        New member roles: the trust policy and the CloudFormation StackSet template offered from the Accounts step
        already contain it. Roles that exist already trust their own external ID (often shared by every member role a
        StackSet deployed): tick the box above and enter that one instead; a mismatch makes AssumeRole fail with
        AccessDenied.
      </p>
    </div>
  );
}
