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

  // Web Chat's own host config for Adaptive Cards, with the page's colours and larger type: the
  // crisis card must be as easy to read as the chat bubbles (Web Chat's default is 14 px).
  var adaptiveCardsHostConfig = {
    containerStyles: {
      default: {
        foregroundColors: {
          default: { default: '#212b32', subtle: '#4c6272' },
          accent: { default: '#005eb8', subtle: '#003d78' },
          attention: { default: '#a4211a', subtle: '#7a1813' },
          dark: { default: '#000000', subtle: '#4c6272' },
          good: { default: '#0b6a0b', subtle: '#0b6a0b' },
          light: { default: '#ffffff', subtle: '#4c6272' },
          warning: { default: '#8a4600', subtle: '#8a4600' }
        }
      },
      emphasis: { backgroundColor: '#f0f4f5', foregroundColors: { default: { default: '#212b32', subtle: '#4c6272' } } },
      accent: { backgroundColor: '#e8f1fa', foregroundColors: { default: { default: '#212b32', subtle: '#4c6272' } } },
      good: { backgroundColor: '#e6f4e6', foregroundColors: { default: { default: '#212b32', subtle: '#4c6272' } } },
      attention: { backgroundColor: '#fdf0ef', foregroundColors: { default: { default: '#212b32', subtle: '#4c6272' } } },
      warning: { backgroundColor: '#fff4e0', foregroundColors: { default: { default: '#212b32', subtle: '#4c6272' } } }
    },
    supportsInteractivity: true,
    fontFamily: styleOptions.primaryFont,
    fontSizes: { small: 14, default: 16, medium: 18, large: 21, extraLarge: 26 },
    imageSizes: { small: 40, medium: 80, large: 160 },
    actions: {
      actionAlignment: 'stretch',
      actionsOrientation: 'vertical',
      buttonSpacing: 8,
      maxActions: 100,
      showCard: { actionMode: 'inline', inlineTopMargin: 8 },
      spacing: 'default'
    },
    adaptiveCard: { allowCustomStyle: false },
    imageSet: { imageSize: 'medium', maxImageHeight: 100 },
    factSet: {
      title: { color: 'default', size: 'default', isSubtle: false, weight: 'bolder', wrap: true, maxWidth: 150 },
      value: { color: 'default', size: 'default', isSubtle: false, weight: 'default', wrap: true },
      spacing: 8
    },
    textBlock: { headingLevel: 3 }
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

  // Web Chat only opens card links with schemes on its allow-list (http, https, mailto, tel, ...),
  // and sms: is not on it, so the crisis card's "Text SHOUT to 85258" button would do nothing.
  // Open strictly-formed sms: links as a tapped link would; everything else goes to Web Chat.
  var SMS_LINK = /^sms:\+?[0-9]{3,15}(\?&?body=[A-Za-z0-9]{1,20})?$/;

  function cardActionMiddleware() {
    return function (next) {
      return function (args) {
        var action = args && args.cardAction;
        var value = action && typeof action.value === 'string' ? action.value.trim() : '';
        if (action && action.type === 'openUrl' && SMS_LINK.test(value)) {
          var link = document.createElement('a');
          link.href = value;
          link.hidden = true;
          document.body.appendChild(link);
          link.click();
          link.remove();
          return undefined;
        }
        return next(args);
      };
    };
  }

  // The check's summary arrives with a marker in channelData (the bot's savedSummary.ts): the
  // Copy, Save and Print controls under the chat then keep that text. Nothing is sent anywhere.
  var SUMMARY_MARKER = 'iptGuideSummary';
  var summaryTools = document.getElementById('summary-tools');
  var summaryStatus = document.getElementById('summary-status');
  var summaryPrint = document.getElementById('summary-print');
  var latestSummary = null;

  function summaryOf(activity) {
    var data = activity && activity.channelData && activity.channelData[SUMMARY_MARKER];
    return data && typeof data.text === 'string' && typeof data.title === 'string' ? data : null;
  }

  function summaryText() {
    return latestSummary.title + '\n\n' + latestSummary.text + '\n';
  }

  function say(message) {
    summaryStatus.textContent = message;
  }

  function copySummary() {
    var text = summaryText();
    var fallback = function () {
      var area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.className = 'summary-copy-area';
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try {
        ok = document.execCommand('copy');
      } catch {
        ok = false;
      }
      area.remove();
      say(summaryTools.getAttribute(ok ? 'data-copied' : 'data-copy-failed'));
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () {
        say(summaryTools.getAttribute('data-copied'));
      }, fallback);
    } else {
      fallback();
    }
  }

  function saveSummary() {
    var url = URL.createObjectURL(new Blob([summaryText()], { type: 'text/plain;charset=utf-8' }));
    var link = document.createElement('a');
    link.href = url;
    link.download = summaryTools.getAttribute('data-file-name');
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () {
      URL.revokeObjectURL(url);
    }, 1000);
    say(summaryTools.getAttribute('data-saved'));
  }

  function printSummary() {
    // The print stylesheet shows only this block, so the chat and the page are not printed.
    summaryPrint.textContent = summaryText();
    window.print();
  }

  function showSummaryTools(summary) {
    latestSummary = summary;
    summaryStatus.textContent = '';
    summaryTools.hidden = false;
  }

  summaryTools.addEventListener('click', function (event) {
    var button = event.target.closest('[data-summary-action]');
    if (!button || !latestSummary) return;
    var action = button.getAttribute('data-summary-action');
    if (action === 'copy') copySummary();
    if (action === 'save') saveSummary();
    if (action === 'print') printSummary();
  });

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
          if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && summaryOf(action.payload.activity)) {
            showSummaryTools(summaryOf(action.payload.activity));
          }
          if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
            statusEl.hidden = true;
          }
          if (action.type === 'DIRECT_LINE/CONNECT_REJECTED') {
            fail();
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
        adaptiveCardsHostConfig: adaptiveCardsHostConfig,
        cardActionMiddleware: cardActionMiddleware,
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
