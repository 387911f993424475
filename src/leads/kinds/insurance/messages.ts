/**
 * Every message a person may read about a coverage check field: the server schema and the
 * browser's quick checks both take their words from here. Name, phone, email and call time
 * use the callback's own words (src/callback/messages.ts).
 */
import { MESSAGES } from '../../../callback/messages.ts';
import { INSURANCE_LIMITS } from './fields.ts';

const birth = (whose: string) => ({
  required: `Please enter ${whose} date of birth. Insurers ask for it to find the plan.`,
  invalid: `Please enter ${whose} date of birth as a real date, like 1985-04-23.`,
  future: `That date of birth is in the future. Please check ${whose} date of birth.`,
  tooOld: `Please check the year of ${whose} date of birth.`,
});

export const INSURANCE_MESSAGES = {
  name: MESSAGES.name,
  phone: MESSAGES.phone,
  email: MESSAGES.email,
  callTime: MESSAGES.callTime,
  dateOfBirth: birth('your'),
  insurer: {
    required: 'Please choose your insurance company, or "Other" if it is not in the list.',
    invalid: 'Please choose your insurance company from the list, or "Other".',
  },
  insurerOther: {
    required: 'Please tell us the name of your insurance company.',
    tooLong: `Please shorten the insurance company's name to ${INSURANCE_LIMITS.insurerOtherMax} characters or fewer.`,
    invalid:
      'The insurance company name has a hidden or special character we cannot use. Please type it again.',
  },
  memberId: {
    required: 'Please enter the member ID from your insurance card.',
    invalid: `Please enter the member ID as it is on your card: ${INSURANCE_LIMITS.memberIdMin} to ${INSURANCE_LIMITS.memberIdMax} letters, numbers, spaces or dashes.`,
  },
  groupNumber: {
    invalid: `Please enter the group number as it is on your card (up to ${INSURANCE_LIMITS.groupNumberMax} letters, numbers, spaces or dashes), or leave it empty.`,
  },
  policyholder: { invalid: 'Please choose whose name the plan is in.' },
  policyholderName: {
    required: 'Please enter the name of the person whose plan it is.',
    tooLong: MESSAGES.name.tooLong.replace('your name', 'the name'),
    invalid: 'The name has a hidden or special character we cannot use. Please type it again.',
  },
  policyholderDateOfBirth: birth("the plan holder's"),
  state: { invalid: 'Please choose the state you live in from the list, or leave it empty.' },
  consent: {
    required:
      'Please tick the box to say we may check your coverage and call you. We can only do it with your OK.',
  },
} as const;
