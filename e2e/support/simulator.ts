import fs from "node:fs";
import { SIM_CREDENTIALS } from "./env";

export type SimulatorCredentials = {
  endpoint: string;
  users: { name: string; arn: string; accessKeyId: string; secretAccessKey: string }[];
  roles: { arn: string; externalId?: string }[];
};

export function simulatorCredentials(): SimulatorCredentials {
  return JSON.parse(fs.readFileSync(SIM_CREDENTIALS, "utf8"));
}
