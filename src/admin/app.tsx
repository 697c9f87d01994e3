import type { StrapiApp } from '@strapi/strapi/admin';

// The admin reads its language from this key before the first render and falls back to
// English; négociateurs work in French, so French is the default until a user picks another.
const LANGUAGE_STORAGE_KEY = 'strapi-admin-language';
if (typeof window !== 'undefined' && !window.localStorage.getItem(LANGUAGE_STORAGE_KEY)) {
  window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'fr');
}

export default {
  config: {
    locales: ['fr'],
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap(_app: StrapiApp) {},
};
