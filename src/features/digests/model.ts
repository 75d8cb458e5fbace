// Who receives a digest: the row shape the service and cards share.

/** A person a digest goes to, with where and when they want it. */
export type Recipient = {
  id: number;
  name: string;
  orgId: number | null;
  locale: string;
  digestTime: string | null;
  digestChat: boolean;
  digestEmail: boolean;
  email: string | null;
  roles: Set<string>;
};
