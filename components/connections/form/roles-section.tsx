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
  return (
    <div className="space-y-5">
      <div className="space-y-2">
        <h3 className="text-sm font-medium text-slate-700">Role chain (optional)</h3>
        <p className="text-xs text-slate-500">Roles assumed one after another before reaching the accounts, e.g. a hub role in a security account.</p>
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
      <div className="space-y-1">
        <div className="flex items-end gap-2">
          <div className="flex-1">
            <TextField
              label="External ID"
              readOnly={!ownExternalId}
              className={ownExternalId ? "" : "bg-slate-50 font-mono text-xs"}
              {...register("externalId")}
              error={errorFor(errors, "externalId")}
            />
          </div>
          <CopyButton value={watch("externalId")} />
        </div>
        <label className="flex items-center gap-2 text-xs text-slate-600">
          <input type="checkbox" checked={ownExternalId} onChange={(event) => setOwnExternalId(event.target.checked)} />
          Enter my own external ID (by default Cirrus generates one; put it in the member roles&apos; trust policy)
        </label>
      </div>
      <TextField label="Role session name" {...register("roleSessionName")} error={errorFor(errors, "roleSessionName")} />
    </div>
  );
}
