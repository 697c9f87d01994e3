import { createAccessControlledController } from '../../../access';

export default createAccessControlledController('api::reservation.reservation');
