import { ChoiceGroup } from "@/components/ui/choice-group";
import { SelectField, TextField } from "@/components/ui/field";
import { PARTITION_LABELS, PARTITIONS, REGIONS, type Partition } from "@/lib/aws/partitions";
import { errorFor, type SectionProps } from "./section-props";

export function GeneralSection({ form, errors }: SectionProps) {
  const { register, watch } = form;
  const partition = watch("partition") as Partition;
  return (
    <div className="space-y-4">
      <TextField label="Name" {...register("name")} error={errorFor(errors, "name")} />
      <SelectField label="Partition" {...register("partition")} error={errorFor(errors, "partition")}>
        {PARTITIONS.map((value) => (
          <option key={value} value={value}>
            {PARTITION_LABELS[value]}
          </option>
        ))}
      </SelectField>
      <ChoiceGroup
        legend="Adapter"
        {...register("adapter")}
        error={errorFor(errors, "adapter")}
        choices={[
          { value: "direct", label: "Direct", description: "Call EC2 and RDS in each account and region." },
          {
            value: "config-aggregator",
            label: "AWS Config aggregator",
            description: "One advanced query in the aggregator account; reserved instances still come from EC2.",
          },
        ]}
      />
      {watch("adapter") === "config-aggregator" && (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="Aggregator name"
            {...register("aggregatorName")}
            error={errorFor(errors, "aggregatorName")}
          />
          <SelectField
            label="Aggregator region"
            {...register("aggregatorRegion")}
            error={errorFor(errors, "aggregatorRegion")}
          >
            <option value="">Choose…</option>
            {REGIONS[partition].map((region) => (
              <option key={region} value={region}>
                {region}
              </option>
            ))}
          </SelectField>
        </div>
      )}
    </div>
  );
}
