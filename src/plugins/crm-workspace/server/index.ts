import workspaceController from './controllers/workspace';
import adminRoutes from './routes/admin';

/** Server part of the négociateur's workspace: admin API routes only, no content type. */
export default {
  register() {},
  bootstrap() {},
  controllers: {
    workspace: workspaceController,
  },
  routes: {
    admin: adminRoutes,
  },
};
