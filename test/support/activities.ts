let counter = 0;

/** A message activity as the Emulator would send it, replying to the given serviceUrl. */
export function messageActivity(serviceUrl: string, text: string, conversationId = `conv-${++counter}`) {
  return {
    type: 'message',
    id: `act-${++counter}`,
    channelId: 'emulator',
    serviceUrl,
    from: { id: 'user-1', name: 'Test User', role: 'user' },
    recipient: { id: 'bot', name: 'IPT guide', role: 'bot' },
    conversation: { id: conversationId },
    locale: 'en-GB',
    timestamp: new Date().toISOString(),
    text,
  };
}

export function conversationUpdate(serviceUrl: string, conversationId = `conv-${++counter}`) {
  return {
    type: 'conversationUpdate',
    id: `act-${++counter}`,
    channelId: 'emulator',
    serviceUrl,
    from: { id: 'user-1', role: 'user' },
    recipient: { id: 'bot', role: 'bot' },
    conversation: { id: conversationId },
    membersAdded: [{ id: 'bot' }, { id: 'user-1' }],
    locale: 'en-GB',
  };
}
