import type { StrapiApp } from '@strapi/strapi/admin';
import enumLabels from '../i18n/enum-labels.fr.json';

// The admin reads its language from this key before the first render and falls back to
// English; négociateurs work in French, so French is the default until a user picks another.
const LANGUAGE_STORAGE_KEY = 'strapi-admin-language';
if (typeof window !== 'undefined' && !window.localStorage.getItem(LANGUAGE_STORAGE_KEY)) {
  window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'fr');
}

// Strapi's guided tour teaches developers to build content types, which négociateurs never do,
// and it exists in English only: it starts switched off. A user can restart it from the profile.
const GUIDED_TOUR_STORAGE_KEY = 'STRAPI_GUIDED_TOUR';
if (typeof window !== 'undefined' && !window.localStorage.getItem(GUIDED_TOUR_STORAGE_KEY)) {
  window.localStorage.setItem(GUIDED_TOUR_STORAGE_KEY, JSON.stringify({ tours: {}, enabled: false, hidden: true, completedActions: [] }));
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
        'app.components.MediaLibraryBanner.intro': 'Nouvelle médiathèque : ',
        'app.components.MediaLibraryBanner.text': 'la documentation explique comment passer à la nouvelle version.',
        'app.components.MediaLibraryBanner.text.enabled': 'vous utilisez désormais la version repensée.',
        'app.components.MediaLibraryBanner.button': 'Documentation',
        'app.components.MediaLibraryBanner.button.enabled': "Lire l'article",
        'app.components.MediaLibraryBanner.close': 'Fermer le bandeau.',
      },
    },
  },
  bootstrap(_app: StrapiApp) {},
};
