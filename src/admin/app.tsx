import type { StrapiApp } from '@strapi/strapi/admin';
import enumLabels from '../i18n/enum-labels.fr.json';

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
    // The content manager looks up each enumeration value as a translation id, so these
    // entries show "Actions commerciales" where the stored value is commercial_actions.
    translations: {
      fr: {
        ...enumLabels,
        'app.components.LeftMenu.navbrand.title': 'CRM VEFA',
        'app.components.LeftMenu.navbrand.workplace': 'Espace commercial',
        'Auth.form.welcome.title': 'Bienvenue dans le CRM VEFA',
        'Auth.form.welcome.subtitle': 'Connectez-vous à votre espace commercial',
      },
    },
  },
  bootstrap(_app: StrapiApp) {},
};
