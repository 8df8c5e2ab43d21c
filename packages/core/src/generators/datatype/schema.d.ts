export interface DatatypeGeneratorSchema {
  /** Datatype name: lower-case letters and digits, starting with a letter. */
  name: string;
  /** The connector's system name (or its project name `<system>-connector`). */
  connector: string;
  /** collect | webhook | webhook-registry | share | raw. Default collect. */
  pattern?: string;
  /** Human-readable name (manifest label). Default: the name capitalised. */
  label?: string;
  /** webhook pattern: topics, comma-separated (e.g. order/create,order/update). */
  topics?: string | string[];
  /** collect/webhook pattern: also write changes back to the system (a `-share` pipe). */
  share?: boolean;
  /** The list operation's URL; every other role's default URL derives from its path. Default: the name. */
  listUrl?: string;
  /**
   * webhook pattern on a connector without the `webhook` registry datatype: add it (and the manifest
   * fields webhooks need). Not given: asked when interactive, otherwise yes.
   */
  addRegistry?: boolean;
}
