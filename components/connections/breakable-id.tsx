import { Fragment } from "react";

// ARNs, URLs and IDs have no spaces: offer line breaks after their separators (":", "/", ",")
// so a narrow column wraps "…:role/" + "CirrusInventoryRole" instead of mid-word.
export function BreakableId({ text }: { text: string }) {
  const pieces = text.split(/(?<=[:/,])/);
  return (
    <>
      {pieces.map((piece, index) => (
        <Fragment key={index}>
          {piece}
          {index < pieces.length - 1 && <wbr />}
        </Fragment>
      ))}
    </>
  );
}
