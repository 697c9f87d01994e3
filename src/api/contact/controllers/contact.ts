import { createAccessControlledController } from '../../../access';

export default createAccessControlledController('api::contact.contact');
