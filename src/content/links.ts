/**
 * The outside addresses the bot links to, in one place so a review touches one file. They are
 * destinations, not copy: the words on the buttons live in locales/<lang>/strings/.
 */
export const LINKS = {
  nhsTalkingTherapiesFinder: 'https://www.nhs.uk/service-search/mental-health/find-an-nhs-talking-therapies-service/',
  iptUk: 'https://iptuk.org',
  bacpRegister: 'https://www.bacp.co.uk/search/Register',
  ukcpRegister: 'https://www.psychotherapy.org.uk/find-a-therapist/',
} as const;

/** Where the privacy notice links when the clinic has not configured its own page. */
export const DEFAULT_PRIVACY_PATH = '/privacy';
