"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState, useTransition } from "react";
import { useForm, useWatch } from "react-hook-form";
import { createConnectionAction, updateConnectionAction } from "@/app/(dashboard)/connections/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/lib/cn";
import type { FieldErrors } from "@/lib/errors";
import { ConnectionTestPanel, type FinishedTest } from "./connection-test-panel";
import { AccountsSection } from "./form/accounts-section";
import { AdvancedSection } from "./form/advanced-section";
import { CredentialsSection, type StoredSecretFlags } from "./form/credentials-section";
import { initialFormValues, toSubmission, type InitialConnection } from "./form/form-values";
import { GeneralSection } from "./form/general-section";
import { RegionsSection } from "./form/regions-section";
import { RolesSection } from "./form/roles-section";
import { WizardPolicies } from "./wizard-policies";

const STEPS = [
  { key: "general", title: "Basics", fields: ["name", "partition", "adapter", "aggregator"] },
  {
    key: "credentials",
    title: "Credentials",
    fields: ["credentialSource", "accessKeyId", "secretAccessKey", "sessionToken", "mfa", "ambient"],
  },
  { key: "roles", title: "Roles", fields: ["roleChain", "externalId", "roleSessionName"] },
  {
    key: "accounts",
    title: "Accounts",
    fields: ["accountMode", "roleArns", "organizationalUnitIds", "memberRoleName", "excludeAccountIds"],
  },
  { key: "regions", title: "Regions", fields: ["regionMode", "regions"] },
  {
    key: "advanced",
    title: "Proxy & schedule",
    fields: ["proxy", "endpointUrl", "concurrency", "collectSoftware", "schedule"],
  },
] as const;

// Field errors are keyed by path ("roleArns.2", "mfaSerial"); a step owns the paths starting
// with one of its field prefixes.
function stepOwns(fields: readonly string[], path: string): boolean {
  return fields.some((field) => path.startsWith(field));
}

type Props = {
  mode: "create" | "edit";
  connectionId?: string;
  initial?: InitialConnection;
  secrets?: StoredSecretFlags;
  generatedExternalId: string;
};

// The create/edit wizard. Every step stays mounted (only hidden), so values survive moving
// between steps; the server validates everything again on save and on test.
export function ConnectionForm({ mode, connectionId, initial, secrets, generatedExternalId }: Props) {
  const router = useRouter();
  const form = useForm({ defaultValues: initialFormValues(initial, generatedExternalId) });
  const [step, setStep] = useState(0);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string>();
  const [pending, startTransition] = useTransition();
  const [lastTest, setLastTest] = useState<FinishedTest>();
  const [mfaSerial, credentialSource] = useWatch({ control: form.control, name: ["mfaSerial", "credentialSource"] });

  const showErrors = useCallback((fieldErrors: FieldErrors) => {
    setErrors(fieldErrors);
    const first = STEPS.findIndex((candidate) =>
      Object.keys(fieldErrors).some((path) => stepOwns(candidate.fields, path)),
    );
    if (first >= 0) setStep(first);
  }, []);

  // An edited field's server errors are out of date: drop them, and its step's mark with them.
  useEffect(() => {
    return form.subscribe({
      formState: { values: true },
      callback: ({ name }) => {
        if (!name) return;
        const field = name.split(".")[0];
        setErrors((current) => {
          const kept = Object.entries(current).filter(([path]) => path !== field && !path.startsWith(`${field}.`));
          return kept.length === Object.keys(current).length ? current : Object.fromEntries(kept);
        });
      },
    });
  }, [form]);

  const save = form.handleSubmit((values) => {
    startTransition(async () => {
      const submission = toSubmission(values);
      const result =
        mode === "create"
          ? await createConnectionAction(submission)
          : await updateConnectionAction(connectionId!, submission);
      if (!result.data) {
        setMessage(result.error);
        return showErrors(result.fieldErrors ?? {});
      }
      router.push(`/connections/${result.data.id}`);
      router.refresh();
    });
  });

  const sectionProps = { form, errors };
  const errorCounts = STEPS.map(
    (candidate) => Object.keys(errors).filter((path) => stepOwns(candidate.fields, path)).length,
  );
  return (
    <form onSubmit={save} noValidate className="grid gap-6 lg:grid-cols-[12rem_1fr]" aria-label="Connection">
      <nav aria-label="Steps" className="space-y-1">
        {STEPS.map((candidate, index) => (
          <button
            key={candidate.key}
            type="button"
            onClick={() => setStep(index)}
            aria-current={step === index ? "step" : undefined}
            className={cn(
              "block w-full rounded-md px-3 py-1.5 text-left text-sm",
              step === index ? "bg-brand-50 font-medium text-brand-700" : "text-slate-600 hover:bg-slate-100",
              errorCounts[index] > 0 && "ring-1 ring-inset ring-red-300",
            )}
          >
            {index + 1}. {candidate.title}
            {errorCounts[index] > 0 && (
              <span
                className="ml-1.5 inline-flex items-center gap-1 text-xs font-medium text-red-700"
                data-testid={`step-errors-${candidate.key}`}
              >
                <span aria-hidden="true" className="inline-block h-2 w-2 rounded-full bg-red-600" />
                {errorCounts[index]} {errorCounts[index] === 1 ? "error" : "errors"}
              </span>
            )}
          </button>
        ))}
      </nav>
      <div className="space-y-4">
        {message && <Alert tone="error">{message}</Alert>}
        <Card className="p-5">
          <div hidden={step !== 0}>
            <GeneralSection {...sectionProps} />
          </div>
          <div hidden={step !== 1}>
            <CredentialsSection {...sectionProps} secrets={secrets} />
          </div>
          <div hidden={step !== 2}>
            <RolesSection {...sectionProps} />
          </div>
          <div hidden={step !== 3}>
            <AccountsSection {...sectionProps} />
          </div>
          <div hidden={step !== 4}>
            <RegionsSection {...sectionProps} />
          </div>
          <div hidden={step !== 5}>
            <AdvancedSection {...sectionProps} secrets={secrets} />
          </div>
        </Card>
        <div className="flex justify-between">
          <Button variant="ghost" onClick={() => setStep(Math.max(0, step - 1))} disabled={step === 0}>
            Back
          </Button>
          <div className="flex gap-2">
            {step < STEPS.length - 1 && (
              <Button variant="secondary" onClick={() => setStep(step + 1)}>
                Next
              </Button>
            )}
            <Button type="submit" disabled={pending}>
              {pending ? "Saving…" : mode === "create" ? "Save connection" : "Save changes"}
            </Button>
          </div>
        </div>
        <Card className="p-5">
          <h2 className="mb-3 text-sm font-semibold">Test before saving</h2>
          <ConnectionTestPanel
            request={() => ({ connectionId, input: toSubmission(form.getValues()) })}
            needsMfa={Boolean(mfaSerial) && credentialSource === "access-key"}
            onFieldErrors={showErrors}
            onFinished={setLastTest}
          />
        </Card>
        {step >= STEPS.findIndex((candidate) => candidate.key === "accounts") && (
          <Card className="p-5">
            <WizardPolicies form={form} lastTest={lastTest} connectionId={connectionId} />
          </Card>
        )}
      </div>
    </form>
  );
}
