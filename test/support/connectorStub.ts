// The loopback Bot Connector stand-in lives beside the scripts, which use it too (eval:api).
export * from '../../scripts/lib/connectorStub';
