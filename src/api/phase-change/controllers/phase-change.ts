import { createAccessControlledController } from '../../../access';

export default createAccessControlledController('api::phase-change.phase-change');
