export default [
  'strapi::logger',
  // Before strapi::errors, so it rewrites the formatted body of Strapi's English 400 errors.
  'global::french-errors',
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
