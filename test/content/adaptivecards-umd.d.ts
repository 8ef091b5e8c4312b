/**
 * adaptivecards' "main" is an ES module build that Node cannot load (extensionless imports); its
 * UMD bundle in dist/ loads fine in Node without a DOM for parsing and validation. Same API.
 */
declare module 'adaptivecards/dist/adaptivecards.js' {
  export * from 'adaptivecards';
}
