'use strict';

// The scenario of the browser test, step by step. Each step throws on the first check that
// fails; the runner stops the scenario there because later steps use what earlier ones made.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const NEGOTIATION_UID = 'api::negotiation.negotiation';
const CONTACT_UID = 'api::contact.contact';
const WAIT_MS = 20000;

/** Waits until the element's text matches `pattern`, and returns that text. */
async function waitForText(locator, pattern, timeout = WAIT_MS) {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = (await locator.first().textContent({ timeout: 1000 }).catch(() => '')) ?? '';
    if (pattern.test(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Expected text matching ${pattern}, last seen: « ${last.slice(0, 300)} »`);
}

async function login(page, email, password) {
  await page.goto('/admin/auth/login');
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname.startsWith('/admin') && !url.pathname.includes('/auth/'), { timeout: WAIT_MS });
  await dismissAnnouncement(page);
}

/**
 * Closes Strapi's own announcement banner (« Nouvelle médiathèque ») when it shows, so it
 * does not cover the screenshots. Its absence is not a failure: Strapi shows it only once.
 */
async function dismissAnnouncement(page) {
  const title = page.getByText('Nouvelle médiathèque');
  const bannerVisible = await title
    .waitFor({ timeout: 5000 })
    .then(() => true)
    .catch(() => false);
  if (!bannerVisible) return;
  await title.locator('xpath=ancestor::div[.//button][1]').getByRole('button').last().click({ timeout: 3000 });
}

async function chooseOption(page, comboboxName, optionName) {
  await page.getByRole('combobox', { name: comboboxName }).click();
  await page.getByRole('option', { name: optionName }).first().click();
}

async function save(page) {
  await page.getByRole('button', { name: 'Enregistrer' }).click();
}

function editPath(uid, documentId) {
  return `/admin/content-manager/collection-types/${uid}/${documentId}`;
}

function documentIdFromUrl(page, uid) {
  const match = new RegExp(`${uid.replace(/\./g, '\\.')}/([a-z0-9]{10,})`).exec(page.url());
  assert.ok(match, `no document id in ${page.url()}`);
  return match[1];
}

function defineSteps({ pages, accounts, password, fixtures, screenshotsDir }) {
  const { claire, julien, director } = pages;
  const state = {};
  const shot = (page, name) => page.screenshot({ path: path.join(screenshotsDir, `${name}.png`), fullPage: false });

  return [
    {
      name: 'négociateur logs in and sees the dashboard',
      run: async () => {
        await login(claire, accounts.claire.email, password);
        await claire.goto('/admin/plugins/crm-workspace/dashboard');
        await waitForText(claire.getByTestId('open-by-phase'), /Mes négos ouvertes par phase/);
        await waitForText(claire.locator('h1'), /Tableau de bord/);
      },
    },
    {
      name: 'contact creation',
      run: async () => {
        await claire.goto(`/admin/content-manager/collection-types/${CONTACT_UID}/create`);
        await claire.getByLabel('Prénom').fill('Maddi');
        await claire.getByRole('textbox', { name: /^Nom\s*\*?$/ }).fill('Etxeberria');
        await claire.getByLabel('E-mail').fill('maddi.etxeberria@example.com');
        await save(claire);
        await claire.waitForURL(new RegExp(`${CONTACT_UID}/[a-z0-9]{10,}`));
        state.contact = documentIdFromUrl(claire, CONTACT_UID);
      },
    },
    {
      name: 'négo creation from the contact starts in Besoin',
      run: async () => {
        await waitForText(claire.getByTestId('contact-panel'), /Aucune négo pour ce contact/);
        await claire.getByRole('button', { name: 'Nouvelle négo pour ce contact' }).click();
        await claire.waitForURL(new RegExp(`${NEGOTIATION_UID}/[a-z0-9]{10,}`));
        state.negotiation = documentIdFromUrl(claire, NEGOTIATION_UID);
        await waitForText(claire.getByTestId('negotiation-phase'), /^Besoin · Ouverte$/);
        await waitForText(claire.getByTestId('negotiation-missing'), /Pour passer en Actions commerciales/);
        await waitForText(claire.getByTestId('phase-history'), /Création en Besoin/);
      },
    },
    {
      name: 'filling the need moves the négo to Actions commerciales',
      run: async () => {
        await chooseOption(claire, "Type d'achat", 'Résidence principale');
        await chooseOption(claire, 'Type de logement', 'T3');
        await claire.getByLabel('Budget minimum (€)').fill('200000');
        await claire.getByLabel('Budget maximum (€)').fill('300000');
        await claire.getByLabel('Département recherché').fill('64');
        await claire.getByLabel('Ville recherchée').fill('Hendaye');
        await save(claire);
        await waitForText(claire.getByTestId('negotiation-phase'), /^Actions commerciales · Ouverte$/);
        await waitForText(claire.getByTestId('phase-history'), /Besoin → Actions commerciales/);
        await waitForText(claire.getByTestId('negotiation-missing'), /proposer au moins un lot/);
        state.subject = (await claire.getByLabel('Sujet').inputValue()).trim();
        assert.match(state.subject, /^Maddi Etxeberria le \d{2}\/\d{2}\/\d{4}$/);
      },
    },
    {
      name: 'matching ranks the lots that fit the need',
      run: async () => {
        await claire.getByRole('link', { name: 'Trouver des lots' }).click();
        await claire.waitForURL(/\/plugins\/crm-workspace\/matching\?negotiation=/);
        const matches = claire.getByTestId('matches');
        await waitForText(matches, /lot\(s\) libre\(s\) correspondant\(s\)/);
        const cards = claire.locator('[data-testid^="match-"]');
        const references = await cards.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-testid').replace('match-', '')));
        assert.deepEqual(references.slice(0, 3), ['A001', 'A002', 'C001']);
        assert.ok(!references.includes('A004'), 'A004 costs more than the budget plus 5 % and must be left out');
        assert.ok(!references.includes('A005'), 'A005 is sold and must be left out');
        await waitForText(claire.getByTestId('match-A001'), /T3, comme demandé/);
        await waitForText(claire.getByTestId('match-A001'), /À Hendaye, la ville recherchée/);
        await waitForText(claire.getByTestId('need-summary'), /T3 · budget de 200\s000\s€ à 300\s000\s€ · à Hendaye \(64\)/);
      },
    },
    {
      name: 'proposing two lots moves the négo to Réservation',
      run: async () => {
        await claire.getByRole('checkbox', { name: 'Choisir le lot A001' }).click();
        await claire.getByRole('checkbox', { name: 'Choisir le lot A002' }).click();
        await shot(claire, 'rapprochement');
        await claire.getByRole('button', { name: 'Proposer ces lots (2)' }).click();
        await waitForText(claire.locator('body'), /2 lot\(s\) proposé\(s\) : A001, A002\. La négo est en phase « Réservation »/);
      },
    },
    {
      name: 'second négociateur proposes the same lot to his négo',
      run: async () => {
        await login(julien, accounts.julien.email, password);
        await julien.goto(`/admin/plugins/crm-workspace/matching?negotiation=${fixtures.julienNegotiation}`);
        await waitForText(julien.getByTestId('matches'), /correspondant/);
        await julien.getByRole('checkbox', { name: 'Choisir le lot A001' }).click();
        await julien.getByRole('button', { name: 'Proposer ces lots (1)' }).click();
        await waitForText(julien.locator('body'), /1 lot\(s\) proposé\(s\) : A001\./);
        await julien.goto(editPath(NEGOTIATION_UID, fixtures.julienNegotiation));
        await waitForText(julien.getByTestId('proposition-A001'), /Libre/);
      },
    },
    {
      name: 'négociateur reserves lot A001',
      run: async () => {
        await claire.goto(editPath(NEGOTIATION_UID, state.negotiation));
        await waitForText(claire.getByTestId('negotiation-phase'), /^Réservation · Ouverte$/);
        await claire.getByRole('button', { name: 'Réserver le lot A001' }).click();
        const dialog = claire.getByRole('dialog');
        assert.equal(await dialog.getByLabel('Prix du contrat de réservation (€)').inputValue(), '265000');
        await dialog.getByLabel('Dépôt de garantie (€)').fill('13 250');
        await dialog.getByRole('button', { name: 'Réserver' }).click();
        await waitForText(claire.locator('body'), /Le lot A001 est réservé\./);
        await waitForText(claire.getByTestId('negotiation-phase'), /^Suivi du financement · Ouverte$/);
        await waitForText(claire.getByTestId('active-reservation'), /A001 · 265\s000\s€/);
        await waitForText(claire.getByTestId('phase-history'), /Réservation → Suivi du financement/);
        await claire.evaluate(() => window.scrollTo(0, 0));
        await shot(claire, 'nego-suivi');
      },
    },
    {
      name: 'second négociateur cannot reserve the reserved lot',
      run: async () => {
        // His page still shows A001 as free: the server must refuse the reservation.
        await julien.getByRole('button', { name: 'Réserver le lot A001' }).click();
        const dialog = julien.getByRole('dialog');
        await dialog.getByRole('button', { name: 'Réserver' }).click();
        const message = await waitForText(dialog.getByTestId('reservation-error'), /n'est plus disponible/);
        assert.match(message, /Le lot A001 du programme Les Terrasses de la Baie n'est plus disponible : il est réservé par la négo « Maddi Etxeberria le/);
        await shot(julien, 'reservation-refusee');
        await dialog.getByRole('button', { name: 'Annuler' }).click();

        await julien.reload();
        await waitForText(julien.getByTestId('proposition-A001'), /Réservé/);
        assert.equal(await julien.getByRole('button', { name: 'Réserver le lot A001' }).isDisabled(), true);
        await waitForText(julien.getByTestId('negotiation-phase'), /^Réservation · Ouverte$/);
      },
    },
    {
      name: 'closing and reopening a négo',
      run: async () => {
        await julien.getByRole('button', { name: 'Fermer la négo' }).click();
        await julien.getByRole('alertdialog').getByRole('button', { name: 'Fermer la négo' }).click();
        await waitForText(julien.getByTestId('negotiation-phase'), /^Réservation · Fermée$/);
        await waitForText(julien.getByTestId('phase-history'), /\(Fermée\)/);
        await julien.getByRole('button', { name: 'Rouvrir la négo' }).click();
        await julien.getByRole('alertdialog').getByRole('button', { name: 'Rouvrir la négo' }).click();
        await waitForText(julien.getByTestId('negotiation-phase'), /^Réservation · Ouverte$/);
      },
    },
    {
      name: 'closing a reserved négo is refused',
      run: async () => {
        await claire.getByRole('button', { name: 'Fermer la négo' }).click();
        await claire.getByRole('alertdialog').getByRole('button', { name: 'Fermer la négo' }).click();
        await waitForText(claire.locator('body'), /enregistrez un désistement/);
        await waitForText(claire.getByTestId('negotiation-phase'), /^Suivi du financement · Ouverte$/);
      },
    },
    {
      name: 'planning an activity from the négo',
      run: async () => {
        await claire.getByRole('button', { name: 'Nouvelle activité' }).click();
        const dialog = claire.getByRole('dialog');
        await dialog.getByLabel('Sujet').fill('Rappeler Maddi pour le plan de financement');
        await dialog.getByRole('button', { name: 'Planifier' }).click();
        await waitForText(claire.locator('body'), /Activité planifiée : Appel téléphonique « Rappeler Maddi pour le plan de financement »/);
      },
    },
    {
      name: 'stock screen shows the lot reserved',
      run: async () => {
        await claire.goto('/admin/plugins/crm-workspace/stock');
        await chooseOption(claire, 'Programme', /Les Terrasses de la Baie/);
        await waitForText(claire.getByTestId('lot-A001'), /Réservé/);
        await waitForText(claire.getByTestId('lot-A005'), /Vendu/);
        await waitForText(claire.getByTestId('lot-A003'), /Libre/);
        await claire.getByRole('button', { name: /^Prix TTC/ }).click();
        const sorted = await claire.locator('[data-testid^="lot-"]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-testid')));
        assert.equal(sorted[0], 'lot-A003', 'the cheapest lot comes first once sorted by price');
        await chooseOption(claire, 'Affichage', 'Grille étage × typologie');
        await waitForText(claire.getByTestId('stock-lots'), /3e étage/);
        await shot(claire, 'stock');
      },
    },
    {
      name: 'CSV export of the négo list',
      run: async () => {
        await claire.goto(`/admin/content-manager/collection-types/${NEGOTIATION_UID}`);
        const [download] = await Promise.all([claire.waitForEvent('download'), claire.getByRole('button', { name: 'Exporter (CSV)' }).click()]);
        assert.match(download.suggestedFilename(), /^negos-\d{4}-\d{2}-\d{2}\.csv$/);
        const bytes = fs.readFileSync(await download.path());
        assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
        const lines = bytes.toString('utf8').slice(1).split('\r\n');
        assert.equal(lines[0], 'Sujet;Prospect;Phase de vente;Statut;Négociateur;Créée le');
        const row = lines.find((line) => line.startsWith(state.subject));
        assert.ok(row, `no row for ${state.subject}`);
        assert.match(row, /;Maddi Etxeberria;Suivi du financement;Ouverte;Claire Martin;\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
        await shot(claire, 'liste-negos');
      },
    },
    {
      name: 'contact panel shows the négo and the sale',
      run: async () => {
        await claire.goto(editPath(CONTACT_UID, state.contact));
        const panel = claire.getByTestId('contact-panel');
        await waitForText(panel, new RegExp(state.subject));
        await waitForText(panel, /Ventes \(1\)/);
        await waitForText(panel, /Les Terrasses de la Baie A001/);
        await waitForText(panel, /Activités \(1\).*Rappeler Maddi pour le plan de financement/s);
        await shot(claire, 'contact-historique');
      },
    },
    {
      name: 'dashboard lists the reservation',
      run: async () => {
        await claire.goto('/admin/plugins/crm-workspace/dashboard');
        await waitForText(claire.getByTestId('recent-reservations'), /Les Terrasses de la Baie · A001/);
        await waitForText(claire.getByTestId('open-by-phase'), /1\s*Suivi du financement/);
        await waitForText(claire.getByTestId('today-activities'), /Activités du jour \(1\).*Appel téléphonique · Rappeler Maddi pour le plan de financement/s);
        await shot(claire, 'tableau-de-bord');
      },
    },
    {
      name: 'sales director sees the team charts',
      run: async () => {
        await login(director, accounts.director.email, password);
        await director.goto('/admin/plugins/crm-workspace/dashboard');
        await director.getByTestId('chart-phase').locator('.recharts-surface').first().waitFor();
        await director.getByTestId('chart-programme').locator('.recharts-surface').first().waitFor();
        await waitForText(director.getByTestId('chart-reservations'), /1 réservation\(s\) en/);
        await waitForText(director.getByTestId('chart-phase'), /Claire Martin/);
        await director.getByTestId('chart-reservations').scrollIntoViewIfNeeded();
        await director.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
        await shot(director, 'tableau-de-bord-directeur');
      },
    },
    {
      name: 'sales director runs a GPS synchronisation',
      run: async () => {
        await director.getByRole('link', { name: 'Synchronisation GPS' }).click();
        await director.waitForURL(/\/admin\/plugins\/gps-sync/);
        await waitForText(director.locator('h1'), /^Synchronisation GPS$/);
        await waitForText(director.locator('body'), /Aucune synchronisation pour l'instant/);

        await director.getByRole('button', { name: 'Synchroniser maintenant' }).click();
        const rows = director.locator('tbody tr');
        await waitForText(rows.first(), /Manuelle \(administration\)/);
        const row = await waitForText(rows.first(), /Réussie|Partielle|Échouée/);
        // The export repeats the 9 fixture lots and adds one with an unknown status.
        assert.match(row, /Partielle/);
        assert.match(row, /1 \/ 1/, 'one rejected row and one difference (A001 is free in GPS but reserved in the CRM)');
        await waitForText(director.locator('table').first(), /Début.*Déclenchement.*Statut.*Programmes.*Lots/s);

        await rows.first().click();
        await waitForText(director.locator('body'), /Lignes rejetées \(1\)/);
        await waitForText(director.locator('body'), /statut : « INCONNU » est inconnu/);
        await waitForText(director.locator('body'), /Écarts entre GPS et le CRM \(1\)/);
        await waitForText(director.locator('body'), /Lot TERRASSES\/A001 : GPS indique libre, le CRM le tient réservé/);
        // The success notification repeats the run message over the header; the screenshot waits for it to close.
        await director.getByText(/^Synchronisation GPS terminée/).nth(1).waitFor({ state: 'detached', timeout: WAIT_MS });
        await shot(director, 'synchronisation-gps');
      },
    },
    {
      name: 'négociateur cannot open the GPS page',
      run: async () => {
        await julien.goto('/admin/plugins/crm-workspace/dashboard');
        await waitForText(julien.locator('h1'), /Tableau de bord/);
        // The menu lists its links once the permissions are loaded: wait for one he has.
        await julien.getByRole('link', { name: 'Stock' }).first().waitFor();
        assert.equal(await julien.getByRole('link', { name: 'Synchronisation GPS' }).count(), 0, 'the menu must not offer the GPS page');

        // Strapi still routes the page, so the API rejects the requests and the page shows its error.
        const runsResponse = julien.waitForResponse((response) => new URL(response.url()).pathname === '/gps-sync/runs');
        await julien.goto('/admin/plugins/gps-sync');
        assert.equal((await runsResponse).status(), 403);
        await waitForText(julien.locator('main'), /permission|erreur|Woops/i);
        assert.equal(await julien.getByRole('button', { name: 'Synchroniser maintenant' }).count(), 0);
      },
    },
  ];
}

module.exports = { defineSteps };
