// Starts Web Chat on the clinic page. Served as a file (no inline script) so the page's
// Content-Security-Policy can forbid inline scripts. Settings arrive in the #ipt-config JSON block.
(function () {
  'use strict';

  var config = JSON.parse(document.getElementById('ipt-config').textContent);
  var statusEl = document.getElementById('chat-status');
  var failedEl = document.getElementById('chat-failed');
  var bannerEl = document.getElementById('crisis-banner');
  var bannerTemplate = document.getElementById('crisis-banner-template');

  // Colours checked for WCAG AA contrast (4.5:1 or more) on their backgrounds.
  var styleOptions = {
    accent: '#005eb8',
    backgroundColor: '#ffffff',
    primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
    fontSizeSmall: '85%',
    subtle: '#4c6272',
    timestampColor: '#4c6272',
    bubbleBackground: '#eef3f6',
    bubbleBorderColor: '#c7d3dc',
    bubbleBorderWidth: 1,
    bubbleBorderRadius: 10,
    bubbleTextColor: '#212b32',
    bubbleFromUserBackground: '#005eb8',
    bubbleFromUserBorderColor: '#005eb8',
    bubbleFromUserBorderRadius: 10,
    bubbleFromUserTextColor: '#ffffff',
    bubbleMaxWidth: 560,
    bubbleMinHeight: 36,
    suggestedActionLayout: 'flow',
    suggestedActionBackgroundColor: '#ffffff',
    suggestedActionBorderColor: '#005eb8',
    suggestedActionBorderWidth: 2,
    suggestedActionBorderRadius: 8,
    suggestedActionTextColor: '#003d78',
    suggestedActionHeight: 44,
    sendBoxBackground: '#ffffff',
    sendBoxTextColor: '#212b32',
    sendBoxPlaceholderColor: '#4c6272',
    sendBoxButtonColor: '#005eb8',
    sendBoxButtonColorOnHover: '#003d78',
    sendBoxBorderTop: 'solid 2px #c7d3dc',
    sendBoxHeight: 52,
    hideUploadButton: true,
    rootHeight: '100%',
    rootWidth: '100%',
    transcriptVisualKeyboardIndicatorColor: '#212b32',
    transcriptActivityVisualKeyboardIndicatorColor: '#212b32',
    notificationText: '#212b32'
  };

  // The emergencySupport event (sent by the bot's emergency dialog) pins the crisis banner. It
  // stays for the rest of the visit: once someone may be at risk, the numbers must not scroll away.
  function showCrisisBanner(value) {
    var severity = value && value.severity === 'concern' ? 'concern' : 'immediate';
    if (!bannerEl.firstChild) {
      bannerEl.appendChild(bannerTemplate.content.cloneNode(true));
    }
    bannerEl.setAttribute('data-severity', severity);
    var leads = bannerEl.querySelectorAll('[data-severity]');
    for (var i = 0; i < leads.length; i++) {
      leads[i].hidden = leads[i].getAttribute('data-severity') !== severity;
    }
    bannerEl.classList.add('crisis-banner--shown');
  }

  function isEmergencyEvent(activity) {
    return activity && activity.type === 'event' && activity.name === 'emergencySupport';
  }

  function fail() {
    statusEl.hidden = true;
    failedEl.hidden = false;
  }

  function start(credentials) {
    var directLine = window.WebChat.createDirectLine({
      token: credentials.token,
      domain: new URL(config.domain, window.location.href).href.replace(/\/$/, ''),
      webSocket: config.webSocket
    });
    var store = window.WebChat.createStore({}, function () {
      return function (next) {
        return function (action) {
          if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && isEmergencyEvent(action.payload.activity)) {
            showCrisisBanner(action.payload.activity.value);
          }
          if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
            statusEl.hidden = true;
          }
          return next(action);
        };
      };
    });
    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        store: store,
        userID: credentials.userId,
        locale: config.locale,
        styleOptions: styleOptions,
        overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: config.strings.placeholder }
      },
      document.getElementById('webchat')
    );
  }

  if (!window.WebChat) {
    fail();
    return;
  }

  fetch(config.tokenUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
    credentials: 'same-origin'
  })
    .then(function (response) {
      if (!response.ok) throw new Error('token request failed: ' + response.status);
      return response.json();
    })
    .then(start)
    .catch(fail);
})();
