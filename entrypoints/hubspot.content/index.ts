import { defineContentScript } from '#imports';
import { followCrmPage } from '@/utils/content/follow-crm-page';
import { CRM_SITES } from '@/utils/detect/crm-sites';
import { detectHubSpotPerson } from '@/utils/detect/hubspot';

/** HubSpot record pages: the person's pending Reply tasks, or a referenced task. */
export default defineContentScript({
  matches: [...CRM_SITES.hubspot],
  main(ctx) {
    followCrmPage(ctx, detectHubSpotPerson);
  },
});
