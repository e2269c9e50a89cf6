// EC2 and RDS resource records of a world, named like the AWS SDK v3 output shapes.
import type { ManagedNodeSpec } from "./ssm-types";

export interface Tag {
  Key: string;
  Value: string;
}

export type InstanceStateName = "pending" | "running" | "shutting-down" | "terminated" | "stopping" | "stopped";

export interface Ec2Instance {
  InstanceId: string;
  /** Instances launched together share a reservation (DescribeInstances groups by it). */
  ReservationId: string;
  InstanceType: string;
  ImageId: string;
  State: { Code: number; Name: InstanceStateName };
  StateTransitionReason?: string;
  LaunchTime: string;
  Placement: {
    AvailabilityZone: string;
    Tenancy: "default" | "dedicated" | "host";
    HostId?: string;
    Affinity?: string;
  };
  Platform?: "windows";
  PlatformDetails: string;
  UsageOperation: string;
  UsageOperationUpdateTime?: string;
  InstanceLifecycle?: "spot" | "capacity-block";
  SpotInstanceRequestId?: string;
  /** The topology the instance runs with (what tests compute vCPUs from), reported or not. */
  CpuOptions: { CoreCount: number; ThreadsPerCore: number };
  /**
   * Simulator only, never served: DescribeInstances (and Config) leave cpuOptions out for this
   * instance, so a client must find its topology elsewhere (DescribeInstanceTypes).
   */
  OmitCpuOptions?: boolean;
  Architecture: "x86_64" | "arm64";
  VpcId: string;
  SubnetId: string;
  PrivateIpAddress: string;
  PrivateDnsName: string;
  PublicIpAddress?: string;
  PublicDnsName?: string;
  IamInstanceProfile?: { Arn: string; Id: string };
  Licenses?: { LicenseConfigurationArn: string }[];
  KeyName?: string;
  Tags: Tag[];
  /**
   * Simulator only, never served by EC2: the SSM Agent on the instance and its inventory, what
   * the SSM service answers for it. Absent: no agent (not a managed node).
   */
  Ssm?: ManagedNodeSpec;
}

export interface Ec2Host {
  HostId: string;
  /** available | under-assessment | permanent-failure | released | released-permanent-failure | pending */
  State: string;
  AvailabilityZone: string;
  HostProperties: {
    Sockets: number;
    Cores: number;
    TotalVCpus: number;
    InstanceType?: string;
    InstanceFamily?: string;
  };
  AllocationTime: string;
  ReleaseTime?: string;
  AutoPlacement: "on" | "off";
  HostRecovery: "on" | "off";
  AllowsMultipleInstanceTypes: "on" | "off";
  HostReservationId?: string;
  Tags: Tag[];
  // Instances[] and AvailableCapacity are derived from the instances placed on the host.
}

export interface ReservedInstance {
  ReservedInstancesId: string;
  InstanceType: string;
  InstanceCount: number;
  Scope: "Region" | "Availability Zone";
  AvailabilityZone?: string;
  InstanceTenancy: "default" | "dedicated";
  ProductDescription: string;
  Start: string;
  End: string;
  Duration: number;
  State: "payment-pending" | "active" | "payment-failed" | "retired" | "queued" | "queued-deleted";
  OfferingClass: "standard" | "convertible";
  OfferingType:
    "Heavy Utilization" | "Medium Utilization" | "Light Utilization" | "No Upfront" | "Partial Upfront" | "All Upfront";
  FixedPrice: number;
  UsagePrice: number;
  CurrencyCode: "USD";
  RecurringCharges: { Frequency: "Hourly"; Amount: number }[];
  Tags: Tag[];
}

export interface Ec2Image {
  ImageId: string;
  Name: string;
  Description?: string;
  OwnerId: string;
  ImageOwnerAlias?: string;
  State: "available" | "pending" | "deregistered" | "failed";
  Public: boolean;
  Platform?: "windows";
  PlatformDetails: string;
  UsageOperation: string;
  Architecture: "x86_64" | "arm64";
  CreationDate: string;
  ImageType: "machine";
  RootDeviceType: "ebs";
  VirtualizationType: "hvm";
  ProductCodes?: { ProductCodeId: string; ProductCodeType: "marketplace" | "devpay" }[];
  Tags?: Tag[];
}

export interface DbInstance {
  DBInstanceIdentifier: string;
  DBInstanceArn: string;
  DbiResourceId: string;
  DBInstanceClass: string;
  Engine: string;
  EngineVersion: string;
  DBInstanceStatus: string;
  LicenseModel: string;
  MultiAZ: boolean;
  AvailabilityZone: string;
  SecondaryAvailabilityZone?: string;
  StorageType: string;
  AllocatedStorage: number;
  InstanceCreateTime: string;
  Endpoint: { Address: string; Port: number; HostedZoneId: string };
  ProcessorFeatures?: { Name: "coreCount" | "threadsPerCore"; Value: string }[];
  ReadReplicaSourceDBInstanceIdentifier?: string;
  ReadReplicaDBInstanceIdentifiers: string[];
  ReplicaMode?: "open-read-only" | "mounted";
  OptionGroupMemberships: { OptionGroupName: string; Status: string }[];
  DBClusterIdentifier?: string;
  TagList: Tag[];
}

/** One DescribeInstanceTypes entry (the fields the simulator serves), in AWS's output names. */
export interface InstanceTypeSpec {
  InstanceType: string;
  VCpuInfo: { DefaultVCpus: number; DefaultCores?: number; DefaultThreadsPerCore?: number };
  ProcessorInfo?: { SupportedArchitectures: string[] };
}
