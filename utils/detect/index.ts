/**
 * What a supported page offers the panel: the Reply tasks it names, the CRM person it shows, the
 * email drafts it has open. Only the detector for the URL's site runs; task references are looked
 * for on every page.
 *
 * Sites (https only):
 *   HubSpot     app.hubspot.com, app-<region>.hubspot.com        contact records   ./hubspot
 *   Salesforce  *.lightning.force.com                             contacts, leads   ./salesforce
 *   Pipedrive   *.pipedrive.com                                   persons           ./pipedrive
 *   Gmail       mail.google.com                                   compose windows   ./gmail
 *   Outlook     outlook.office.com, outlook.live.com, outlook.office365.com,
 *               outlook.cloud.microsoft                           compose windows   ./outlook
 */
import type { ComposeContext, PageContext, PersonContext } from './context';
import { siteForUrl } from './context';
import { CRM_SITES } from './crm-sites';
import { findGmailComposes } from './gmail';
import { detectHubSpotPerson } from './hubspot';
import { MAIL_SITES } from './mail-sites';
import { findOutlookComposes } from './outlook';
import { detectPipedrivePerson } from './pipedrive';
import { findTaskReferences } from './references';
import { detectSalesforcePerson } from './salesforce';

export type { ComposeContext, PageContext, PersonContext } from './context';

/**
 * Match patterns for the pages the detectors read. (The HubSpot detector also accepts other
 * regional hosts such as app-na2.hubspot.com; the extension runs where these patterns allow.)
 */
export const SUPPORTED_SITES = [
  ...CRM_SITES.hubspot,
  ...CRM_SITES.salesforce,
  ...CRM_SITES.pipedrive,
  ...MAIL_SITES.gmail,
  ...MAIL_SITES.outlook,
] as const;

export function detectPageContext(doc: Document, url: URL): PageContext {
  let person: PersonContext | null = null;
  let composes: ComposeContext[] = [];
  switch (siteForUrl(url)) {
    case 'hubspot':
      person = detectHubSpotPerson(doc, url);
      break;
    case 'salesforce':
      person = detectSalesforcePerson(doc, url);
      break;
    case 'pipedrive':
      person = detectPipedrivePerson(doc, url);
      break;
    case 'gmail':
      composes = findGmailComposes(doc);
      break;
    case 'outlook':
      composes = findOutlookComposes(doc);
      break;
    case null:
      break;
  }
  return { taskIds: findTaskReferences(doc), person, composes };
}
