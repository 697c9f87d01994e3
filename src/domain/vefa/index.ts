/**
 * French VEFA legal rules on plain data: withdrawal period, deposit ceiling, loan condition,
 * loan offer, draft deed notice, deposit refund on withdrawal, the deadlines of a négo and the
 * tasks that follow them.
 * Dates are `yyyy-mm-dd` strings, amounts are euros. No Strapi import.
 */
export * from './calendar';
export * from './holidays';
export * from './money';
export * from './problem';
export * from './retraction';
export * from './deposit';
export * from './loan';
export * from './draft-deed';
export * from './withdrawal';
export * from './deadlines';
export * from './save-check';
export * from './buyer-notifications';
export * from './refund-decision';
export * from './deadline-tasks';
