import { TextField } from "@/components/ui/field";
import { scheduleError, upcomingRuns } from "@/lib/connections/schedule";
import type { StoredSecretFlags } from "./credentials-section";
import { errorFor, type SectionProps } from "./section-props";

// Stored secrets only go where they were saved for: changing the proxy or the endpoint means
// typing them again (the server refuses otherwise); say so before the admin finds out.
const REENTER = "Changing it asks for the stored secrets again.";

export function AdvancedSection({ form, errors, secrets }: SectionProps & { secrets?: StoredSecretFlags }) {
  const { register, watch } = form;
  const stored = !!secrets && (secrets.secretAccessKey || secrets.sessionToken || secrets.proxyPassword);
  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          label="Proxy (optional)"
          placeholder="http://proxy.example.com:3128 or 10.0.0.5:8080"
          hint={`Scheme defaults to http, port to 80/443.${stored ? ` ${REENTER}` : ""}`}
          {...register("proxyUrl")}
          error={errorFor(errors, "proxyUrl")}
        />
        <TextField
          label="Proxy username"
          autoComplete="off"
          {...register("proxyUsername")}
          error={errorFor(errors, "proxyUsername")}
        />
        <div className="space-y-1">
          <TextField
            label="Proxy password"
            type="password"
            autoComplete="new-password"
            placeholder={secrets?.proxyPassword ? "configured" : ""}
            {...register("proxyPassword")}
            error={errorFor(errors, "proxyPassword")}
          />
          {secrets?.proxyPassword && (
            <label className="flex items-center gap-2 text-xs text-slate-600">
              <input type="checkbox" {...register("clearProxyPassword")} /> Remove the stored password
            </label>
          )}
        </div>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Custom endpoint URL (optional)"
          placeholder="https://vpce-… or http://127.0.0.1:4566"
          hint={`Sends every AWS call here: VPC endpoints, or the local simulator.${stored ? ` ${REENTER}` : ""}`}
          {...register("endpointUrl")}
          error={errorFor(errors, "endpointUrl")}
        />
        <TextField
          label="Concurrency limit"
          type="number"
          min={1}
          max={64}
          {...register("concurrency")}
          error={errorFor(errors, "concurrency")}
        />
      </div>
      <label className="flex items-start gap-2 text-sm text-slate-700">
        <input type="checkbox" className="mt-1" {...register("collectSoftware")} />
        <span>
          <span className="font-medium">Collect installed software (SSM Inventory)</span>
          <span className="block text-xs text-slate-600">
            Managed nodes and their applications, for licence positions. Needs ssm:DescribeInstanceInformation and
            ssm:GetInventory; off, no SSM call is made.
          </span>
        </span>
      </label>
      <div className="space-y-2">
        <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
          <input type="checkbox" {...register("scheduleOn")} /> Collect on a schedule
        </label>
        {watch("scheduleOn") && <ScheduleField form={form} errors={errors} />}
      </div>
    </div>
  );
}

const RUN_TIME = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  weekday: "short",
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
});

// Checked as it is typed, in the server's words, with the next three run times as proof of
// what the expression means. The server's message wins once it has answered.
function ScheduleField({ form, errors }: SectionProps) {
  const schedule = form.watch("schedule") ?? "";
  const problem = errorFor(errors, "schedule") ?? (schedule.trim() ? scheduleError(schedule) : null) ?? undefined;
  const runs = problem ? [] : upcomingRuns(schedule);
  return (
    <TextField
      label="Schedule (cron, UTC)"
      hint={
        <>
          Minute, hour, day of month, month, day of week; default */30 * * * * (every 30 minutes). Scheduled runs start
          once Test connection has passed for these settings.
          {runs.length > 0 && (
            <span className="mt-1 block" data-testid="schedule-preview" suppressHydrationWarning>
              Next runs: {runs.map((run) => RUN_TIME.format(run)).join("; ")} UTC
            </span>
          )}
        </>
      }
      {...form.register("schedule")}
      error={problem}
    />
  );
}
