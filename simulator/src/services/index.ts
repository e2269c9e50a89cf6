// Service modules by signing name.
import type { ServiceName } from "../protocols/service-info";
import { config } from "./config/index";
import type { ServiceModule } from "./context";
import { ec2 } from "./ec2/index";
import { iam } from "./iam/index";
import { organizations } from "./organizations";
import { rds } from "./rds";
import { ssm } from "./ssm/index";
import { sts } from "./sts/index";

export const MODULES: Record<ServiceName, ServiceModule> = { ec2, sts, iam, rds, organizations, config, ssm };
