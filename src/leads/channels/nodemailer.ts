/**
 * nodemailer, loaded when a message is first composed rather than when a function starts.
 *
 * It takes 100-200 ms to load, longer than everything else the callback function needs,
 * and the visitor's answer never needs it: mail goes out after the answer (waitUntil).
 */
export const loadNodemailer = () => import('nodemailer');
