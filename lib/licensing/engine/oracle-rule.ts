import type { OracleEdition } from "../oracle";
import type { RuleParameters } from "../rule-parameters";
import { count, divideUp } from "./arithmetic";

// Oracle's authorised cloud environment policy (EC2 and RDS): Enterprise Edition counts vCPUs per
// processor licence by hyper-threading; the Standard Editions count every 4 vCPUs (rounded up) as a
// socket, each socket one processor licence, on instances up to an edition's vCPU cap.

type OracleParams = RuleParameters["oracle"];

export function oracleProcessors(vcpus: number, hyperThreading: boolean, p: OracleParams) {
  const perLicence = hyperThreading ? p.vcpusPerProcessorWithHyperThreading : p.vcpusPerProcessorWithoutHyperThreading;
  return divideUp(vcpus, perLicence);
}

export function oracleSockets(vcpus: number, p: OracleParams) {
  return divideUp(vcpus, p.standardEditionVcpusPerSocket);
}

export function oracleMaxVcpus(edition: OracleEdition, p: OracleParams): number {
  return edition === "EE" ? Infinity : p.standardEditionMaxVcpus[edition];
}

export type OracleFigure = { quantity: number; ruleId: string; arithmetic: string; flags: string[] };

/** Processor licences for one instance, with the sentence: "Oracle EE on EC2, 8 vCPUs, hyper-threading on: 8 / 2 = 4 processor licences". */
export function oracleFigure(
  where: "EC2" | "RDS",
  edition: OracleEdition,
  vcpus: number,
  hyperThreading: boolean,
  hyperThreadingSource: string,
  p: OracleParams,
): OracleFigure {
  if (edition === "EE") {
    const { value, text } = oracleProcessors(vcpus, hyperThreading, p);
    const ht = `hyper-threading ${hyperThreading ? "on" : "off"}${hyperThreadingSource === "assumed off" ? " (not known: assumed off)" : ""}`;
    return {
      quantity: value,
      ruleId: "oracle-ee-vcpus",
      arithmetic: `Oracle EE on ${where}, ${count(vcpus, "vCPUs")}, ${ht}: ${text} ${value === 1 ? "processor licence" : "processor licences"}`,
      flags:
        hyperThreadingSource === "assumed off"
          ? ["Hyper-threading not known: counted as off, which may overstate."]
          : [],
    };
  }
  const { value, text } = oracleSockets(vcpus, p);
  const max = oracleMaxVcpus(edition, p);
  return {
    quantity: value,
    ruleId: "oracle-se-sockets",
    arithmetic: `Oracle ${edition} on ${where}, ${count(vcpus, "vCPUs")}, ${p.standardEditionVcpusPerSocket} vCPUs per socket: ${text} ${value === 1 ? "socket" : "sockets"} = ${count(value, "processor licences")}`,
    flags:
      vcpus > max
        ? [`${vcpus} vCPUs exceed the ${max} vCPUs Oracle ${edition} may be licensed on: not licensable as ${edition}.`]
        : [],
  };
}
