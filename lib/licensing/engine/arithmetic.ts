// Small helpers so every rule words its sums the same way; rounding is always up and always said.

const number = (n: number) => String(Math.round(n * 100) / 100);

/** a / b rounded up, with its words: "7 / 2 = 3.5, rounded up = 4". */
export function divideUp(a: number, b: number): { value: number; text: string } {
  const value = Math.ceil(a / b);
  const exact = a / b === value;
  return { value, text: exact ? `${a} / ${b} = ${value}` : `${a} / ${b} = ${number(a / b)}, rounded up = ${value}` };
}

/** "1 processor licence", "4 processor licences". */
export function count(n: number, unit: string): string {
  return `${n} ${n === 1 ? unit.replace(/s$/, "") : unit}`;
}
