/** Rules for passwords people choose; shared by the server schemas and the web forms (no zod here). */

/** Shortest password a person may choose (the demo's random passwords are longer). */
export const MIN_PASSWORD_LENGTH = 10;
/** Longest password accepted (bounds the hashing work per request). */
export const MAX_PASSWORD_LENGTH = 200;
