// The facts a line or a recognised product rests on (which SSM fact matched which rule), folded
// so a table stays readable and an auditor can open them in place.
export function EvidenceList({ evidence, className }: { evidence: readonly string[]; className: string }) {
  return (
    <details className={className}>
      <summary className="cursor-pointer text-brand-700">Evidence ({evidence.length})</summary>
      <ul className="mt-1 list-disc pl-4">
        {evidence.map((text, index) => (
          <li key={index} className="break-words">
            {text}
          </li>
        ))}
      </ul>
    </details>
  );
}
