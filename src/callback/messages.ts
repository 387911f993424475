/**
 * Every message a person may read about a field, in one place: the server schema and the
 * browser's quick checks both take their words from here, so they never disagree.
 * People reading these may be in distress: keep them short, kind and concrete.
 */
import { LIMITS } from './fields.ts';

const PHONE_EXAMPLE = '(202) 555-0142';

export const MESSAGES = {
  name: {
    required: 'Please tell us your name, so we know who to ask for. A first name is fine.',
    tooLong: `Please shorten your name to ${LIMITS.nameMax} characters or fewer.`,
    invalid: 'Your name has a hidden or special character we cannot use. Please type it again.',
  },
  phone: {
    required: `Please enter a US phone number we can call, like ${PHONE_EXAMPLE}.`,
    invalid: `That phone number does not look complete. Please enter a US number with its area code, like ${PHONE_EXAMPLE}.`,
    extension: 'Please give a direct number without an extension, so we reach you and only you.',
  },
  email: {
    invalid:
      'Please check your email address. It should look like name@example.com. You can also leave it empty.',
    tooLong: `Please use an email address of ${LIMITS.emailMax} characters or fewer, or leave it empty.`,
  },
  callTime: { invalid: 'Please choose a time of day from the list.' },
  forWhom: { invalid: 'Please choose whether the call is for you or for someone you care about.' },
  program: { invalid: 'Please choose a program from the list, or leave it empty.' },
  voicemail: { invalid: 'Please tick the voicemail box, or leave it empty.' },
  texts: { invalid: 'Please tick the text message box, or leave it empty.' },
  consent: { required: 'Please tick the box to say we may call you. We can only call with your OK.' },
} as const;
