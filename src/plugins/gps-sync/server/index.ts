export default {
  register() {},
  bootstrap() {},
  services: {},
  controllers: {},
  routes: {},
  contentTypes: {},
};
