import { createAccessControlledController } from '../../../access';

export default createAccessControlledController('api::programme.programme');
