import { createAccessControlledController } from '../../../access';

export default createAccessControlledController('api::activity.activity');
