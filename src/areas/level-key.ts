/**
 * Keys of area levels made in the web app or through the API (`stadtbezirk`, `stadtteil_koeln`):
 * one pattern for the server's schema and the browser's check before an upload. No zod here, so the
 * web bundle takes it as it is.
 */
export const LEVEL_KEY = /^[a-z][a-z0-9_-]{0,39}$/;

/** German message when a key does not match `LEVEL_KEY`. */
export const LEVEL_KEY_MESSAGE = 'Der Ebenenschlüssel besteht aus Kleinbuchstaben, Ziffern, _ und -.';
