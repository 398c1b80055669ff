/** The Frictionless JavaScript library has no types of its own: the little the tests use. */
declare module 'datapackage' {
  interface Resource {
    name: string;
    tabular: boolean;
    read(options?: { keyed?: boolean; relations?: boolean }): Promise<unknown[]>;
  }
  interface Package {
    valid: boolean;
    errors: Error[];
    descriptor: { licenses: { name: string }[] } & Record<string, unknown>;
    resources: Resource[];
  }
  const datapackage: { Package: { load(descriptor: string | object, basePath?: string): Promise<Package> } };
  export default datapackage;
}
