import { salesServices } from '../../../index';

/**
 * The négociateur's explicit status actions, as a Strapi service, so that code loaded outside
 * the application's own module graph (scripts, tests) reaches the rules registered at start.
 */
export default () => ({
  close: (documentId: string) => salesServices().negotiations.close(documentId),
  reopen: (documentId: string) => salesServices().negotiations.reopen(documentId),
  releaseExpiredOptions: (now?: Date) => salesServices().holds.releaseExpiredOptions(now),
});
