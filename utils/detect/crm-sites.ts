/**
 * Where each CRM content script runs; also the hosts the panel script may be injected into.
 * One content script per CRM, so each page carries only its own site's detector.
 */
export const CRM_SITES = {
  // HubSpot's data centres: US (app), EU, the second US one and Australia.
  hubspot: [
    'https://app.hubspot.com/*',
    'https://app-eu1.hubspot.com/*',
    'https://app-na2.hubspot.com/*',
    'https://app-ap1.hubspot.com/*',
  ],
  salesforce: ['https://*.lightning.force.com/*'],
  pipedrive: ['https://*.pipedrive.com/*'],
} as const;
