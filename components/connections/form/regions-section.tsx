import { ChoiceGroup } from "@/components/ui/choice-group";
import { REGIONS, type Partition } from "@/lib/aws/partitions";
import { errorFor, type SectionProps } from "./section-props";

export function RegionsSection({ form, errors }: SectionProps) {
  const { register, watch } = form;
  const partition = watch("partition") as Partition;
  const error = errorFor(errors, "regions");
  return (
    <div className="space-y-4">
      <ChoiceGroup
        legend="Regions"
        {...register("regionMode")}
        choices={[
          {
            value: "all-enabled",
            label: "All regions enabled for each account",
            description:
              "Read from DescribeRegions per account; regions not opted in are skipped and recorded as such.",
          },
          { value: "list", label: "Chosen regions" },
        ]}
      />
      {watch("regionMode") === "list" && (
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-slate-700">Regions in {partition}</legend>
          <div className="grid grid-cols-2 gap-1 sm:grid-cols-4">
            {REGIONS[partition].map((region) => (
              <label key={region} className="flex items-center gap-2 font-mono text-xs">
                <input type="checkbox" value={region} {...register("regions")} /> {region}
              </label>
            ))}
          </div>
          {error && (
            <p className="mt-1 text-xs text-red-600" data-field-error>
              {error}
            </p>
          )}
        </fieldset>
      )}
    </div>
  );
}
