import type { Jurisdiction, RegionInfo } from './types.js';

/*
 * AWS regions of the partitions a customer can deploy to: `aws`, `aws-cn`, `aws-us-gov` and
 * `aws-eusc`. The classified partitions (`aws-iso*`) are left out: a region missing here is unknown
 * to eugate and therefore never allowed.
 *
 * Sources and what was checked (the *(verify)* lines of shared/reference/regions.md):
 * - Region codes, names and partitions: the partition table the AWS SDKs ship
 *   (aws/aws-sdk-js-v3 packages/util-endpoints/src/lib/aws/partitions.json).
 * - `eusc-de-east-1` is the code of the AWS European Sovereign Cloud region: that table defines the
 *   partition `aws-eusc` (DNS suffix `amazonaws.eu`, region regex `^eusc-(de)-\w+-\d+$`) whose one
 *   region is `eusc-de-east-1`, described "EU (Germany)". Confirmed — code and partition as listed.
 * - `ap-east-2` is "Asia Pacific (Taipei)" and `ap-southeast-6` is "Asia Pacific (New Zealand)":
 *   both appear in the AWS documentation's service endpoint tables (Amazon Redshift endpoints,
 *   awsdocs). Confirmed — Taiwan (OTHER) and New Zealand (ADQ).
 * - `mx-central-1` "Mexico (Central)", `ap-southeast-5` "Asia Pacific (Malaysia)" and
 *   `ap-southeast-7` "Asia Pacific (Thailand)": in the SDK partition table and the endpoint tables.
 */

const region =
  (partition: string) =>
  (code: string, name: string, country: string, jurisdiction: Jurisdiction): RegionInfo => ({
    cloud: 'aws',
    code,
    name,
    country,
    jurisdiction,
    partition,
  });

const aws = region('aws');
const awsCn = region('aws-cn');
const awsUsGov = region('aws-us-gov');
const awsEusc = region('aws-eusc');

export const AWS_REGIONS: readonly RegionInfo[] = [
  // EU member states
  aws('eu-central-1', 'Europe (Frankfurt)', 'DE', 'EU'),
  aws('eu-north-1', 'Europe (Stockholm)', 'SE', 'EU'),
  aws('eu-south-1', 'Europe (Milan)', 'IT', 'EU'),
  aws('eu-south-2', 'Europe (Spain)', 'ES', 'EU'),
  aws('eu-west-1', 'Europe (Ireland)', 'IE', 'EU'),
  aws('eu-west-3', 'Europe (Paris)', 'FR', 'EU'),
  awsEusc('eusc-de-east-1', 'EU (Germany), AWS European Sovereign Cloud', 'DE', 'EU'),
  // Adequacy countries
  aws('eu-west-2', 'Europe (London)', 'GB', 'ADQ'),
  aws('eu-central-2', 'Europe (Zurich)', 'CH', 'ADQ'),
  aws('ca-central-1', 'Canada (Central)', 'CA', 'ADQ'),
  aws('ca-west-1', 'Canada West (Calgary)', 'CA', 'ADQ'),
  aws('ap-northeast-1', 'Asia Pacific (Tokyo)', 'JP', 'ADQ'),
  aws('ap-northeast-3', 'Asia Pacific (Osaka)', 'JP', 'ADQ'),
  aws('ap-northeast-2', 'Asia Pacific (Seoul)', 'KR', 'ADQ'),
  aws('il-central-1', 'Israel (Tel Aviv)', 'IL', 'ADQ'),
  aws('ap-southeast-6', 'Asia Pacific (New Zealand)', 'NZ', 'ADQ'),
  // Everything else
  aws('us-east-1', 'US East (N. Virginia)', 'US', 'OTHER'),
  aws('us-east-2', 'US East (Ohio)', 'US', 'OTHER'),
  aws('us-west-1', 'US West (N. California)', 'US', 'OTHER'),
  aws('us-west-2', 'US West (Oregon)', 'US', 'OTHER'),
  awsUsGov('us-gov-east-1', 'AWS GovCloud (US-East)', 'US', 'OTHER'),
  awsUsGov('us-gov-west-1', 'AWS GovCloud (US-West)', 'US', 'OTHER'),
  awsCn('cn-north-1', 'China (Beijing)', 'CN', 'OTHER'),
  awsCn('cn-northwest-1', 'China (Ningxia)', 'CN', 'OTHER'),
  aws('af-south-1', 'Africa (Cape Town)', 'ZA', 'OTHER'),
  aws('ap-east-1', 'Asia Pacific (Hong Kong)', 'HK', 'OTHER'),
  aws('ap-east-2', 'Asia Pacific (Taipei)', 'TW', 'OTHER'),
  aws('ap-south-1', 'Asia Pacific (Mumbai)', 'IN', 'OTHER'),
  aws('ap-south-2', 'Asia Pacific (Hyderabad)', 'IN', 'OTHER'),
  aws('ap-southeast-1', 'Asia Pacific (Singapore)', 'SG', 'OTHER'),
  aws('ap-southeast-2', 'Asia Pacific (Sydney)', 'AU', 'OTHER'),
  aws('ap-southeast-4', 'Asia Pacific (Melbourne)', 'AU', 'OTHER'),
  aws('ap-southeast-3', 'Asia Pacific (Jakarta)', 'ID', 'OTHER'),
  aws('ap-southeast-5', 'Asia Pacific (Malaysia)', 'MY', 'OTHER'),
  aws('ap-southeast-7', 'Asia Pacific (Thailand)', 'TH', 'OTHER'),
  aws('me-south-1', 'Middle East (Bahrain)', 'BH', 'OTHER'),
  aws('me-central-1', 'Middle East (UAE)', 'AE', 'OTHER'),
  aws('mx-central-1', 'Mexico (Central)', 'MX', 'OTHER'),
  aws('sa-east-1', 'South America (São Paulo)', 'BR', 'OTHER'),
];
