import {
  ConfigServiceClient,
  DescribeConfigurationAggregatorsCommand,
  SelectAggregateResourceConfigCommand,
} from "@aws-sdk/client-config-service";
import { RESOURCE_LIST } from "../../../resources/registry";
import type { ProbeContext } from "../context";

// Any type Config records proves the query works; the first registered one will do.
const SAMPLE_TYPE = RESOURCE_LIST.find((definition) => definition.aws.configResourceType !== null)?.aws
  .configResourceType;
const SAMPLE_QUERY = `SELECT resourceId WHERE resourceType = '${SAMPLE_TYPE}'`;

// Config adapter: the aggregator exists in its region (read with the post-chain caller's
// credentials, in the aggregator's account) and answers an advanced query.
export async function checkAggregator(ctx: ProbeContext): Promise<boolean> {
  const { settings, session, log } = ctx;
  if (settings.adapter.kind !== "config-aggregator") return true;
  const { aggregatorName, aggregatorRegion } = settings.adapter;
  const config = session.callerClient(ConfigServiceClient, aggregatorRegion);
  const describeAction = "config:DescribeConfigurationAggregators";
  const found = await log.check(
    {
      id: "aggregator:describe",
      step: "aggregator",
      region: aggregatorRegion,
      action: describeAction,
      label: `Config aggregator ${aggregatorName}`,
    },
    async () => {
      const out = await session.call({ action: describeAction, region: aggregatorRegion }, () =>
        config.send(new DescribeConfigurationAggregatorsCommand({ ConfigurationAggregatorNames: [aggregatorName] }), {
          abortSignal: ctx.signal,
        }),
      );
      const aggregator = out.ConfigurationAggregators?.find((a) => a.ConfigurationAggregatorName === aggregatorName);
      if (!aggregator)
        throw Object.assign(new Error(`No aggregator named ${aggregatorName} in ${aggregatorRegion}`), {
          name: "NoSuchConfigurationAggregatorException",
        });
      return aggregator;
    },
    (a) => ({
      message: `Found ${a.ConfigurationAggregatorArn ?? aggregatorName}`,
      details: { arn: a.ConfigurationAggregatorArn },
    }),
  );
  const queryBase = {
    id: "aggregator:query",
    step: "aggregator" as const,
    region: aggregatorRegion,
    action: "config:SelectAggregateResourceConfig",
    label: "Advanced query on the aggregator",
  };
  if (!found.ok) {
    log.emit({ ...queryBase, status: "skipped", message: "Not run: the aggregator was not found" });
    return false;
  }
  const query = await log.check(
    queryBase,
    () =>
      session.call({ action: queryBase.action, region: aggregatorRegion }, () =>
        config.send(
          new SelectAggregateResourceConfigCommand({
            ConfigurationAggregatorName: aggregatorName,
            Expression: SAMPLE_QUERY,
            Limit: 1,
          }),
          { abortSignal: ctx.signal },
        ),
      ),
    (out) => ({
      message: `The query answered (${out.Results?.length ?? 0} result in the first page)`,
      details: { results: out.Results?.length ?? 0 },
    }),
  );
  return query.ok;
}
