// cytoscape-svg ships no types: it is a Cytoscape extension registered with cytoscape.use().
declare module 'cytoscape-svg' {
  import type { Ext } from 'cytoscape';
  const extension: Ext;
  export default extension;
}
