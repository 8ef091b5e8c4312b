import { linkList } from './linkList';

/**
 * The outside addresses the cards link to, by their id in the one links list
 * (locales/en-GB/links.json, each with the date it was checked). The words on the buttons live in
 * locales/<lang>/strings/.
 */
function url(id: string): string {
  const link = linkList().get(id);
  if (!link) throw new Error(`links.json has no link "${id}"`);
  return link.url;
}

export const LINKS = {
  get nhsTalkingTherapiesFinder(): string {
    return url('nhs-talking-therapies-finder');
  },
  get iptUk(): string {
    return url('iptuk-find-therapist');
  },
  get bacpRegister(): string {
    return url('bacp-register');
  },
  get ukcpRegister(): string {
    return url('ukcp-find-therapist');
  },
};

/** Where the privacy notice links when the clinic has not configured its own page. */
export const DEFAULT_PRIVACY_PATH = '/privacy';
