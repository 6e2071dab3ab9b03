import type { Jurisdiction, RegionInfo } from './types.js';

/*
 * Google Cloud locations: regions (`europe-west4`), the multi-regions of Cloud Storage and BigQuery
 * (`EU`, `US`, `ASIA`), predefined Cloud Storage dual-regions (`EUR4`, `NAM4`, `ASIA1`) and the
 * Firestore/Datastore multi-region locations (`eur3`, `nam5`). Lookups ignore case (the APIs return
 * `EU`, Terraform configurations often say `eu`).
 *
 * Sources and what was checked:
 * - Regions and their places: the location tables of the Google Cloud documentation (Memorystore
 *   "Regions and zones", App Lifecycle Manager and Infrastructure Manager locations, GKE On-Prem API
 *   supported regions). me-central2 (Dammam) is listed by Cloud Storage's regional endpoints page.
 * - Multi-region `EU`: "data centers in the European Union"; Cloud Storage documents that object
 *   data in the EU multi-region is not stored in europe-west2 (London) or europe-west6 (Zurich),
 *   so it is EU. `ASIA` spans several Asian countries (OTHER); `US` is the United States.
 * - Dual-regions: the Cloud Storage locations page names ASIA1 as Tokyo + Osaka (both JP). EUR4 as
 *   europe-north1 + europe-west4 (Finland + Netherlands) and NAM4 as us-central1 + us-east1 were
 *   confirmed from two independent public codebases that cite that page (the page's own table was
 *   not retrievable). EUR5, EUR7 and EUR8 pair an EU region with London or Zurich; they are left out
 *   — unknown, so never allowed — until they are verified and a mixed-country location can be
 *   modelled.
 * - `eur3` (europe-west1, europe-west4, europe-north1) and `nam5` (US): Firestore/Datastore
 *   multi-region locations page.
 */

const gcp = (code: string, name: string, country: string, jurisdiction: Jurisdiction): RegionInfo => ({
  cloud: 'gcp',
  code,
  name,
  country,
  jurisdiction,
});

export const GCP_REGIONS: readonly RegionInfo[] = [
  // EU member states
  gcp('europe-central2', 'Warsaw, Poland', 'PL', 'EU'),
  gcp('europe-north1', 'Hamina, Finland', 'FI', 'EU'),
  gcp('europe-north2', 'Stockholm, Sweden', 'SE', 'EU'),
  gcp('europe-southwest1', 'Madrid, Spain', 'ES', 'EU'),
  gcp('europe-west1', 'St. Ghislain, Belgium', 'BE', 'EU'),
  gcp('europe-west3', 'Frankfurt, Germany', 'DE', 'EU'),
  gcp('europe-west4', 'Eemshaven, Netherlands', 'NL', 'EU'),
  gcp('europe-west8', 'Milan, Italy', 'IT', 'EU'),
  gcp('europe-west9', 'Paris, France', 'FR', 'EU'),
  gcp('europe-west10', 'Berlin, Germany', 'DE', 'EU'),
  gcp('europe-west12', 'Turin, Italy', 'IT', 'EU'),
  gcp('EU', 'EU multi-region (data centers in EU member states)', 'EU', 'EU'),
  gcp('EUR4', 'EUR4 dual-region (Finland and Netherlands)', 'EU', 'EU'),
  gcp('eur3', 'eur3 multi-region (Belgium, Netherlands, Finland)', 'EU', 'EU'),
  // Adequacy countries
  gcp('europe-west2', 'London, United Kingdom', 'GB', 'ADQ'),
  gcp('europe-west6', 'Zurich, Switzerland', 'CH', 'ADQ'),
  gcp('northamerica-northeast1', 'Montréal, Canada', 'CA', 'ADQ'),
  gcp('northamerica-northeast2', 'Toronto, Canada', 'CA', 'ADQ'),
  gcp('asia-northeast1', 'Tokyo, Japan', 'JP', 'ADQ'),
  gcp('asia-northeast2', 'Osaka, Japan', 'JP', 'ADQ'),
  gcp('ASIA1', 'ASIA1 dual-region (Tokyo and Osaka)', 'JP', 'ADQ'),
  gcp('asia-northeast3', 'Seoul, South Korea', 'KR', 'ADQ'),
  gcp('me-west1', 'Tel Aviv, Israel', 'IL', 'ADQ'),
  // United States
  gcp('us-central1', 'Iowa, United States', 'US', 'OTHER'),
  gcp('us-east1', 'South Carolina, United States', 'US', 'OTHER'),
  gcp('us-east4', 'Northern Virginia, United States', 'US', 'OTHER'),
  gcp('us-east5', 'Columbus, United States', 'US', 'OTHER'),
  gcp('us-south1', 'Dallas, United States', 'US', 'OTHER'),
  gcp('us-west1', 'Oregon, United States', 'US', 'OTHER'),
  gcp('us-west2', 'Los Angeles, United States', 'US', 'OTHER'),
  gcp('us-west3', 'Salt Lake City, United States', 'US', 'OTHER'),
  gcp('us-west4', 'Las Vegas, United States', 'US', 'OTHER'),
  gcp('US', 'US multi-region', 'US', 'OTHER'),
  gcp('NAM4', 'NAM4 dual-region (Iowa and South Carolina)', 'US', 'OTHER'),
  gcp('nam5', 'nam5 multi-region (United States)', 'US', 'OTHER'),
  // Everything else
  gcp('northamerica-south1', 'Querétaro, Mexico', 'MX', 'OTHER'),
  gcp('southamerica-east1', 'São Paulo, Brazil', 'BR', 'OTHER'),
  gcp('southamerica-west1', 'Santiago, Chile', 'CL', 'OTHER'),
  gcp('africa-south1', 'Johannesburg, South Africa', 'ZA', 'OTHER'),
  gcp('me-central1', 'Doha, Qatar', 'QA', 'OTHER'),
  gcp('me-central2', 'Dammam, Saudi Arabia', 'SA', 'OTHER'),
  gcp('asia-east1', 'Changhua County, Taiwan', 'TW', 'OTHER'),
  gcp('asia-east2', 'Hong Kong', 'HK', 'OTHER'),
  gcp('asia-south1', 'Mumbai, India', 'IN', 'OTHER'),
  gcp('asia-south2', 'Delhi, India', 'IN', 'OTHER'),
  gcp('asia-southeast1', 'Singapore', 'SG', 'OTHER'),
  gcp('asia-southeast2', 'Jakarta, Indonesia', 'ID', 'OTHER'),
  gcp('asia-southeast3', 'Bangkok, Thailand', 'TH', 'OTHER'),
  gcp('australia-southeast1', 'Sydney, Australia', 'AU', 'OTHER'),
  gcp('australia-southeast2', 'Melbourne, Australia', 'AU', 'OTHER'),
  gcp('ASIA', 'ASIA multi-region (data centers in several Asian countries)', 'ASIA', 'OTHER'),
];
