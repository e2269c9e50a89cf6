// What SSM Inventory reports about one managed node, as the recognition rules read it. Field names
// follow the inventory attributes (camelCased): AWS:Application Name / Publisher / Version,
// AWS:WindowsRegistry KeyPath / ValueName / Value, AWS:InstanceInformation PlatformName.

export type ApplicationFact = { name: string; publisher?: string | null; version?: string | null };

export type RegistryFact = { keyPath: string; valueName: string; value: string };

export type SoftwareFacts = {
  applications?: readonly ApplicationFact[];
  registry?: readonly RegistryFact[];
  /** AWS:InstanceInformation PlatformName, e.g. "Microsoft Windows Server 2019 Datacenter". */
  platformName?: string | null;
};

export type FactSource = "AWS:Application" | "AWS:WindowsRegistry" | "AWS:InstanceInformation";
