export default [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  // Serves favicon.png from the application root; Strapi refuses to start without it.
  'strapi::favicon',
  'strapi::public',
];
