/** German number and date formatting lives in core (the server's texts and reports use it too). */
export * from '../core/format.ts';
