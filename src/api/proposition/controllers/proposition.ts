import { createAccessControlledController } from '../../../access';

export default createAccessControlledController('api::proposition.proposition');
