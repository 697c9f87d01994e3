/**
 * Fictional French identities for the demo. Phone numbers are in the ranges that the French
 * regulator (ARCEP) reserves for fiction (01 99 00 xx xx and 06 39 98 xx xx), and e-mail
 * addresses use the reserved example.com domain.
 */
export interface DemoPerson {
  civility: 'mr' | 'mrs';
  firstName: string;
  lastName: string;
  city: string;
  postalCode: string;
}

export const DEMO_PEOPLE: DemoPerson[] = [
  { civility: 'mrs', firstName: 'Camille', lastName: 'Durand', city: 'Hendaye', postalCode: '64700' },
  { civility: 'mr', firstName: 'Lucas', lastName: 'Etcheverry', city: 'Saint-Jean-de-Luz', postalCode: '64500' },
  { civility: 'mrs', firstName: 'Manon', lastName: 'Lefebvre', city: 'Bayonne', postalCode: '64100' },
  { civility: 'mr', firstName: 'Hugo', lastName: 'Moreau', city: 'Biarritz', postalCode: '64200' },
  { civility: 'mrs', firstName: 'Léa', lastName: 'Garcia', city: 'Anglet', postalCode: '64600' },
  { civility: 'mr', firstName: 'Thomas', lastName: 'Laborde', city: 'Urrugne', postalCode: '64122' },
  { civility: 'mrs', firstName: 'Chloé', lastName: 'Fontaine', city: 'Bordeaux', postalCode: '33000' },
  { civility: 'mr', firstName: 'Nathan', lastName: 'Rousseau', city: 'Toulouse', postalCode: '31000' },
  { civility: 'mrs', firstName: 'Inès', lastName: 'Bernard', city: 'Pau', postalCode: '64000' },
  { civility: 'mr', firstName: 'Mathis', lastName: 'Dubois', city: 'Paris', postalCode: '75015' },
  { civility: 'mrs', firstName: 'Sarah', lastName: 'Irigoyen', city: 'Ciboure', postalCode: '64500' },
  { civility: 'mr', firstName: 'Antoine', lastName: 'Lambert', city: 'Lyon', postalCode: '69003' },
  { civility: 'mrs', firstName: 'Juliette', lastName: 'Mercier', city: 'Hendaye', postalCode: '64700' },
  { civility: 'mr', firstName: 'Romain', lastName: 'Haristoy', city: 'Bidart', postalCode: '64210' },
  { civility: 'mrs', firstName: 'Anaïs', lastName: 'Girard', city: 'Mont-de-Marsan', postalCode: '40000' },
  { civility: 'mr', firstName: 'Julien', lastName: 'Bonnet', city: 'Dax', postalCode: '40100' },
  { civility: 'mrs', firstName: 'Pauline', lastName: 'Dupuy', city: 'Hendaye', postalCode: '64700' },
  { civility: 'mr', firstName: 'Maxime', lastName: 'Arrieta', city: 'Saint-Pée-sur-Nivelle', postalCode: '64310' },
  { civility: 'mrs', firstName: 'Émilie', lastName: 'Chevalier', city: 'Nantes', postalCode: '44000' },
  { civility: 'mr', firstName: 'Alexandre', lastName: 'Faure', city: 'Bordeaux', postalCode: '33200' },
  { civility: 'mrs', firstName: 'Clara', lastName: 'Perrin', city: 'Biarritz', postalCode: '64200' },
  { civility: 'mr', firstName: 'Quentin', lastName: 'Elissalde', city: 'Hendaye', postalCode: '64700' },
  { civility: 'mrs', firstName: 'Margaux', lastName: 'Roux', city: 'Lille', postalCode: '59000' },
  { civility: 'mr', firstName: 'Baptiste', lastName: 'Lemoine', city: 'Anglet', postalCode: '64600' },
  { civility: 'mrs', firstName: 'Océane', lastName: 'Sanchez', city: 'Bayonne', postalCode: '64100' },
  { civility: 'mr', firstName: 'Guillaume', lastName: 'Olhagaray', city: 'Ascain', postalCode: '64310' },
  { civility: 'mrs', firstName: 'Lucie', lastName: 'Morel', city: 'Marseille', postalCode: '13008' },
  { civility: 'mr', firstName: 'Florian', lastName: 'Gauthier', city: 'Hendaye', postalCode: '64700' },
  { civility: 'mrs', firstName: 'Élodie', lastName: 'Ospital', city: 'Cambo-les-Bains', postalCode: '64250' },
  { civility: 'mr', firstName: 'Nicolas', lastName: 'Marchand', city: 'Paris', postalCode: '75011' },
  { civility: 'mrs', firstName: 'Maître Hélène', lastName: 'Darrigrand', city: 'Saint-Jean-de-Luz', postalCode: '64500' },
  { civility: 'mr', firstName: 'Maître Paul', lastName: 'Lacoste', city: 'Bayonne', postalCode: '64100' },
];

export function demoEmail(person: DemoPerson): string {
  const slug = `${person.firstName}.${person.lastName}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/^maitre /i, '')
    .toLowerCase()
    .replace(/[^a-z.]+/g, '-');
  return `${slug}@example.com`;
}

export function demoMobile(index: number): string {
  return `06 39 98 ${String(10 + index).padStart(2, '0')} ${String(20 + index).padStart(2, '0')}`;
}
