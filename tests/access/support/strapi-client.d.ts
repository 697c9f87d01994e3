// The project compiles with `moduleResolution: node`, which ignores the `exports` map through
// which @strapi/client 1.6 publishes its types (it has no `types` field). This points the
// compiler at the same declaration file; at run time jest resolves the package normally.
declare module '@strapi/client' {
  export * from '@strapi/client/dist/exports';
}
