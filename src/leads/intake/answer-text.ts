/**
 * What a visitor reads when a request does not go through. Every text offers the
 * admissions phone: for some visitors the call is the better path anyway.
 */
import { site } from '../../site.config.ts';

export type ProblemKind =
  | 'invalid'
  | 'malformed'
  | 'method'
  | 'content_type'
  | 'too_large'
  | 'cross_site'
  | 'rate_limited'
  | 'unavailable';

export interface ProblemText {
  /** Page title and heading. */
  title: string;
  /** The paragraph under the heading (HTML pages). */
  message: string;
  /** The `error` of a JSON answer: one plain sentence or two the script may show as is. */
  error: string;
}

const phone = site.admissions.phone.display;

/** The 405 text names the kind's form: "callback form", "ask for a callback". */
export function methodText(formName: string, purpose: string): ProblemText {
  return {
    title: `This address only takes the ${formName}`,
    message: `To ${purpose}, please use the form on our website.`,
    error: `This address only accepts POST requests from the ${formName}.`,
  };
}

export const PROBLEM_TEXT: Record<ProblemKind, ProblemText> = {
  invalid: {
    title: 'Please check your details',
    message: 'We could not send your request yet. Please fix the following, then send it again:',
    error: 'Please check the fields marked.',
  },
  malformed: {
    title: 'We could not read your request',
    message: 'Something went wrong while sending the form. Please go back and send it again.',
    error: `We could not read this request. Please try again, or call us at ${phone}.`,
  },
  method: methodText('callback form', 'ask for a callback'),
  content_type: {
    title: 'We could not read your request',
    message: 'The form was sent in a way we cannot read. Please go back and send it again.',
    error: 'Please send the form as application/x-www-form-urlencoded or application/json.',
  },
  too_large: {
    title: 'Your request was too long',
    message: 'The form had more text than we can take. Please shorten it and send it again.',
    error: `This request is too large. Please shorten it, or call us at ${phone}.`,
  },
  cross_site: {
    title: 'Please use the form on our website',
    message: 'For your privacy, we only accept this form from our own website.',
    error: 'For your privacy, we only accept this form from our own website.',
  },
  rate_limited: {
    title: 'Please wait a moment',
    message: 'We received several requests from you in a short time. Please wait a minute, then try again.',
    error: `We received several requests in a short time. Please wait a minute and try again, or call us at ${phone}.`,
  },
  unavailable: {
    title: 'We could not save your request',
    message:
      'We are sorry: something went wrong on our side and your request was not saved. Please call us instead; we are here to help. You can also try again in a few minutes.',
    error: `We could not save your request just now. Please call us at ${phone}, or try again in a few minutes.`,
  },
};
