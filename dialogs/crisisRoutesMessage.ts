import { CardFactory, MessageFactory, type Activity, type Attachment } from 'botbuilder';
import { t } from '../src/content/i18n';
import { crisisRouteTable, routesFor, type RouteQuery } from '../src/safety/crisisRoutes';
import { routeLine, routesListText } from '../src/safety/crisisRoutesText';
import { urgent } from '../src/transcripts/replyMarkers';

/**
 * The crisis routes as one message: every number in the text (readable anywhere, even where cards
 * do not render) and an Adaptive Card 1.5 whose Action.OpenUrl buttons open tel:, sms: and mailto:
 * links in Web Chat and Teams. One ActionSet per route keeps every button visible on hosts that cap
 * the number of top-level card actions.
 */
export function crisisRoutesCard(locale: string, query: RouteQuery): Attachment {
  const routes = routesFor(query, crisisRouteTable(locale));
  const body: object[] = [
    { type: 'TextBlock', text: t(locale, 'safety:emergency.cardTitle'), weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', text: t(locale, 'safety:emergency.cardSubtitle'), isSubtle: true, wrap: true, spacing: 'None' },
  ];
  for (const route of routes) {
    body.push({
      type: 'Container',
      separator: true,
      items: [
        { type: 'TextBlock', text: routeLine(locale, route), wrap: true },
        {
          type: 'ActionSet',
          actions: [
            {
              type: 'Action.OpenUrl',
              title: t(locale, route.actionKey, { value: route.value, body: route.body ?? '' }),
              url: route.uri,
            },
          ],
        },
      ],
    });
  }
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
  });
}

/** `lead`, then the routes as text, with the card attached. Marked urgent: it never waits for a state save. */
export function crisisRoutesActivity(locale: string, query: RouteQuery, lead: string): Partial<Activity> {
  const text = `${lead}\n\n${routesListText(locale, query)}`;
  return urgent(MessageFactory.attachment(crisisRoutesCard(locale, query), text));
}
