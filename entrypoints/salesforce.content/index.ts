import { defineContentScript } from '#imports';
import { followCrmPage } from '@/utils/content/follow-crm-page';
import { CRM_SITES } from '@/utils/detect/crm-sites';
import { detectSalesforcePerson } from '@/utils/detect/salesforce';

/** Salesforce record pages: the person's pending Reply tasks, or a referenced task. */
export default defineContentScript({
  matches: [...CRM_SITES.salesforce],
  main(ctx) {
    followCrmPage(ctx, detectSalesforcePerson);
  },
});
