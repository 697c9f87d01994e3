import { createAccessControlledController } from '../../../access';

export default createAccessControlledController('api::lot.lot');
