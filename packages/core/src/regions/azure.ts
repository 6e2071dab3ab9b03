import type { Jurisdiction, RegionInfo } from './types.js';

/*
 * Azure locations: the programmatic name (`westeurope`) is the code, the display name
 * (`West Europe`) the name; ARM and azurerm accept either, and the catalogue lookup folds one into
 * the other. The paired region is where GRS / RA-GRS / GZRS / RA-GZRS storage replicates to.
 *
 * Sources and what was checked (the *(verify)* lines of shared/reference/regions.md):
 * - Microsoft Learn "Azure regions list" (MicrosoftDocs/reliability-docs
 *   articles/reliability/regions-list.md, 2025-09-23) and its generated pair tables
 *   (includes/paired-regions-include.md and nonpaired-regions-include.md, 2026-06-25).
 * - No pair (N/A in the pair table, listed as nonpaired): italynorth, polandcentral, spaincentral,
 *   austriaeast, belgiumcentral, denmarkeast, israelcentral, newzealandnorth — confirmed. Also
 *   unpaired: chilecentral, indonesiacentral, malaysiawest, mexicocentral, qatarcentral.
 * - Availability: austriaeast (Vienna) and belgiumcentral (Brussels) are listed as regions; the
 *   2025 region list marked denmarkeast (Copenhagen) "coming soon", the 2026 pair tables list it like
 *   any other region. All three are EU member states, so they are EU whatever their rollout stage.
 * - newzealandnorth is in Auckland, New Zealand: ADQ — confirmed.
 * - Asymmetric pairs ("Azure region pairs and nonpaired regions"): brazilsouth → southcentralus,
 *   westindia → southindia (southindia → centralindia), westus3 → eastus (eastus ↔ westus),
 *   brazilsoutheast → brazilsouth, indiasouthcentral → centralindia, usgovarizona → usgovtexas.
 * - swedensouth appears in the tables only as swedencentral's (restricted) pair; its pair is
 *   swedencentral as the shared reference states.
 * - Azure Government and Azure China pairs: the same Microsoft Learn page in its zh-cn edition
 *   (China North ↔ China East, China North 2 ↔ China East 2, China North 3 ↔ China East 3,
 *   US Gov Virginia ↔ US Gov Texas, US Gov Arizona → US Gov Texas).
 */

const azure = (
  code: string,
  name: string,
  country: string,
  jurisdiction: Jurisdiction,
  pairedRegion?: string,
): RegionInfo => ({
  cloud: 'azure',
  code,
  name,
  country,
  jurisdiction,
  ...(pairedRegion !== undefined && { pairedRegion }),
});

