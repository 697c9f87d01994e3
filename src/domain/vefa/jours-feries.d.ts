/**
 * Types for @socialgouv/jours-feries 2.0.0, which ships none (checked against its
 * src/index.js and README).
 */
declare module '@socialgouv/jours-feries' {
  interface JoursFeriesOptions {
    /** Adds Good Friday (« Vendredi Saint ») and 26 December (« Saint Étienne »). */
    alsace: boolean;
  }

  /**
   * Returns the French public holidays of a year, keyed by their French name
   * (« Lundi de Pâques », « Ascension »…).
   *
   * Each value is a `Date` at local midnight of the Node process time zone. Holidays derived
   * from Easter are Easter plus a number of 24-hour periods, so across a daylight saving
   * change they land at 23:00 or 01:00 local time instead of midnight.
   */
  function getJoursFeries(year: number, options?: JoursFeriesOptions): Record<string, Date>;

  export = getJoursFeries;
}
