import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { t } from '../src/content/i18n';
import { classifyKeep } from '../src/language/controlWords';
import type { UserProfile } from '../src/profile';
import { readProfileUpdate, type ProfileUpdate } from '../src/language/profileUpdate';
import { readNationLineRequest } from '../src/safety/routeRequest';
import { withActions, withButtons } from './replies';

/**
 * Nation and age group belong to one conversation. They are kept for the next one only when the
 * person asks ("remember me"), and dropped when they ask again ("forget me"). Nothing else about a
 * person is ever kept.
 */
export interface ProfileStores {
  /** This conversation's profile. */
  profile: StatePropertyAccessor<UserProfile>;
  /** The profile the person asked us to keep between conversations. */
  keptProfile?: StatePropertyAccessor<UserProfile>;
}

function isEmpty(profile: UserProfile | undefined): boolean {
  return !profile || (profile.nation === undefined && profile.ageGroup === undefined);
}

/** At a conversation's start: what the person asked us to keep comes back. */
export async function restoreKeptProfile(context: TurnContext, stores: ProfileStores): Promise<void> {
  if (!stores.keptProfile) return;
  const kept = await stores.keptProfile.get(context);
  if (isEmpty(kept) || !isEmpty(await stores.profile.get(context))) return;
  await stores.profile.set(context, { ...kept });
}

/** "remember me" or "forget me": acts on it and replies, or returns false when the message is neither. */
export async function handleKeepChoice(context: TurnContext, stores: ProfileStores): Promise<boolean> {
  if (!stores.keptProfile) return false;
  const choice = classifyKeep(context.activity.locale ?? '', context.activity.text ?? '');
  if (!choice) return false;
  const locale = context.activity.locale ?? '';
  if (choice === 'forget') {
    await stores.keptProfile.delete(context);
    await stores.profile.delete(context);
    await context.sendActivity(withButtons(t(locale, 'common:profileForgotten'), []));
    return true;
  }
  const profile = await stores.profile.get(context);
  if (isEmpty(profile)) {
    await context.sendActivity(withButtons(t(locale, 'common:profileNothingToKeep'), []));
    return true;
  }
  await stores.keptProfile.set(context, { ...profile });
  await context.sendActivity(withButtons(t(locale, 'common:profileKept'), []));
  return true;
}

/**
 * Keeps what a message says about nation or age in this conversation's profile, silently. Returns
 * the update and the profile after it, or undefined when the message says neither. The safety
 * dialogs use this before a crisis reply, so "im 15 and..." or "live in dundee..." tailors the routes.
 */
export async function keepProfileFrom(context: TurnContext, stores: ProfileStores): Promise<{ update: ProfileUpdate; profile: UserProfile } | undefined> {
  const text = context.activity.text ?? '';
  // "is there a scottish number or is it all english ones": asking for a nation's own line says
  // where the person is, and the nation asked for wins over any named after it.
  const asked = readNationLineRequest(text, context.activity.locale ?? '')?.nation;
  const read = readProfileUpdate(text);
  const update: ProfileUpdate | undefined = asked ? { ...read, nation: asked, onlyContext: false } : read;
  if (asked && read?.nation !== asked) delete update?.place;
  if (!update) return undefined;
  const profile = { ...((await stores.profile.get(context)) ?? {}) };
  if (update.nation) profile.nation = update.nation;
  if (update.ageGroup) profile.ageGroup = update.ageGroup;
  else if (update.adult && profile.ageGroup === 'under_18') delete profile.ageGroup;
  await stores.profile.set(context, profile);
  return { update, profile };
}

/**
 * "I'm 18 now", "I've moved to Bristol": this conversation's profile follows what the person says.
 * A message that says nothing else is acknowledged, so it can be corrected; otherwise the message
 * goes on to be answered with the new context. Returns what was kept (onlyContext: acknowledged).
 */
export async function noteProfileUpdate(context: TurnContext, stores: ProfileStores): Promise<ProfileUpdate | undefined> {
  const kept = await keepProfileFrom(context, stores);
  if (!kept?.update.onlyContext) return kept?.update;
  const { update } = kept;
  const locale = context.activity.locale ?? '';
  const lines: string[] = [];
  if (update.nation) lines.push(t(locale, 'common:notedPlace', { place: update.place ?? t(locale, `suitability:questions.nation.choices.${update.nation}`), nation: t(locale, `suitability:questions.nation.choices.${update.nation}`) }));
  if (update.ageGroup || update.adult) lines.push(t(locale, update.ageGroup === 'under_18' ? 'common:notedUnder18' : 'common:notedAge'));
  lines.push(t(locale, 'common:notedHow'));
  await context.sendActivity(withActions(locale, lines.join(' '), ['AccessNhs', 'SuitabilityCheck', 'HumanContact']));
  return update;
}
