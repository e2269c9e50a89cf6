"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { useWatch, type UseFormReturn } from "react-hook-form";
import { draftPoliciesAction, type DraftPolicies } from "@/app/(dashboard)/connections/policy-actions";
import { Alert } from "@/components/ui/alert";
import type { ActionResult } from "@/lib/actions";
import { findingsStillValid, type TestedFields } from "@/lib/connections/policies/test-findings";
import type { FinishedTest } from "./connection-test-panel";
import { toSubmission, type ConnectionFormValues } from "./form/form-values";
import { PoliciesPanel } from "./policies-panel";

// The field's own error sits beside it; here it is only named, by the label the form shows.
const FIELD_LABELS: Record<string, string> = {
  partition: "Partition",
  adapter: "Adapter",
  aggregatorName: "Aggregator",
  aggregatorRegion: "Aggregator region",
  mfaSerial: "MFA device",
  roleChain: "Role chain",
  externalId: "External ID",
  roleSessionName: "Role session name",
  accountMode: "Accounts",
  roleArns: "Member role ARNs",
  organizationalUnitIds: "Organizational units",
  memberRoleName: "Member role name",
  excludeAccountIds: "Excluded account IDs",
};

function fieldLabel(path: string): string {
  const field = path.split(".")[0];
  return FIELD_LABELS[field] ?? field;
}

function findingsFor(test: FinishedTest | undefined, values: ConnectionFormValues) {
  const tested = test?.request.input as TestedFields | undefined;
  return test && tested ? findingsStillValid(test.events, tested, values) : {};
}

// The wizard's IAM policies, from the Accounts step on and before saving: regenerated as the
// form changes, and filled with the caller's real ARN once "Test connection" identified it.
// On edit, connectionId lets the saved connection's last test fill them before any new test.
export function WizardPolicies({
  form,
  lastTest,
  connectionId,
}: {
  form: UseFormReturn<ConnectionFormValues>;
  lastTest?: FinishedTest;
  connectionId?: string;
}) {
  const values = useWatch({ control: form.control }) as ConnectionFormValues;
  // Secrets never leave for this: the documents do not depend on them.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { secretAccessKey, sessionToken, proxyPassword, ...input } = toSubmission(values);
  const findings = findingsFor(lastTest, values);
  const body = JSON.stringify({ input, connectionId, ...findings });
  // Each answer keeps the request it answers, so the page never claims a principal the documents shown lack.
  const [answered, setAnswered] = useState<{ body: string; result: ActionResult<DraftPolicies> }>();
  const result = answered?.result;
  const current = answered?.body === body;
  const latest = useRef(0);

  useEffect(() => {
    const request = ++latest.current;
    // Typing settles before the server is asked; only the newest answer is shown.
    const timer = setTimeout(async () => {
      const answer = await draftPoliciesAction(JSON.parse(body)).catch(
        () => ({ error: "The policies could not be generated." }) as const,
      );
      if (request === latest.current) setAnswered({ body, result: answer });
    }, 300);
    return () => clearTimeout(timer);
  }, [body]);

  const fields = useMemo(() => [...new Set(Object.keys(result?.fieldErrors ?? {}).map(fieldLabel))], [result]);
  return (
    <section className="space-y-3" aria-label="IAM policies" aria-busy={!current} data-testid="wizard-policies">
      <h2 className="text-sm font-semibold">IAM policies for these options</h2>
      {current && result?.data?.principalArn && (
        <p className="text-xs text-slate-600" data-testid="policies-principal">
          Filled in for <span className="break-all font-mono">{result.data.principalArn}</span>, the caller the test
          identified, with this connection&apos;s external ID.
        </p>
      )}
      {result?.error && (
        <Alert tone="error">
          {fields.length ? `The policies follow once these fields are valid: ${fields.join(", ")}.` : result.error}
        </Alert>
      )}
      {result?.data && (
        <PoliciesPanel policies={result.data} notes={result.data.notes} connectionName={values.name ?? ""} />
      )}
    </section>
  );
}
