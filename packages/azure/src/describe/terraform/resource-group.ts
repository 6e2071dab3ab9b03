import { buildResource, type TypeDescriber } from './resource-base.js';

/**
 * A resource group holds no data; it is described (not left "not modelled") because its location is
 * where the resources that copy it live, and a reviewer should see it with that location.
 */
export const resourceGroupDescribers: readonly TypeDescriber[] = [
  {
    type: 'azurerm_resource_group',
    describe: (group, scan) => buildResource(group, scan, { kind: 'configuration', storesData: false }),
  },
];