export const AZURE_REGIONS: readonly RegionInfo[] = [
  // EU member states
  azure('westeurope', 'West Europe', 'NL', 'EU', 'northeurope'),
  azure('northeurope', 'North Europe', 'IE', 'EU', 'westeurope'),
  azure('francecentral', 'France Central', 'FR', 'EU', 'francesouth'),
  azure('francesouth', 'France South', 'FR', 'EU', 'francecentral'),
  azure('germanywestcentral', 'Germany West Central', 'DE', 'EU', 'germanynorth'),
  azure('germanynorth', 'Germany North', 'DE', 'EU', 'germanywestcentral'),
  azure('swedencentral', 'Sweden Central', 'SE', 'EU', 'swedensouth'),
  azure('swedensouth', 'Sweden South', 'SE', 'EU', 'swedencentral'),
  azure('italynorth', 'Italy North', 'IT', 'EU'),
  azure('polandcentral', 'Poland Central', 'PL', 'EU'),
  azure('spaincentral', 'Spain Central', 'ES', 'EU'),
  azure('austriaeast', 'Austria East', 'AT', 'EU'),
  azure('belgiumcentral', 'Belgium Central', 'BE', 'EU'),
  azure('denmarkeast', 'Denmark East', 'DK', 'EU'),
  // EEA
  azure('norwayeast', 'Norway East', 'NO', 'EEA', 'norwaywest'),
  azure('norwaywest', 'Norway West', 'NO', 'EEA', 'norwayeast'),
  // Adequacy countries
  azure('switzerlandnorth', 'Switzerland North', 'CH', 'ADQ', 'switzerlandwest'),
  azure('switzerlandwest', 'Switzerland West', 'CH', 'ADQ', 'switzerlandnorth'),
  azure('uksouth', 'UK South', 'GB', 'ADQ', 'ukwest'),
  azure('ukwest', 'UK West', 'GB', 'ADQ', 'uksouth'),
  azure('japaneast', 'Japan East', 'JP', 'ADQ', 'japanwest'),
  azure('japanwest', 'Japan West', 'JP', 'ADQ', 'japaneast'),
  azure('koreacentral', 'Korea Central', 'KR', 'ADQ', 'koreasouth'),
  azure('koreasouth', 'Korea South', 'KR', 'ADQ', 'koreacentral'),
  azure('canadacentral', 'Canada Central', 'CA', 'ADQ', 'canadaeast'),
  azure('canadaeast', 'Canada East', 'CA', 'ADQ', 'canadacentral'),
  azure('israelcentral', 'Israel Central', 'IL', 'ADQ'),
  azure('newzealandnorth', 'New Zealand North', 'NZ', 'ADQ'),
  // United States
  azure('eastus', 'East US', 'US', 'OTHER', 'westus'),
  azure('westus', 'West US', 'US', 'OTHER', 'eastus'),
  azure('eastus2', 'East US 2', 'US', 'OTHER', 'centralus'),
  azure('centralus', 'Central US', 'US', 'OTHER', 'eastus2'),
  azure('northcentralus', 'North Central US', 'US', 'OTHER', 'southcentralus'),
  azure('southcentralus', 'South Central US', 'US', 'OTHER', 'northcentralus'),
  azure('westus2', 'West US 2', 'US', 'OTHER', 'westcentralus'),
  azure('westcentralus', 'West Central US', 'US', 'OTHER', 'westus2'),
  azure('westus3', 'West US 3', 'US', 'OTHER', 'eastus'),
  azure('usgovvirginia', 'US Gov Virginia', 'US', 'OTHER', 'usgovtexas'),
  azure('usgovtexas', 'US Gov Texas', 'US', 'OTHER', 'usgovvirginia'),
  azure('usgovarizona', 'US Gov Arizona', 'US', 'OTHER', 'usgovtexas'),
  // Americas outside the US
  azure('brazilsouth', 'Brazil South', 'BR', 'OTHER', 'southcentralus'),
  azure('brazilsoutheast', 'Brazil Southeast', 'BR', 'OTHER', 'brazilsouth'),
  azure('chilecentral', 'Chile Central', 'CL', 'OTHER'),
  azure('mexicocentral', 'Mexico Central', 'MX', 'OTHER'),
  // Asia Pacific
  azure('eastasia', 'East Asia', 'HK', 'OTHER', 'southeastasia'),
  azure('southeastasia', 'Southeast Asia', 'SG', 'OTHER', 'eastasia'),
  azure('australiaeast', 'Australia East', 'AU', 'OTHER', 'australiasoutheast'),
  azure('australiasoutheast', 'Australia Southeast', 'AU', 'OTHER', 'australiaeast'),
  azure('australiacentral', 'Australia Central', 'AU', 'OTHER', 'australiacentral2'),
  azure('australiacentral2', 'Australia Central 2', 'AU', 'OTHER', 'australiacentral'),
  azure('centralindia', 'Central India', 'IN', 'OTHER', 'southindia'),
  azure('southindia', 'South India', 'IN', 'OTHER', 'centralindia'),
  azure('westindia', 'West India', 'IN', 'OTHER', 'southindia'),
  azure('indiasouthcentral', 'India South Central', 'IN', 'OTHER', 'centralindia'),
  azure('indonesiacentral', 'Indonesia Central', 'ID', 'OTHER'),
  azure('malaysiawest', 'Malaysia West', 'MY', 'OTHER'),
  azure('chinanorth', 'China North', 'CN', 'OTHER', 'chinaeast'),
  azure('chinaeast', 'China East', 'CN', 'OTHER', 'chinanorth'),
  azure('chinanorth2', 'China North 2', 'CN', 'OTHER', 'chinaeast2'),
  azure('chinaeast2', 'China East 2', 'CN', 'OTHER', 'chinanorth2'),
  azure('chinanorth3', 'China North 3', 'CN', 'OTHER', 'chinaeast3'),
  azure('chinaeast3', 'China East 3', 'CN', 'OTHER', 'chinanorth3'),
  // Middle East and Africa
  azure('uaenorth', 'UAE North', 'AE', 'OTHER', 'uaecentral'),
  azure('uaecentral', 'UAE Central', 'AE', 'OTHER', 'uaenorth'),
  azure('qatarcentral', 'Qatar Central', 'QA', 'OTHER'),
  azure('southafricanorth', 'South Africa North', 'ZA', 'OTHER', 'southafricawest'),
  azure('southafricawest', 'South Africa West', 'ZA', 'OTHER', 'southafricanorth'),
];
