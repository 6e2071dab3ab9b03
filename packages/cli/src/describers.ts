import { cloudFormationDescriber, terraformAwsDescriber } from '@eugate/aws';
import { armDescriber, terraformAzurermDescriber } from '@eugate/azure';
import type { Describer } from '@eugate/core';

/** Every schema family eugate describes; resources of any other family are listed as not modelled. */
export const DESCRIBERS: readonly Describer[] = [
  terraformAwsDescriber,
  terraformAzurermDescriber,
  cloudFormationDescriber,
  armDescriber,
];
