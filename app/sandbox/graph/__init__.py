"""The Graph sandbox: Microsoft Graph and its authority, over TLS on loopback, for msal and the
Entra source.

- server: `GraphSandbox`, `GraphSandboxConfig`, `RecordedRequest`; serving and the ASGI glue;
- oauth: the OAuth side (app registrations, OpenID configuration, device code, token
  endpoint, the access tokens handed out);
- api: the Graph side (routing of /users, /groups, /servicePrincipals, members, delta;
  throttling, permissions, paging, delta rounds, expired links); query: its OData options
  ($select, $expand, $filter, $orderby) judged against metadata (Microsoft's entity members,
  resources/vendor/graph-v1-entity-members.json); responses: the answers' and errors' forms;
- data: the tenant (`GraphTenant`: users, groups, members, managers, applications,
  assignments, numbered changes); properties: what is kept of each object and `project`;
  sample: the sample tenant for a seed.

Import `app.sandbox.graph.server` for `GraphSandbox`; this module stays empty.
"""
