import type { InputHTMLAttributes, ReactNode } from "react";

export type Choice = { value: string; label: string; description?: ReactNode };

type Props = { legend: string; choices: Choice[]; error?: string } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  "type" | "value"
>;

// A radio group in a fieldset; each choice can explain itself in a line below its label.
export function ChoiceGroup({ legend, choices, error, ...input }: Props) {
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      {choices.map((choice) => (
        <label key={choice.value} className="flex cursor-pointer items-start gap-2 text-sm">
          <input type="radio" value={choice.value} className="mt-1" {...input} />
          <span>
            <span className="font-medium text-slate-800">{choice.label}</span>
            {choice.description && <span className="block text-xs text-slate-500">{choice.description}</span>}
          </span>
        </label>
      ))}
      {error && (
        <p className="text-xs text-red-600" data-field-error>
          {error}
        </p>
      )}
    </fieldset>
  );
}
