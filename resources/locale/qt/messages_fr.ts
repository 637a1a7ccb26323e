<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
  <context>
    <name>Messages</name>
    <message>
      <source>a {content_type} body</source>
      <extracomment>bulk.body.typed</extracomment>
      <translation>un contenu {content_type}</translation>
    </message>
    <message>
      <source>untyped</source>
      <extracomment>bulk.body.untyped</extracomment>
      <translation>sans type</translation>
    </message>
    <message>
      <source>The target answered a bulk status that is not a number ({value}).</source>
      <extracomment>bulk.error.bad_status</extracomment>
      <translation>La cible a répondu par un statut bulk qui n’est pas un nombre ({value}).</translation>
    </message>
    <message>
      <source>The target answered a bulk request without its operations.</source>
      <extracomment>bulk.error.no_operations</extracomment>
      <translation>La cible a répondu à une requête bulk sans ses opérations.</translation>
    </message>
    <message>
      <source>The target answered a bulk operation that is not an object.</source>
      <extracomment>bulk.error.not_object</extracomment>
      <translation>La cible a répondu par une opération bulk qui n’est pas un objet.</translation>
    </message>
    <message>
      <source>The target answered bulk with HTTP {status} and {what}, not SCIM JSON.</source>
      <extracomment>bulk.error.not_scim</extracomment>
      <translation>La cible a répondu à la requête bulk par HTTP {status} et {what}, pas du JSON SCIM.</translation>
    </message>
    <message>
      <source>One bulk operation is {size} bytes, more than the {most} bytes the target accepts in a bulk request; it was not sent.</source>
      <extracomment>bulk.error.too_large</extracomment>
      <translation>Une opération bulk fait {size} octets, plus que les {most} octets que la cible accepte dans une requête bulk ; elle n’a pas été envoyée.</translation>
    </message>
    <message>
      <source>Check the attribute mappings for a very long value.</source>
      <extracomment>bulk.step.too_large</extracomment>
      <translation>Vérifiez les correspondances d’attributs pour une valeur très longue.</translation>
    </message>
    <message>
      <source>bulk up to {most} operations</source>
      <extracomment>check.discovery.bulk</extracomment>
      <translation>bulk jusqu’à {most} opérations</translation>
    </message>
    <message>
      <source>filtering</source>
      <extracomment>check.discovery.filtering</extracomment>
      <translation>filtrage</translation>
    </message>
    <message>
      <source>no bulk</source>
      <extracomment>check.discovery.no_bulk</extracomment>
      <translation>pas de bulk</translation>
    </message>
    <message>
      <source>no filtering</source>
      <extracomment>check.discovery.no_filtering</extracomment>
      <translation>pas de filtrage</translation>
    </message>
    <message>
      <source>no PATCH</source>
      <extracomment>check.discovery.no_patch</extracomment>
      <translation>pas de PATCH</translation>
    </message>
    <message>
      <source>The app publishes no ServiceProviderConfig: the core User and Group schemas are assumed.</source>
      <extracomment>check.discovery.none</extracomment>
      <translation>L’application ne publie pas de ServiceProviderConfig : les schémas User et Group de base sont supposés.</translation>
    </message>
    <message>
      <source>The app offers {bulk}, {filtering}, {patch}.</source>
      <extracomment>check.discovery.offers</extracomment>
      <translation>L’application offre {bulk}, {filtering}, {patch}.</translation>
    </message>
    <message>
      <source>PATCH</source>
      <extracomment>check.discovery.patch</extracomment>
      <translation>PATCH</translation>
    </message>
    <message>
      <source>application id {app_id}</source>
      <extracomment>check.entra.application.by_id</extracomment>
      <translation>ID d’application {app_id}</translation>
    </message>
    <message>
      <source>name {name!r}</source>
      <extracomment>check.entra.application.by_name</extracomment>
      <translation>nom {name!r}</translation>
    </message>
    <message>
      <source>Without Application.Read.All the application cannot be looked up.</source>
      <extracomment>check.entra.application.no_permission</extracomment>
      <translation>Sans Application.Read.All, l’application ne peut pas être recherchée.</translation>
    </message>
    <message>
      <source>Grant the permission first.</source>
      <extracomment>check.entra.application.no_permission.next</extracomment>
      <translation>Accordez d’abord l’autorisation.</translation>
    </message>
    <message>
      <source>{name} is found but nobody is assigned to it.</source>
      <extracomment>check.entra.application.nobody</extracomment>
      <translation>{name} est trouvée, mais personne n’y est affecté.</translation>
    </message>
    <message>
      <source>Assign users or groups under Enterprise applications &gt; Cisco Webex &gt; Users and groups, or use the scope 'all'.</source>
      <extracomment>check.entra.application.nobody.next</extracomment>
      <translation>Affectez des utilisateurs ou des groupes dans Applications d’entreprise &gt; Cisco Webex &gt; Utilisateurs et groupes, ou utilisez l’étendue « all ».</translation>
    </message>
    <message>
      <source>No enterprise application with the {described} exists in the tenant.</source>
      <extracomment>check.entra.application.not_found</extracomment>
      <translation>Aucune application d’entreprise ({described}) n’existe dans le locataire.</translation>
    </message>
    <message>
      <source>Add Cisco Webex from the Entra gallery (Enterprise applications &gt; New application), or give its exact name (--app-name) or application id (--app-id).</source>
      <extracomment>check.entra.application.not_found.next</extracomment>
      <translation>Ajoutez Cisco Webex depuis la galerie Entra (Applications d’entreprise &gt; Nouvelle application), ou indiquez son nom exact (--app-name) ou son ID d’application (--app-id).</translation>
    </message>
    <message>
      <source>Found {name} (application id {app_id}): {users} and {groups} assigned.</source>
      <extracomment>check.entra.application.passed</extracomment>
      <translation>{name} trouvée (ID d’application {app_id}) : {users} et {groups} affectés.</translation>
    </message>
    <message>
      <source>The scope is all users and groups: assignments are not read.</source>
      <extracomment>check.entra.application.scope_all</extracomment>
      <translation>L’étendue couvre tous les utilisateurs et groupes : les affectations ne sont pas lues.</translation>
    </message>
    <message numerus="yes">
      <source>{count} enterprise application has the {described}.</source>
      <extracomment>check.entra.application.several</extracomment>
      <translation>
        <numerusform>{count} application d’entreprise correspond ({described}).</numerusform>
        <numerusform>{count} applications d’entreprise correspondent ({described}).</numerusform>
      </translation>
    </message>
    <message>
      <source>Choose one by its application id (--app-id).</source>
      <extracomment>check.entra.application.several.next</extracomment>
      <translation>Choisissez-en une par son ID d’application (--app-id).</translation>
    </message>
    <message numerus="yes">
      <source>{count} group</source>
      <extracomment>check.entra.count.groups csv.summary.groups</extracomment>
      <translation>
        <numerusform>{count} groupe</numerusform>
        <numerusform>{count} groupes</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{count} user</source>
      <extracomment>check.entra.count.users csv.summary.users</extracomment>
      <translation>
        <numerusform>{count} utilisateur</numerusform>
        <numerusform>{count} utilisateurs</numerusform>
      </translation>
    </message>
    <message>
      <source>application</source>
      <extracomment>check.entra.permission.application graph.permission_kind.application</extracomment>
      <translation>application</translation>
    </message>
    <message>
      <source>delegated</source>
      <extracomment>check.entra.permission.delegated graph.permission_kind.delegated</extracomment>
      <translation>déléguée</translation>
    </message>
    <message>
      <source>{permission} is granted.</source>
      <extracomment>check.entra.permission.granted</extracomment>
      <translation>{permission} est accordée.</translation>
    </message>
    <message>
      <source>In the Microsoft Entra admin center, open App registrations &gt; your app &gt; API permissions, add Microsoft Graph {permission} ({kind}) and click Grant admin consent.</source>
      <extracomment>check.entra.permission.next graph.consent.next</extracomment>
      <translation>Dans le centre d’administration Microsoft Entra, ouvrez Inscriptions d’applications &gt; votre application &gt; Autorisations d’API, ajoutez l’autorisation Microsoft Graph {permission} ({kind}) et cliquez sur Accorder un consentement d’administrateur.</translation>
    </message>
    <message>
      <source>{permission} is reads work (granted through another permission or role).</source>
      <extracomment>check.entra.permission.reads_work</extracomment>
      <translation>{permission} : les lectures fonctionnent (accordée par une autre autorisation ou un rôle).</translation>
    </message>
    <message>
      <source>Graph refused to read /{path}: the permission is not granted.</source>
      <extracomment>check.entra.permission.refused</extracomment>
      <translation>Graph a refusé de lire /{path} : l’autorisation n’est pas accordée.</translation>
    </message>
    <message>
      <source>Graph refused to read /{path} although the token lists the permission (consent may still be propagating).</source>
      <extracomment>check.entra.permission.refused_listed</extracomment>
      <translation>Graph a refusé de lire /{path} bien que le jeton indique l’autorisation (le consentement est peut-être encore en cours de propagation).</translation>
    </message>
    <message>
      <source>Check the authority and Graph addresses of the profile, the network and the DNS settings.</source>
      <extracomment>check.entra.reachable.dns.next</extracomment>
      <translation>Vérifiez les adresses de l’autorité et de Graph du profil, le réseau et les paramètres DNS.</translation>
    </message>
    <message>
      <source>{root} is not an https:// address.</source>
      <extracomment>check.entra.reachable.not_https</extracomment>
      <translation>{root} n’est pas une adresse https://.</translation>
    </message>
    <message>
      <source>Use https:// for the authority and Microsoft Graph (`webex-provisioner profile set NAME --authority URL --graph-url URL`).</source>
      <extracomment>check.entra.reachable.not_https.next</extracomment>
      <translation>Utilisez https:// pour l’autorité et Microsoft Graph (`webex-provisioner profile set NOM --authority URL --graph-url URL`).</translation>
    </message>
    <message>
      <source>{hosts} answered over TLS.</source>
      <extracomment>check.entra.reachable.passed</extracomment>
      <translation>{hosts} a répondu en TLS.</translation>
    </message>
    <message>
      <source>{first} and {second} answered over TLS.</source>
      <extracomment>check.entra.reachable.passed_two</extracomment>
      <translation>{first} et {second} ont répondu en TLS.</translation>
    </message>
    <message>
      <source>Check the authority and Graph addresses (and ports) of the profile, and the proxy settings (HTTPS_PROXY).</source>
      <extracomment>check.entra.reachable.refused.next</extracomment>
      <translation>Vérifiez les adresses (et les ports) de l’autorité et de Graph du profil, ainsi que les paramètres du proxy (HTTPS_PROXY).</translation>
    </message>
    <message>
      <source>If your network inspects TLS, give the profile your company's CA bundle (--entra-ca-file PEM) or set SSL_CERT_FILE and REQUESTS_CA_BUNDLE to it.</source>
      <extracomment>check.entra.reachable.tls.next</extracomment>
      <translation>Si votre réseau inspecte le TLS, donnez au profil le paquet d’autorités de certification de votre entreprise (--entra-ca-file PEM), ou faites-y pointer SSL_CERT_FILE et REQUESTS_CA_BUNDLE.</translation>
    </message>
    <message>
      <source>with the client secret</source>
      <extracomment>check.entra.sign_in.client_secret</extracomment>
      <translation>avec le secret client</translation>
    </message>
    <message>
      <source>by device code</source>
      <extracomment>check.entra.sign_in.device_code</extracomment>
      <translation>par code d’appareil</translation>
    </message>
    <message>
      <source>Signed in to tenant {tenant} {how} (client id {client}).</source>
      <extracomment>check.entra.sign_in.passed</extracomment>
      <translation>Connecté au locataire {tenant} {how} (ID client {client}).</translation>
    </message>
    <message>
      <source>Needs Microsoft Entra ID to be reachable.</source>
      <extracomment>check.entra.skip.reachable</extracomment>
      <translation>Nécessite que Microsoft Entra ID soit joignable.</translation>
    </message>
    <message>
      <source>Sign-in failed.</source>
      <extracomment>check.entra.skip.sign_in</extracomment>
      <translation>La connexion a échoué.</translation>
    </message>
    <message>
      <source>Enterprise application</source>
      <extracomment>check.entra.title.application</extracomment>
      <translation>Application d’entreprise</translation>
    </message>
    <message>
      <source>Permission {permission}</source>
      <extracomment>check.entra.title.permission</extracomment>
      <translation>Autorisation {permission}</translation>
    </message>
    <message>
      <source>Network to Microsoft Entra ID (DNS, TCP, TLS)</source>
      <extracomment>check.entra.title.reachable</extracomment>
      <translation>Réseau vers Microsoft Entra ID (DNS, TCP, TLS)</translation>
    </message>
    <message>
      <source>Sign-in to Microsoft Entra ID</source>
      <extracomment>check.entra.title.sign_in</extracomment>
      <translation>Connexion à Microsoft Entra ID</translation>
    </message>
    <message>
      <source>The token belongs to organisation {token_org}, the tenant URL names {url_org}.</source>
      <extracomment>check.org.other</extracomment>
      <translation>Le jeton appartient à l’organisation {token_org}, l’URL du locataire désigne {url_org}.</translation>
    </message>
    <message>
      <source>Use a token of an admin of {url_org}, or the tenant URL of your organisation (…/identity/scim/{token_org}/v2/).</source>
      <extracomment>check.org.other.next</extracomment>
      <translation>Utilisez le jeton d’un administrateur de {url_org}, ou l’URL du locataire de votre organisation (…/identity/scim/{token_org}/v2/).</translation>
    </message>
    <message>
      <source>Both are organisation {org}.</source>
      <extracomment>check.org.same</extracomment>
      <translation>Les deux désignent l’organisation {org}.</translation>
    </message>
    <message>
      <source>The token belongs to a bot: a bot cannot provision.</source>
      <extracomment>check.person.bot</extracomment>
      <translation>Le jeton appartient à un bot : un bot ne peut pas provisionner.</translation>
    </message>
    <message>
      <source>Use an admin's token (a full admin or user admin of the organisation).</source>
      <extracomment>check.person.bot.next</extracomment>
      <translation>Utilisez le jeton d’un administrateur (administrateur complet ou administrateur des utilisateurs de l’organisation).</translation>
    </message>
    <message>
      <source>The token belongs to an account of type {kind!r}; it can provision only with the identity:people_rw scope.</source>
      <extracomment>check.person.other</extracomment>
      <translation>Le jeton appartient à un compte de type {kind!r} ; il ne peut provisionner qu’avec la portée identity:people_rw.</translation>
    </message>
    <message>
      <source>The token belongs to a person.</source>
      <extracomment>check.person.person</extracomment>
      <translation>Le jeton appartient à une personne.</translation>
    </message>
    <message>
      <source>{host} answered over {how}, {version}.</source>
      <extracomment>check.reachable.passed</extracomment>
      <translation>{host} a répondu en {how}, {version}.</translation>
    </message>
    <message>
      <source>{host} answered over {how}, {version} through the proxy {proxy}.</source>
      <extracomment>check.reachable.passed_proxy</extracomment>
      <translation>{host} a répondu en {how}, {version} par le proxy {proxy}.</translation>
    </message>
    <message>
      <source>plain HTTP (this computer)</source>
      <extracomment>check.reachable.plain_http</extracomment>
      <translation>HTTP simple (cet ordinateur)</translation>
    </message>
    <message>
      <source>TLS</source>
      <extracomment>check.reachable.tls mail.security.tls</extracomment>
      <translation>TLS</translation>
    </message>
    <message numerus="yes">
      <source>Result: {count} check failed.</source>
      <extracomment>check.report.failed</extracomment>
      <translation>
        <numerusform>Résultat : {count} vérification a échoué.</numerusform>
        <numerusform>Résultat : {count} vérifications ont échoué.</numerusform>
      </translation>
    </message>
    <message>
      <source>Test connection: {url}</source>
      <extracomment>check.report.heading</extracomment>
      <translation>Test de connexion : {url}</translation>
    </message>
    <message>
      <source>{title}: {reason}</source>
      <extracomment>check.report.line</extracomment>
      <translation>{title} : {reason}</translation>
    </message>
    <message>
      <source>FAILED</source>
      <extracomment>check.report.mark.failed</extracomment>
      <translation>ÉCHEC</translation>
    </message>
    <message>
      <source>ok</source>
      <extracomment>check.report.mark.passed</extracomment>
      <translation>ok</translation>
    </message>
    <message>
      <source>skipped</source>
      <extracomment>check.report.mark.skipped profile.show.invalid.skipped</extracomment>
      <translation>ignoré</translation>
    </message>
    <message>
      <source>unknown</source>
      <extracomment>check.report.mark.unknown</extracomment>
      <translation>inconnu</translation>
    </message>
    <message>
      <source>Next: {step}</source>
      <extracomment>check.report.next</extracomment>
      <translation>Ensuite : {step}</translation>
    </message>
    <message>
      <source>(no tenant URL)</source>
      <extracomment>check.report.no_url</extracomment>
      <translation>(pas d’URL de locataire)</translation>
    </message>
    <message>
      <source>Result: the connection works.</source>
      <extracomment>check.report.works</extracomment>
      <translation>Résultat : la connexion fonctionne.</translation>
    </message>
    <message>
      <source>The target has no SCIM Users endpoint at this URL.</source>
      <extracomment>check.scim_read.not_found</extracomment>
      <translation>La cible n’a pas de point de terminaison SCIM Users à cette URL.</translation>
    </message>
    <message>
      <source>Check the tenant URL.</source>
      <extracomment>check.scim_read.not_found.next scim.step.tenant_url</extracomment>
      <translation>Vérifiez l’URL du locataire.</translation>
    </message>
    <message>
      <source>Check the tenant URL. ({detail})</source>
      <extracomment>check.scim_read.not_found.next_detail</extracomment>
      <translation>Vérifiez l’URL du locataire. ({detail})</translation>
    </message>
    <message>
      <source>The token can read users.</source>
      <extracomment>check.scim_read.passed</extracomment>
      <translation>Le jeton peut lire les utilisateurs.</translation>
    </message>
    <message>
      <source>The token can read users ({count} in the tenant).</source>
      <extracomment>check.scim_read.passed_count</extracomment>
      <translation>Le jeton peut lire les utilisateurs ({count} dans le locataire).</translation>
    </message>
    <message>
      <source>Needs an accepted token.</source>
      <extracomment>check.skip.accepted_token</extracomment>
      <translation>Nécessite un jeton accepté.</translation>
    </message>
    <message>
      <source>Another SCIM app has no people/me; the SCIM read below tests the token.</source>
      <extracomment>check.skip.other_app</extracomment>
      <translation>Une autre application SCIM n’a pas de people/me ; la lecture SCIM ci-dessous teste le jeton.</translation>
    </message>
    <message>
      <source>Needs the target to be reachable.</source>
      <extracomment>check.skip.reachable</extracomment>
      <translation>Nécessite que la cible soit joignable.</translation>
    </message>
    <message>
      <source>Needs SCIM access.</source>
      <extracomment>check.skip.scim</extracomment>
      <translation>Nécessite l’accès SCIM.</translation>
    </message>
    <message>
      <source>Needs SCIM read access first.</source>
      <extracomment>check.skip.scim_read</extracomment>
      <translation>Nécessite d’abord l’accès en lecture SCIM.</translation>
    </message>
    <message>
      <source>Needs a token.</source>
      <extracomment>check.skip.token</extracomment>
      <translation>Nécessite un jeton.</translation>
    </message>
    <message>
      <source>Needs a valid tenant URL.</source>
      <extracomment>check.skip.url</extracomment>
      <translation>Nécessite une URL de locataire valide.</translation>
    </message>
    <message>
      <source>Needs a valid token.</source>
      <extracomment>check.skip.valid_token</extracomment>
      <translation>Nécessite un jeton valide.</translation>
    </message>
    <message>
      <source>SCIM discovery (ServiceProviderConfig)</source>
      <extracomment>check.title.discovery</extracomment>
      <translation>Découverte SCIM (ServiceProviderConfig)</translation>
    </message>
    <message>
      <source>Token of the URL's organisation</source>
      <extracomment>check.title.org</extracomment>
      <translation>Jeton de l’organisation de l’URL</translation>
    </message>
    <message>
      <source>Token of a person, not a bot</source>
      <extracomment>check.title.person</extracomment>
      <translation>Jeton d’une personne, pas d’un bot</translation>
    </message>
    <message>
      <source>Network (DNS, TCP, TLS)</source>
      <extracomment>check.title.reachable</extracomment>
      <translation>Réseau (DNS, TCP, TLS)</translation>
    </message>
    <message>
      <source>SCIM read (Users)</source>
      <extracomment>check.title.scim_read</extracomment>
      <translation>Lecture SCIM (Users)</translation>
    </message>
    <message>
      <source>Token accepted (people/me)</source>
      <extracomment>check.title.token</extracomment>
      <translation>Jeton accepté (people/me)</translation>
    </message>
    <message>
      <source>Token lifetime</source>
      <extracomment>check.title.token_expiry</extracomment>
      <translation>Durée de validité du jeton</translation>
    </message>
    <message>
      <source>Tenant URL</source>
      <extracomment>check.title.url</extracomment>
      <translation>URL du locataire</translation>
    </message>
    <message>
      <source>Permission to create and change users</source>
      <extracomment>check.title.write</extracomment>
      <translation>Autorisation de créer et de modifier des utilisateurs</translation>
    </message>
    <message>
      <source>Permission to create and change groups</source>
      <extracomment>check.title.write_groups</extracomment>
      <translation>Autorisation de créer et de modifier des groupes</translation>
    </message>
    <message>
      <source>No token was given.</source>
      <extracomment>check.token.missing cli.token.none token.error.none</extracomment>
      <translation>Aucun jeton n’a été fourni.</translation>
    </message>
    <message>
      <source>Paste the access token of a Webex admin.</source>
      <extracomment>check.token.missing.next</extracomment>
      <translation>Collez le jeton d’accès d’un administrateur Webex.</translation>
    </message>
    <message>
      <source>The token is {who}'s.</source>
      <extracomment>check.token.owner</extracomment>
      <translation>Le jeton est celui de {who}.</translation>
    </message>
    <message>
      <source>The token is {who}'s ({email}).</source>
      <extracomment>check.token.owner_email</extracomment>
      <translation>Le jeton est celui de {who} ({email}).</translation>
    </message>
    <message>
      <source>{days} days {hours} hours</source>
      <extracomment>check.token_expiry.days</extracomment>
      <translation>{days} j {hours} h</translation>
    </message>
    <message>
      <source>Webex did not tell ({error}).</source>
      <extracomment>check.token_expiry.error</extracomment>
      <translation>Webex ne l’a pas indiqué ({error}).</translation>
    </message>
    <message>
      <source>The token expired on {when}.</source>
      <extracomment>check.token_expiry.expired</extracomment>
      <translation>Le jeton a expiré le {when}.</translation>
    </message>
    <message>
      <source>{hours} hours {minutes} minutes</source>
      <extracomment>check.token_expiry.hours</extracomment>
      <translation>{hours} h {minutes} min</translation>
    </message>
    <message>
      <source>The token works until {when} ({span} left).</source>
      <extracomment>check.token_expiry.passed</extracomment>
      <translation>Le jeton fonctionne jusqu’au {when} (encore {span}).</translation>
    </message>
    <message>
      <source>This service does not tell when tokens expire.</source>
      <extracomment>check.token_expiry.unsupported</extracomment>
      <translation>Ce service n’indique pas quand les jetons expirent.</translation>
    </message>
    <message>
      <source>Another SCIM 2.0 app (not Webex): the orgId checks do not apply.</source>
      <extracomment>check.url.other_app</extracomment>
      <translation>Une autre application SCIM 2.0 (pas Webex) : les vérifications de l’orgId ne s’appliquent pas.</translation>
    </message>
    <message>
      <source>Webex tenant, organisation {org}.</source>
      <extracomment>check.url.webex</extracomment>
      <translation>Locataire Webex, organisation {org}.</translation>
    </message>
    <message>
      <source>The app does not tell in advance; the first provisioning will show it.</source>
      <extracomment>check.write.app_unknown</extracomment>
      <translation>L’application ne l’indique pas à l’avance ; le premier provisionnement le montrera.</translation>
    </message>
    <message>
      <source>The token's user can read users but not create or change them (roles: {roles}).</source>
      <extracomment>check.write.failed</extracomment>
      <translation>L’utilisateur du jeton peut lire les utilisateurs, mais pas les créer ni les modifier (rôles : {roles}).</translation>
    </message>
    <message>
      <source>Use the token of a full admin or a user admin.</source>
      <extracomment>check.write.failed.next</extracomment>
      <translation>Utilisez le jeton d’un administrateur complet ou d’un administrateur des utilisateurs.</translation>
    </message>
    <message>
      <source>The token's user is a {role}.</source>
      <extracomment>check.write.passed</extracomment>
      <translation>L’utilisateur du jeton a le rôle {role}.</translation>
    </message>
    <message>
      <source>The token's roles do not tell whether it may write; the first provisioning will show it.</source>
      <extracomment>check.write.unknown</extracomment>
      <translation>Les rôles du jeton n’indiquent pas s’il peut écrire ; le premier provisionnement le montrera.</translation>
    </message>
    <message>
      <source>{reason} The profile provisions groups: cycles provision the users and skip the groups.</source>
      <extracomment>check.write_groups.failed</extracomment>
      <translation>{reason} Le profil provisionne des groupes : les cycles provisionnent les utilisateurs et ignorent les groupes.</translation>
    </message>
    <message>
      <source>Use the token of a full admin, or turn off group provisioning in the profile.</source>
      <extracomment>check.write_groups.failed.next</extracomment>
      <translation>Utilisez le jeton d’un administrateur complet, ou désactivez le provisionnement des groupes dans le profil.</translation>
    </message>
    <message>
      <source>{reason} Cycles skip the groups, with this reason, if the profile provisions them.</source>
      <extracomment>check.write_groups.maybe</extracomment>
      <translation>{reason} Les cycles ignorent les groupes, pour cette raison, si le profil en provisionne.</translation>
    </message>
    <message>
      <source>{reason} The profile provisions no groups.</source>
      <extracomment>check.write_groups.no_groups</extracomment>
      <translation>{reason} Le profil ne provisionne aucun groupe.</translation>
    </message>
    <message>
      <source>The token's user is a {role}: groups can be written.</source>
      <extracomment>check.write_groups.passed</extracomment>
      <translation>L’utilisateur du jeton a le rôle {role} : les groupes peuvent être écrits.</translation>
    </message>
    <message>
      <source>Groups cannot be written with this token (roles: {roles}); only a full admin or a group admin may write them.</source>
      <extracomment>check.write_groups.refused</extracomment>
      <translation>Les groupes ne peuvent pas être écrits avec ce jeton (rôles : {roles}) ; seul un administrateur complet ou un administrateur des groupes peut les écrire.</translation>
    </message>
    <message>
      <source>The token's roles do not tell whether it may write groups; the first provisioning of a group will show it.</source>
      <extracomment>check.write_groups.unknown</extracomment>
      <translation>Les rôles du jeton n’indiquent pas s’il peut écrire des groupes ; le premier provisionnement d’un groupe le montrera.</translation>
    </message>
    <message numerus="yes">
      <source>{count} failed.</source>
      <extracomment>cli.cycle.failed_count</extracomment>
      <translation>
        <numerusform>{count} en échec.</numerusform>
        <numerusform>{count} en échec.</numerusform>
      </translation>
    </message>
    <message>
      <source>nothing to do</source>
      <extracomment>cli.cycle.nothing sync.summary.nothing</extracomment>
      <translation>rien à faire</translation>
    </message>
    <message>
      <source>Cycle {cycle} {outcome}: {done}.</source>
      <extracomment>cli.cycle.summary</extracomment>
      <translation>Cycle {cycle} {outcome} : {done}.</translation>
    </message>
    <message>
      <source>error: {error}</source>
      <extracomment>cli.error</extracomment>
      <translation>erreur : {error}</translation>
    </message>
    <message>
      <source>Running a cycle every {every}; press Ctrl+C to stop.</source>
      <extracomment>cli.every</extracomment>
      <translation>Un cycle toutes les {every} ; appuyez sur Ctrl+C pour arrêter.</translation>
    </message>
    <message>
      <source>interrupted</source>
      <extracomment>cli.interrupted cli.logs.outcome.interrupted</extracomment>
      <translation>interrompu</translation>
    </message>
    <message>
      <source>{value} is negative; give 0 (all rows) or a positive number</source>
      <extracomment>cli.limit.negative</extracomment>
      <translation>{value} est négatif ; donnez 0 (toutes les lignes) ou un nombre positif</translation>
    </message>
    <message>
      <source>{text!r} is not a whole number; give 0 (all rows) or a positive number</source>
      <extracomment>cli.limit.not_number</extracomment>
      <translation>« {text} » n’est pas un nombre entier ; donnez 0 (toutes les lignes) ou un nombre positif</translation>
    </message>
    <message>
      <source>Clear it? Only if process {pid} on {host} no longer runs. [y/N] </source>
      <extracomment>cli.lock.ask</extracomment>
      <translation>L’effacer ? Seulement si le processus {pid} sur {host} ne tourne plus. [y/N] </translation>
    </message>
    <message>
      <source>The lock record of profile {profile} was cleared.</source>
      <extracomment>cli.lock.cleared</extracomment>
      <translation>L’enregistrement du verrou du profil {profile} a été effacé.</translation>
    </message>
    <message>
      <source>The lock of profile {profile} is free: there is no record to clear.</source>
      <extracomment>cli.lock.free</extracomment>
      <translation>Le verrou du profil {profile} est libre : il n’y a aucun enregistrement à effacer.</translation>
    </message>
    <message>
      <source>Clearing the lock needs a confirmation, and there is no terminal to ask.</source>
      <extracomment>cli.lock.no_terminal</extracomment>
      <translation>Effacer le verrou demande une confirmation, et il n’y a aucun terminal pour la demander.</translation>
    </message>
    <message>
      <source>Check that process {pid} on {host} no longer runs a cycle, then run `webex-provisioner restart --profile {profile} --clear-lock --yes`.</source>
      <extracomment>cli.lock.no_terminal.next</extracomment>
      <translation>Vérifiez que le processus {pid} sur {host} n’exécute plus de cycle, puis lancez `webex-provisioner restart --profile {profile} --clear-lock --yes`.</translation>
    </message>
    <message>
      <source>Lock record of profile {profile}: {owner}.</source>
      <extracomment>cli.lock.record</extracomment>
      <translation>Enregistrement du verrou du profil {profile} : {owner}.</translation>
    </message>
    <message>
      <source>The last cycle ({cycle}) was interrupted at {done} of {planned} operations, at {when}.</source>
      <extracomment>cli.logs.interrupted_at</extracomment>
      <translation>Le dernier cycle ({cycle}) a été interrompu à {done} opérations sur {planned}, le {when}.</translation>
    </message>
    <message>
      <source>List its cycles with `webex-provisioner logs --profile {profile}`.</source>
      <extracomment>cli.logs.list_cycles</extracomment>
      <translation>Affichez ses cycles avec `webex-provisioner logs --profile {profile}`.</translation>
    </message>
    <message>
      <source>Profile {profile} has no cycle {cycle}.</source>
      <extracomment>cli.logs.no_cycle</extracomment>
      <translation>Le profil {profile} n’a pas de cycle {cycle}.</translation>
    </message>
    <message>
      <source>No log rows match.</source>
      <extracomment>cli.logs.no_rows</extracomment>
      <translation>Aucune ligne du journal ne correspond.</translation>
    </message>
    <message>
      <source>Profile {profile} has no provisioning log yet: no cycle has run.</source>
      <extracomment>cli.logs.none_yet</extracomment>
      <translation>Le profil {profile} n’a pas encore de journal de provisionnement : aucun cycle n’a été exécuté.</translation>
    </message>
    <message>
      <source>cancelled</source>
      <extracomment>cli.logs.outcome.cancelled cli.outcome.cancelled sync.outcome.word.cancelled</extracomment>
      <translation>annulé</translation>
    </message>
    <message>
      <source>completed</source>
      <extracomment>cli.logs.outcome.completed cli.outcome.completed sync.outcome.word.completed</extracomment>
      <translation>terminé</translation>
    </message>
    <message>
      <source>completed_with_failures</source>
      <extracomment>cli.logs.outcome.completed_with_failures</extracomment>
      <translation>terminé avec des échecs</translation>
    </message>
    <message>
      <source>failed</source>
      <extracomment>cli.logs.outcome.failed cli.outcome.failed sync.outcome.word.failed</extracomment>
      <translation>échoué</translation>
    </message>
    <message>
      <source>held</source>
      <extracomment>cli.logs.outcome.held cli.outcome.held sync.outcome.word.held</extracomment>
      <translation>retenu</translation>
    </message>
    <message>
      <source>quarantined</source>
      <extracomment>cli.logs.outcome.quarantined cli.outcome.quarantined sync.outcome.word.quarantined</extracomment>
      <translation>en quarantaine</translation>
    </message>
    <message>
      <source>interrupted, then resumed</source>
      <extracomment>cli.logs.outcome.resumed</extracomment>
      <translation>interrompu, puis repris</translation>
    </message>
    <message>
      <source>running</source>
      <extracomment>cli.logs.outcome.running</extracomment>
      <translation>en cours</translation>
    </message>
    <message>
      <source>Recent cycles:</source>
      <extracomment>cli.logs.recent</extracomment>
      <translation>Cycles récents :</translation>
    </message>
    <message>
      <source>{interrupted} Run `webex-provisioner sync --profile {profile}` to resume it: the operations not answered are sent once, nothing is created twice.</source>
      <extracomment>cli.logs.resume</extracomment>
      <translation>{interrupted} Lancez `webex-provisioner sync --profile {profile}` pour le reprendre : les opérations sans réponse sont envoyées une fois, rien n’est créé deux fois.</translation>
    </message>
    <message>
      <source>warning: the failure e-mail was not sent ({error})</source>
      <extracomment>cli.mail_not_sent</extracomment>
      <translation>avertissement : l’e-mail d’échec n’a pas été envoyé ({error})</translation>
    </message>
    <message>
      <source>Next step: {step}</source>
      <extracomment>cli.next_step mail.failures.next sync.one.next_step</extracomment>
      <translation>Étape suivante : {step}</translation>
    </message>
    <message>
      <source>Note: failure e-mail is off for this profile; turn it on in the wizard's Notification e-mail page or with `webex-provisioner profile set`.</source>
      <extracomment>cli.notify.off</extracomment>
      <translation>Remarque : l’e-mail d’échec est désactivé pour ce profil ; activez-le dans la page « E-mail de notification » de l’assistant ou avec `webex-provisioner profile set`.</translation>
    </message>
    <message>
      <source>Test e-mail sent to {recipients} through {server}.</source>
      <extracomment>cli.notify.sent</extracomment>
      <translation>E-mail de test envoyé à {recipients} via {server}.</translation>
    </message>
    <message>
      <source>Provisioning is off for profile {profile}: --every runs scheduled cycles, which do not run while it is off; nothing was sent. Turn it on with `{turn_on}`, or run one cycle with `webex-provisioner sync --profile {profile} --force`.</source>
      <extracomment>cli.off.every</extracomment>
      <translation>Le provisionnement est désactivé pour le profil {profile} : --every lance des cycles planifiés, qui ne s’exécutent pas tant qu’il est désactivé ; rien n’a été envoyé. Activez-le avec `{turn_on}`, ou lancez un cycle avec `webex-provisioner sync --profile {profile} --force`.</translation>
    </message>
    <message>
      <source>Provisioning is off for profile {profile}: running one cycle anyway (--force).</source>
      <extracomment>cli.off.forced</extracomment>
      <translation>Le provisionnement est désactivé pour le profil {profile} : un cycle est quand même exécuté (--force).</translation>
    </message>
    <message>
      <source>Provisioning is off for profile {profile}: no cycle was run and nothing was sent. To run one cycle anyway, add --force (`webex-provisioner sync --profile {profile} --force`); to keep it running, `{turn_on}`. `--dry-run` shows what a cycle would do.</source>
      <extracomment>cli.off.refused</extracomment>
      <translation>Le provisionnement est désactivé pour le profil {profile} : aucun cycle n’a été exécuté et rien n’a été envoyé. Pour lancer quand même un cycle, ajoutez --force (`webex-provisioner sync --profile {profile} --force`) ; pour qu’il continue de tourner, `{turn_on}`. `--dry-run` montre ce que ferait un cycle.</translation>
    </message>
    <message>
      <source>Provisioning is off for profile {profile}: the scheduled cycle was skipped and nothing was sent. Turn it on with `{turn_on}`.</source>
      <extracomment>cli.off.scheduled</extracomment>
      <translation>Le provisionnement est désactivé pour le profil {profile} : le cycle planifié a été ignoré et rien n’a été envoyé. Activez-le avec `{turn_on}`.</translation>
    </message>
    <message>
      <source>completed with failures</source>
      <extracomment>cli.outcome.completed_with_failures sync.outcome.word.completed_with_failures</extracomment>
      <translation>terminé avec des échecs</translation>
    </message>
    <message>
      <source>{action} {number}</source>
      <extracomment>cli.plan.count</extracomment>
      <translation>{action} {number}</translation>
    </message>
    <message>
      <source>Plan (dry run, nothing was sent): {counts}</source>
      <extracomment>cli.plan.heading</extracomment>
      <translation>Plan (simulation, rien n’a été envoyé) : {counts}</translation>
    </message>
    <message>
      <source>HELD: {reason}</source>
      <extracomment>cli.plan.held</extracomment>
      <translation>RETENU : {reason}</translation>
    </message>
    <message numerus="yes">
      <source>... and {rest} more (use --json for all of them)</source>
      <extracomment>cli.plan.more</extracomment>
      <translation>
        <numerusform>... et {rest} autre (utilisez --json pour les voir toutes)</numerusform>
        <numerusform>... et {rest} autres (utilisez --json pour les voir toutes)</numerusform>
      </translation>
    </message>
    <message>
      <source>note: {note}</source>
      <extracomment>cli.plan.note</extracomment>
      <translation>remarque : {note}</translation>
    </message>
    <message>
      <source>Profile {profile} restarted: {watermarks} watermarks and {journal} journal entries cleared. The next cycle reads the whole source.</source>
      <extracomment>cli.restart.done</extracomment>
      <translation>Profil {profile} redémarré : {watermarks} repères et {journal} entrées du journal effacés. Le prochain cycle lit toute la source.</translation>
    </message>
    <message>
      <source>The quarantine is lifted (it said: {reason})</source>
      <extracomment>cli.restart.lifted</extracomment>
      <translation>La quarantaine est levée (sa cause : {reason})</translation>
    </message>
    <message>
      <source>Nothing was cleared.</source>
      <extracomment>cli.restart.nothing</extracomment>
      <translation>Rien n’a été effacé.</translation>
    </message>
    <message>
      <source>Settings can change while it runs: POST JSON to {url}/_sandbox/settings with the admin token.</source>
      <extracomment>cli.sandbox.change</extracomment>
      <translation>Les réglages peuvent changer pendant qu’il tourne : envoyez du JSON par POST à {url}/_sandbox/settings avec le jeton admin.</translation>
    </message>
    <message>
      <source>Press Ctrl+C to stop.</source>
      <extracomment>cli.sandbox.ctrl_c</extracomment>
      <translation>Appuyez sur Ctrl+C pour arrêter.</translation>
    </message>
    <message>
      <source>none</source>
      <extracomment>cli.sandbox.no_limit csv.file.changed.none profile.show.none whoami.no_roles</extracomment>
      <translation>aucun</translation>
    </message>
    <message>
      <source>orgId:</source>
      <extracomment>cli.sandbox.org_id whoami.label.org_id</extracomment>
      <translation>orgId :</translation>
    </message>
    <message>
      <source>people/me:</source>
      <extracomment>cli.sandbox.people_me</extracomment>
      <translation>people/me :</translation>
    </message>
    <message>
      <source>{rate} requests/s</source>
      <extracomment>cli.sandbox.rate</extracomment>
      <translation>{rate} requêtes/s</translation>
    </message>
    <message>
      <source>Generic SCIM 2.0 app URL:</source>
      <extracomment>cli.sandbox.scim_app</extracomment>
      <translation>URL d’application SCIM 2.0 générique :</translation>
    </message>
    <message>
      <source>Webex sandbox serving on {url} (nothing leaves this computer)</source>
      <extracomment>cli.sandbox.serving</extracomment>
      <translation>Bac à sable Webex servi sur {url} (rien ne quitte cet ordinateur)</translation>
    </message>
    <message>
      <source>Rate limit: {rate}; added latency: {latency} ms; faults: {faults}</source>
      <extracomment>cli.sandbox.settings</extracomment>
      <translation>Limite de débit : {rate} ; latence ajoutée : {latency} ms ; pannes : {faults}</translation>
    </message>
    <message>
      <source>Sandbox stopped.</source>
      <extracomment>cli.sandbox.stopped</extracomment>
      <translation>Bac à sable arrêté.</translation>
    </message>
    <message>
      <source>Tenant URL (Webex SCIM):</source>
      <extracomment>cli.sandbox.tenant_url</extracomment>
      <translation>URL du locataire (SCIM Webex) :</translation>
    </message>
    <message>
      <source>bot:</source>
      <extracomment>cli.sandbox.token.bot</extracomment>
      <translation>bot :</translation>
    </message>
    <message>
      <source>expired:</source>
      <extracomment>cli.sandbox.token.expired</extracomment>
      <translation>expiré :</translation>
    </message>
    <message>
      <source>admin (full administrator):</source>
      <extracomment>cli.sandbox.token.full_admin</extracomment>
      <translation>admin (administrateur complet) :</translation>
    </message>
    <message>
      <source>administrator of other org:</source>
      <extracomment>cli.sandbox.token.other_org</extracomment>
      <translation>administrateur d’une autre organisation :</translation>
    </message>
    <message>
      <source>read-only administrator:</source>
      <extracomment>cli.sandbox.token.readonly_admin</extracomment>
      <translation>administrateur en lecture seule :</translation>
    </message>
    <message>
      <source>generic SCIM app:</source>
      <extracomment>cli.sandbox.token.scim_app</extracomment>
      <translation>application SCIM générique :</translation>
    </message>
    <message>
      <source>Sandbox-only tokens (they open this sandbox and nothing else):</source>
      <extracomment>cli.sandbox.tokens</extracomment>
      <translation>Jetons du bac à sable uniquement (ils n’ouvrent que ce bac à sable) :</translation>
    </message>
    <message>
      <source>Deleted {path}</source>
      <extracomment>cli.schedule.deleted</extracomment>
      <translation>Supprimé : {path}</translation>
    </message>
    <message>
      <source>No scheduler file of profile {profile} was found in {folder}.</source>
      <extracomment>cli.schedule.none</extracomment>
      <translation>Aucun fichier de planification du profil {profile} n’a été trouvé dans {folder}.</translation>
    </message>
    <message>
      <source>Note: {note}</source>
      <extracomment>cli.schedule.note</extracomment>
      <translation>Remarque : {note}</translation>
    </message>
    <message>
      <source>Note: provisioning is off for this profile, so the scheduled runs do nothing until it is turned on: `webex-provisioner profile set {profile} --provisioning on` (or the wizard's Scope and provisioning status page).</source>
      <extracomment>cli.schedule.off</extracomment>
      <translation>Remarque : le provisionnement est désactivé pour ce profil, donc les exécutions planifiées ne font rien tant qu’il n’est pas activé : `webex-provisioner profile set {profile} --provisioning on` (ou la page « Étendue et état du provisionnement » de l’assistant).</translation>
    </message>
    <message>
      <source>It runs every {every}: {command}</source>
      <extracomment>cli.schedule.runs</extracomment>
      <translation>Il s’exécute à un intervalle de {every} : {command}</translation>
    </message>
    <message>
      <source>If the schedule is running now, stop it with:</source>
      <extracomment>cli.schedule.stop</extracomment>
      <translation>Si la planification tourne en ce moment, arrêtez-la avec :</translation>
    </message>
    <message>
      <source>Turn it on with:</source>
      <extracomment>cli.schedule.turn_on</extracomment>
      <translation>Activez-le avec :</translation>
    </message>
    <message>
      <source>Wrote the {what} {path}</source>
      <extracomment>cli.schedule.wrote</extracomment>
      <translation>Écrit : {what} {path}</translation>
    </message>
    <message>
      <source>No {what} on standard input ({option}).</source>
      <extracomment>cli.stdin.no_secret</extracomment>
      <translation>Aucun {what} sur l’entrée standard ({option}).</translation>
    </message>
    <message>
      <source>Pipe it in, e.g. `printenv MY_SECRET | webex-provisioner profile ... {option}`.</source>
      <extracomment>cli.stdin.pipe</extracomment>
      <translation>Passez-le par un tube, par exemple `printenv MY_SECRET | webex-provisioner profile ... {option}`.</translation>
    </message>
    <message>
      <source>Pipe it in, e.g. `printenv MY_SECRET | webex-provisioner profile ... {option}`; with several *-stdin options give one line each: {order}.</source>
      <extracomment>cli.stdin.pipe_several</extracomment>
      <translation>Passez-le par un tube, par exemple `printenv MY_SECRET | webex-provisioner profile ... {option}` ; avec plusieurs options *-stdin, donnez une ligne pour chacune : {order}.</translation>
    </message>
    <message>
      <source>{what}: </source>
      <extracomment>cli.stdin.prompt</extracomment>
      <translation>{what} : </translation>
    </message>
    <message>
      <source>Stopped. The cycle was interrupted; run `webex-provisioner sync --profile {profile}` to finish it (what was in flight is checked first).</source>
      <extracomment>cli.stopped</extracomment>
      <translation>Arrêté. Le cycle a été interrompu ; lancez `webex-provisioner sync --profile {profile}` pour le terminer (les opérations en cours sont vérifiées d’abord).</translation>
    </message>
    <message>
      <source>Stopping after the operations in flight...</source>
      <extracomment>cli.stopping</extracomment>
      <translation>Arrêt après les opérations en cours...</translation>
    </message>
    <message>
      <source>No tenant URL was given.</source>
      <extracomment>cli.tenant_url.none</extracomment>
      <translation>Aucune URL de locataire n’a été donnée.</translation>
    </message>
    <message>
      <source>Add --tenant-url https://webexapis.com/identity/scim/ORGID/v2/ or --profile NAME.</source>
      <extracomment>cli.tenant_url.none.next</extracomment>
      <translation>Ajoutez --tenant-url https://webexapis.com/identity/scim/ORGID/v2/ ou --profile NAME.</translation>
    </message>
    <message>
      <source>--token-stdin was given but standard input held no token.</source>
      <extracomment>cli.token.empty_stdin</extracomment>
      <translation>--token-stdin a été donné, mais l’entrée standard ne contenait aucun jeton.</translation>
    </message>
    <message>
      <source>Pipe the token in, e.g. `printenv {env} | webex-provisioner ...`.</source>
      <extracomment>cli.token.empty_stdin.next</extracomment>
      <translation>Passez le jeton par un tube, par exemple `printenv {env} | webex-provisioner ...`.</translation>
    </message>
    <message>
      <source>Pipe it with --token-stdin, set {env}, or use --profile NAME.</source>
      <extracomment>cli.token.none.next</extracomment>
      <translation>Passez-le avec --token-stdin, définissez {env}, ou utilisez --profile NAME.</translation>
    </message>
    <message>
      <source>warning: {warning}</source>
      <extracomment>cli.warning</extracomment>
      <translation>avertissement : {warning}</translation>
    </message>
    <message>
      <source>tokenExpiry answered an expiry time out of range ({exp}).</source>
      <extracomment>client.error.exp_range</extracomment>
      <translation>tokenExpiry a répondu par une date d’expiration hors limites ({exp}).</translation>
    </message>
    <message>
      <source>The target answered a group's members that are not a list.</source>
      <extracomment>client.error.members_not_list</extracomment>
      <translation>La cible a répondu par des membres de groupe qui ne sont pas une liste.</translation>
    </message>
    <message>
      <source>The target does not offer SCIM bulk requests.</source>
      <extracomment>client.error.no_bulk</extracomment>
      <translation>La cible ne propose pas de requêtes bulk SCIM.</translation>
    </message>
    <message>
      <source>tokenExpiry answered without an expiry time (exp).</source>
      <extracomment>client.error.no_exp</extracomment>
      <translation>tokenExpiry a répondu sans date d’expiration (exp).</translation>
    </message>
    <message>
      <source>Another SCIM app has no people/me to ask.</source>
      <extracomment>client.error.no_people_me</extracomment>
      <translation>Une autre application SCIM n’a pas de people/me à interroger.</translation>
    </message>
    <message>
      <source>The target answered {what} with {body}, not a JSON object.</source>
      <extracomment>client.error.not_json_object</extracomment>
      <translation>La cible a répondu à {what} avec {body}, pas un objet JSON.</translation>
    </message>
    <message>
      <source>It is not known whether it was created; the next cycle finds it by its name and does not create it twice.</source>
      <extracomment>client.step.create_unknown</extracomment>
      <translation>On ne sait pas s’il a été créé ; le prochain cycle le retrouve par son nom et ne le crée pas deux fois.</translation>
    </message>
    <message>
      <source>Send the operations one by one.</source>
      <extracomment>client.step.no_bulk</extracomment>
      <translation>Envoyez les opérations une par une.</translation>
    </message>
    <message>
      <source>Use a Webex tenant URL for this step.</source>
      <extracomment>client.step.no_people_me</extracomment>
      <translation>Utilisez une URL de locataire Webex pour cette étape.</translation>
    </message>
    <message>
      <source>the group's members</source>
      <extracomment>client.what.members</extracomment>
      <translation>la demande des membres du groupe</translation>
    </message>
    <message>
      <source>tokenExpiry</source>
      <extracomment>client.what.token_expiry</extracomment>
      <translation>tokenExpiry</translation>
    </message>
    <message>
      <source>The delimiter must be auto or one character such as , or ; (got {value!r}).</source>
      <extracomment>config.csv.delimiter</extracomment>
      <translation>Le séparateur doit être auto ou un seul caractère, comme , ou ; (reçu : « {value} »).</translation>
    </message>
    <message>
      <source>{value!r} is not an encoding this program knows; use auto, utf-8, utf-16 or cp1252.</source>
      <extracomment>config.csv.encoding</extracomment>
      <translation>« {value} » n’est pas un encodage connu de ce programme ; utilisez auto, utf-8, utf-16 ou cp1252.</translation>
    </message>
    <message>
      <source>A group column name is empty.</source>
      <extracomment>config.csv.group_empty</extracomment>
      <translation>Un nom de colonne de groupe est vide.</translation>
    </message>
    <message>
      <source>A group column is named twice.</source>
      <extracomment>config.csv.group_twice</extracomment>
      <translation>Une colonne de groupe est nommée deux fois.</translation>
    </message>
    <message>
      <source>The CSV file path is empty.</source>
      <extracomment>config.csv.path_empty</extracomment>
      <translation>Le chemin du fichier CSV est vide.</translation>
    </message>
    <message>
      <source>The userName column name is empty.</source>
      <extracomment>config.csv.user_name_empty</extracomment>
      <translation>Le nom de la colonne userName est vide.</translation>
    </message>
    <message>
      <source>{value!r} is not an application (client) id.</source>
      <extracomment>config.entra.app_id</extracomment>
      <translation>« {value} » n’est pas un identifiant d’application (client).</translation>
    </message>
    <message>
      <source>The enterprise application name is empty.</source>
      <extracomment>config.entra.app_name_empty</extracomment>
      <translation>Le nom de l’application d’entreprise est vide.</translation>
    </message>
    <message>
      <source>{value!r} is not a tenant or client id: give the GUID (or the tenant's domain) shown in the app registration's overview.</source>
      <extracomment>config.entra.identifier</extracomment>
      <translation>« {value} » n’est pas un identifiant de locataire ou de client : donnez le GUID (ou le domaine du locataire) affiché dans la vue d’ensemble de l’inscription d’application.</translation>
    </message>
    <message>
      <source>{text!r} is not a duration.</source>
      <extracomment>config.every.not_duration</extracomment>
      <translation>« {text} » n’est pas une durée.</translation>
    </message>
    <message>
      <source>Write minutes as 40m or 90, hours as 2h or 1h30m, days as 1d.</source>
      <extracomment>config.every.not_duration.next</extracomment>
      <translation>Écrivez les minutes comme 40m ou 90, les heures comme 2h ou 1h30m, les jours comme 1d.</translation>
    </message>
    <message>
      <source>{text!r} is too short an interval.</source>
      <extracomment>config.every.too_short</extracomment>
      <translation>« {text} » est un intervalle trop court.</translation>
    </message>
    <message>
      <source>Give at least one minute, e.g. 40m.</source>
      <extracomment>config.every.too_short.next</extracomment>
      <translation>Donnez au moins une minute, par exemple 40m.</translation>
    </message>
    <message>
      <source>The profile file {origin} has {problems}.</source>
      <extracomment>config.file.invalid</extracomment>
      <translation>Le fichier de profil {origin} contient des erreurs : {problems}.</translation>
    </message>
    <message>
      <source>Fix it in the file or import a corrected copy with `webex-provisioner profile import FILE --replace`.</source>
      <extracomment>config.file.invalid.next</extracomment>
      <translation>Corrigez-le dans le fichier, ou importez une copie corrigée avec `webex-provisioner profile import FILE --replace`.</translation>
    </message>
    <message>
      <source>The profile file {origin} is not valid TOML: {error}.</source>
      <extracomment>config.file.not_toml</extracomment>
      <translation>Le fichier de profil {origin} n’est pas un TOML valide : {error}.</translation>
    </message>
    <message>
      <source>Fix that line, or import a corrected copy with `webex-provisioner profile import`.</source>
      <extracomment>config.file.not_toml.next</extracomment>
      <translation>Corrigez cette ligne, ou importez une copie corrigée avec `webex-provisioner profile import`.</translation>
    </message>
    <message>
      <source>{first}; {rest}</source>
      <extracomment>config.joined sync.list.semicolon</extracomment>
      <translation>{first} ; {rest}</translation>
    </message>
    <message>
      <source>Failure e-mail is on but no SMTP server (host) is given.</source>
      <extracomment>config.mail.no_host</extracomment>
      <translation>L’e-mail d’échec est activé, mais aucun serveur SMTP (hôte) n’est indiqué.</translation>
    </message>
    <message>
      <source>Failure e-mail is on but no recipient is given.</source>
      <extracomment>config.mail.no_recipient</extracomment>
      <translation>L’e-mail d’échec est activé, mais aucun destinataire n’est indiqué.</translation>
    </message>
    <message>
      <source>{value!r} is not an e-mail address.</source>
      <extracomment>config.mail.not_email</extracomment>
      <translation>« {value} » n’est pas une adresse e-mail.</translation>
    </message>
    <message>
      <source>The sender {value!r} is not an e-mail address.</source>
      <extracomment>config.mail.sender</extracomment>
      <translation>L’expéditeur « {value} » n’est pas une adresse e-mail.</translation>
    </message>
    <message>
      <source>Choose another name, e.g. acme or acme-prod.</source>
      <extracomment>config.name.next</extracomment>
      <translation>Choisissez un autre nom, par exemple acme ou acme-prod.</translation>
    </message>
    <message>
      <source>{name!r} cannot be a profile name: Windows reserves it for a device.</source>
      <extracomment>config.name.reserved</extracomment>
      <translation>« {name} » ne peut pas être un nom de profil : Windows le réserve à un périphérique.</translation>
    </message>
    <message>
      <source>A profile name may contain only letters, digits, - and _ (at most 64); {name!r} does not.</source>
      <extracomment>config.name.rule</extracomment>
      <translation>Un nom de profil ne peut contenir que des lettres, des chiffres, - et _ (64 au plus) ; « {name} » ne convient pas.</translation>
    </message>
    <message>
      <source>{text}</source>
      <extracomment>config.plain csv.plain</extracomment>
      <translation>{text}</translation>
    </message>
    <message>
      <source>{label}: {problem}</source>
      <extracomment>config.problem.labelled</extracomment>
      <translation>{label} : {problem}</translation>
    </message>
    <message>
      <source>no {label}, which is required</source>
      <extracomment>config.problem.missing</extracomment>
      <translation>aucun {label}, qui est obligatoire</translation>
    </message>
    <message>
      <source>an unknown setting {label}</source>
      <extracomment>config.problem.unknown</extracomment>
      <translation>un paramètre inconnu {label}</translation>
    </message>
    <message>
      <source>The profile settings are not valid: {problems}.</source>
      <extracomment>config.settings.invalid</extracomment>
      <translation>Les paramètres du profil ne sont pas valides : {problems}.</translation>
    </message>
    <message>
      <source>Correct them and try again.</source>
      <extracomment>config.settings.invalid.next_many</extracomment>
      <translation>Corrigez-les et réessayez.</translation>
    </message>
    <message>
      <source>Correct it and try again.</source>
      <extracomment>config.settings.invalid.next_one</extracomment>
      <translation>Corrigez-le et réessayez.</translation>
    </message>
    <message>
      <source>The source is a CSV file but no file is named (source.csv.path).</source>
      <extracomment>config.source.csv_missing</extracomment>
      <translation>La source est un fichier CSV, mais aucun fichier n’est indiqué (source.csv.path).</translation>
    </message>
    <message>
      <source>The source is Entra ID but its settings are missing (source.entra.tenant_id and client_id).</source>
      <extracomment>config.source.entra_missing</extracomment>
      <translation>La source est Entra ID, mais ses paramètres manquent (source.entra.tenant_id et client_id).</translation>
    </message>
    <message>
      <source>The profile {path} could not be saved: the disk is full (the profile as it was is unchanged).</source>
      <extracomment>config.store.disk_full</extracomment>
      <translation>Le profil {path} n’a pas pu être enregistré : le disque est plein (le profil est resté tel qu’il était).</translation>
    </message>
    <message>
      <source>Free space on the disk that holds {folder}, then try again.</source>
      <extracomment>config.store.disk_full.next</extracomment>
      <translation>Libérez de la place sur le disque qui contient {folder}, puis réessayez.</translation>
    </message>
    <message>
      <source>A profile named {name} already exists.</source>
      <extracomment>config.store.exists</extracomment>
      <translation>Un profil nommé {name} existe déjà.</translation>
    </message>
    <message>
      <source>Import it under another name with --name NAME, or replace it with --replace.</source>
      <extracomment>config.store.exists.import</extracomment>
      <translation>Importez-le sous un autre nom avec --name NAME, ou remplacez-le avec --replace.</translation>
    </message>
    <message>
      <source>Change it with `webex-provisioner profile set {name} ...`, or delete it first.</source>
      <extracomment>config.store.exists.set</extracomment>
      <translation>Modifiez-le avec `webex-provisioner profile set {name} ...`, ou supprimez-le d’abord.</translation>
    </message>
    <message>
      <source>The profile {path} could not be saved: this user may not write in {folder}.</source>
      <extracomment>config.store.no_permission</extracomment>
      <translation>Le profil {path} n’a pas pu être enregistré : cet utilisateur ne peut pas écrire dans {folder}.</translation>
    </message>
    <message>
      <source>Give this user write permission on {folder}, or set WEBEX_PROVISIONER_CONFIG_DIR to a folder it may write.</source>
      <extracomment>config.store.no_permission.next</extracomment>
      <translation>Donnez à cet utilisateur le droit d’écrire dans {folder}, ou indiquez dans WEBEX_PROVISIONER_CONFIG_DIR un dossier où il peut écrire.</translation>
    </message>
    <message>
      <source>No profile named {name}.</source>
      <extracomment>config.store.no_profile</extracomment>
      <translation>Aucun profil ne s’appelle {name}.</translation>
    </message>
    <message>
      <source>Create it with `webex-provisioner profile create {name} ...` or list them with `webex-provisioner profile list`.</source>
      <extracomment>config.store.no_profile.create</extracomment>
      <translation>Créez-le avec `webex-provisioner profile create {name} ...` ou affichez la liste avec `webex-provisioner profile list`.</translation>
    </message>
    <message>
      <source>List them with `webex-provisioner profile list`.</source>
      <extracomment>config.store.no_profile.list</extracomment>
      <translation>Affichez la liste avec `webex-provisioner profile list`.</translation>
    </message>
    <message>
      <source>The profile {path} could not be saved ({why}).</source>
      <extracomment>config.store.not_saved</extracomment>
      <translation>Le profil {path} n’a pas pu être enregistré ({why}).</translation>
    </message>
    <message>
      <source>Check the folder {folder} and the disk, then try again.</source>
      <extracomment>config.store.not_saved.next</extracomment>
      <translation>Vérifiez le dossier {folder} et le disque, puis réessayez.</translation>
    </message>
    <message>
      <source>Fix that line and import it again.</source>
      <extracomment>config.store.not_toml.next</extracomment>
      <translation>Corrigez cette ligne et importez-le de nouveau.</translation>
    </message>
    <message>
      <source>The profile file {path} is not UTF-8 text.</source>
      <extracomment>config.store.not_utf8</extracomment>
      <translation>Le fichier de profil {path} n’est pas un texte UTF-8.</translation>
    </message>
    <message>
      <source>Save it as UTF-8, or import a corrected copy with `webex-provisioner profile import FILE --replace`.</source>
      <extracomment>config.store.not_utf8.next</extracomment>
      <translation>Enregistrez-le en UTF-8, ou importez une copie corrigée avec `webex-provisioner profile import FILE --replace`.</translation>
    </message>
    <message>
      <source>The tenant URL is empty.</source>
      <extracomment>config.tenant_url.empty url.error.empty</extracomment>
      <translation>L’URL du locataire est vide.</translation>
    </message>
    <message>
      <source>{what} must be a full https:// address; {url!r} is not.</source>
      <extracomment>config.url.not_full</extracomment>
      <translation>{what} doit être une adresse https:// complète ; « {url} » n’en est pas une.</translation>
    </message>
    <message>
      <source>{what} must use https://; plain http is accepted only for this computer (127.0.0.1, localhost). Got {url!r}.</source>
      <extracomment>config.url.plain_http</extracomment>
      <translation>{what} doit utiliser https:// ; le http simple n’est accepté que pour cet ordinateur (127.0.0.1, localhost). Reçu : « {url} ».</translation>
    </message>
    <message>
      <source>The sign-in authority</source>
      <extracomment>config.what.authority</extracomment>
      <translation>L’autorité de connexion</translation>
    </message>
    <message>
      <source>The Microsoft Graph address</source>
      <extracomment>config.what.graph</extracomment>
      <translation>L’adresse de Microsoft Graph</translation>
    </message>
    <message>
      <source>U+{code} (C1 control)</source>
      <extracomment>csv.char.c1_control</extracomment>
      <translation>U+{code} (caractère de contrôle C1)</translation>
    </message>
    <message>
      <source>vertical bar</source>
      <extracomment>csv.delimiter.bar</extracomment>
      <translation>barre verticale</translation>
    </message>
    <message>
      <source>comma</source>
      <extracomment>csv.delimiter.comma</extracomment>
      <translation>virgule</translation>
    </message>
    <message>
      <source>semicolon</source>
      <extracomment>csv.delimiter.semicolon</extracomment>
      <translation>point-virgule</translation>
    </message>
    <message>
      <source>tab</source>
      <extracomment>csv.delimiter.tab profile.show.tab</extracomment>
      <translation>tabulation</translation>
    </message>
    <message>
      <source>it cannot be read near line {line} ({error})</source>
      <extracomment>csv.error.near_line</extracomment>
      <translation>elle ne peut pas être lue près de la ligne {line} ({error})</translation>
    </message>
    <message>
      <source>a double quote that ends a value is followed by more text (a double quote inside a quoted value is written twice: "")</source>
      <extracomment>csv.error.quote_followed</extracomment>
      <translation>un guillemet qui termine une valeur est suivi d’autre texte (un guillemet à l’intérieur d’une valeur entre guillemets s’écrit deux fois : "")</translation>
    </message>
    <message>
      <source>Correct the quotes in that row, or export the file again from the spreadsheet.</source>
      <extracomment>csv.error.quotes.next</extracomment>
      <translation>Corrigez les guillemets de cette ligne, ou exportez à nouveau le fichier depuis le tableur.</translation>
    </message>
    <message>
      <source>the value in {where} runs over several lines that look like rows: a double quote left open there joins the rows after it into one value</source>
      <extracomment>csv.error.runs_over_lines</extracomment>
      <translation>la valeur de {where} s’étend sur plusieurs lignes qui ressemblent à des lignes du fichier : un guillemet laissé ouvert y joint les lignes suivantes en une seule valeur</translation>
    </message>
    <message>
      <source>Close the quote in that row (or remove the line breaks from the value), then sync again.</source>
      <extracomment>csv.error.runs_over_lines.next</extracomment>
      <translation>Fermez le guillemet dans cette ligne (ou retirez les sauts de ligne de la valeur), puis synchronisez à nouveau.</translation>
    </message>
    <message>
      <source>a double quote opened in this row is never closed (the rest of the file, to line {line}, would be one value)</source>
      <extracomment>csv.error.unclosed_quote</extracomment>
      <translation>un guillemet ouvert dans cette ligne n’est jamais fermé (le reste du fichier, jusqu’à la ligne {line}, formerait une seule valeur)</translation>
    </message>
    <message>
      <source>UTF-8 or Windows-1252</source>
      <extracomment>csv.file.auto_encodings</extracomment>
      <translation>UTF-8 ou Windows-1252</translation>
    </message>
    <message>
      <source>The CSV file {file} changed while it was read ({before} bytes before, {after} after), so nothing was sent.</source>
      <extracomment>csv.file.changed</extracomment>
      <translation>Le fichier CSV {file} a changé pendant sa lecture ({before} octets avant, {after} après) : rien n’a été envoyé.</translation>
    </message>
    <message>
      <source>Wait until the export that writes it has finished (or sync a copy of the file), then sync again.</source>
      <extracomment>csv.file.changed.next</extracomment>
      <translation>Attendez la fin de l’export qui l’écrit (ou synchronisez une copie du fichier), puis synchronisez à nouveau.</translation>
    </message>
    <message>
      <source>The CSV file {file} is empty.</source>
      <extracomment>csv.file.empty</extracomment>
      <translation>Le fichier CSV {file} est vide.</translation>
    </message>
    <message>
      <source>Export it again with a header row and one row per user.</source>
      <extracomment>csv.file.empty.header_next</extracomment>
      <translation>Exportez-le à nouveau avec une ligne d’en-tête et une ligne par utilisateur.</translation>
    </message>
    <message>
      <source>Export it again with a header row (e.g. userPrincipalName,givenName,surname) and one row per user.</source>
      <extracomment>csv.file.empty.next</extracomment>
      <translation>Exportez-le à nouveau avec une ligne d’en-tête (par exemple userPrincipalName,givenName,surname) et une ligne par utilisateur.</translation>
    </message>
    <message>
      <source>{file} is a folder, not a CSV file.</source>
      <extracomment>csv.file.folder</extracomment>
      <translation>{file} est un dossier, pas un fichier CSV.</translation>
    </message>
    <message>
      <source>Choose the CSV file inside it.</source>
      <extracomment>csv.file.folder.next</extracomment>
      <translation>Choisissez le fichier CSV qu’il contient.</translation>
    </message>
    <message>
      <source>a device</source>
      <extracomment>csv.file.kind.device</extracomment>
      <translation>un périphérique</translation>
    </message>
    <message>
      <source>a named pipe (FIFO)</source>
      <extracomment>csv.file.kind.fifo</extracomment>
      <translation>un tube nommé (FIFO)</translation>
    </message>
    <message>
      <source>not a regular file</source>
      <extracomment>csv.file.kind.other</extracomment>
      <translation>un fichier spécial</translation>
    </message>
    <message>
      <source>a socket</source>
      <extracomment>csv.file.kind.socket</extracomment>
      <translation>une socket</translation>
    </message>
    <message>
      <source>The CSV file {file} does not exist.</source>
      <extracomment>csv.file.missing</extracomment>
      <translation>Le fichier CSV {file} n’existe pas.</translation>
    </message>
    <message>
      <source>Check the path, or choose the file again (--csv-file FILE, or the Source page).</source>
      <extracomment>csv.file.missing.next</extracomment>
      <translation>Vérifiez le chemin, ou choisissez à nouveau le fichier (--csv-file FICHIER, ou la page Source).</translation>
    </message>
    <message>
      <source>Check the path, or choose the file again on the Source page.</source>
      <extracomment>csv.file.missing.next</extracomment>
      <translation>Vérifiez le chemin, ou choisissez à nouveau le fichier sur la page Source.</translation>
    </message>
    <message>
      <source>The CSV file {file} mixes encodings: row {row}: {reason}. Read whole as Windows-1252, its accents would be garbled, so nothing was sent.</source>
      <extracomment>csv.file.mixed</extracomment>
      <translation>Le fichier CSV {file} mélange des encodages : ligne {row} : {reason}. Lu entièrement en Windows-1252, ses accents seraient déformés : rien n’a été envoyé.</translation>
    </message>
    <message>
      <source>Correct row {row} and save the file again as "CSV UTF-8" (or name the encoding with --encoding if the whole file is in one, e.g. cp1252).</source>
      <extracomment>csv.file.mixed.next</extracomment>
      <translation>Corrigez la ligne {row} et enregistrez à nouveau le fichier en « CSV UTF-8 » (ou indiquez l’encodage avec --encoding si tout le fichier est dans un seul, par exemple cp1252).</translation>
    </message>
    <message>
      <source>byte {byte} (0x{hex}) is not UTF-8, though the rest of the file is UTF-8 text: part of it was written in another encoding</source>
      <extracomment>csv.file.mixed.reason</extracomment>
      <translation>l’octet {byte} (0x{hex}) n’est pas de l’UTF-8, alors que le reste du fichier est du texte UTF-8 : une partie a été écrite dans un autre encodage</translation>
    </message>
    <message>
      <source>The CSV file {file} is not {wanted} text (byte {byte} cannot be read).</source>
      <extracomment>csv.file.not_encoding</extracomment>
      <translation>Le fichier CSV {file} n’est pas du texte {wanted} (l’octet {byte} ne peut pas être lu).</translation>
    </message>
    <message>
      <source>Save it again from the spreadsheet as "CSV UTF-8", or name its encoding (--encoding, e.g. cp1252 or utf-16).</source>
      <extracomment>csv.file.not_encoding.next</extracomment>
      <translation>Enregistrez-le à nouveau depuis le tableur en « CSV UTF-8 », ou indiquez son encodage (--encoding, par exemple cp1252 ou utf-16).</translation>
    </message>
    <message>
      <source>{file} is {kind}, not a CSV file.</source>
      <extracomment>csv.file.not_regular</extracomment>
      <translation>{file} est {kind}, pas un fichier CSV.</translation>
    </message>
    <message>
      <source>Export the users to a regular file and choose that file (--csv-file FILE, or the Source page).</source>
      <extracomment>csv.file.not_regular.next</extracomment>
      <translation>Exportez les utilisateurs dans un fichier ordinaire et choisissez ce fichier (--csv-file FICHIER, ou la page Source).</translation>
    </message>
    <message>
      <source>Export the users to a regular file and choose that file on the Source page.</source>
      <extracomment>csv.file.not_regular.next</extracomment>
      <translation>Exportez les utilisateurs dans un fichier ordinaire et choisissez ce fichier sur la page Source.</translation>
    </message>
    <message>
      <source>The CSV file {file} cannot be read: permission denied.</source>
      <extracomment>csv.file.permission</extracomment>
      <translation>Le fichier CSV {file} ne peut pas être lu : permission refusée.</translation>
    </message>
    <message>
      <source>Give your account read access to it, or copy it somewhere you can read.</source>
      <extracomment>csv.file.permission.next</extracomment>
      <translation>Donnez à votre compte l’accès en lecture à ce fichier, ou copiez-le dans un dossier que vous pouvez lire.</translation>
    </message>
    <message>
      <source>The CSV file {file} is {size} MB, more than the limit of {limit} MB, so it was not read.</source>
      <extracomment>csv.file.too_big</extracomment>
      <translation>Le fichier CSV {file} fait {size} Mo, plus que la limite de {limit} Mo : il n’a pas été lu.</translation>
    </message>
    <message>
      <source>Check that this is the users' export; if it is, raise the limit (--csv-max-mb, or source.csv.max_file_mb in the profile).</source>
      <extracomment>csv.file.too_big.next</extracomment>
      <translation>Vérifiez qu’il s’agit bien de l’export des utilisateurs ; si c’est le cas, relevez la limite (--csv-max-mb, ou source.csv.max_file_mb dans le profil).</translation>
    </message>
    <message>
      <source>The CSV file {file} cannot be read ({error}).</source>
      <extracomment>csv.file.unreadable</extracomment>
      <translation>Le fichier CSV {file} ne peut pas être lu ({error}).</translation>
    </message>
    <message>
      <source>Check that the file is reachable, then try again.</source>
      <extracomment>csv.file.unreadable.next</extracomment>
      <translation>Vérifiez que le fichier est accessible, puis réessayez.</translation>
    </message>
    <message>
      <source>The CSV file {file} cannot be read: row {row}: {reason}, so nothing was sent.</source>
      <extracomment>csv.file.unreadable_row</extracomment>
      <translation>Le fichier CSV {file} ne peut pas être lu : ligne {row} : {reason} ; rien n’a été envoyé.</translation>
    </message>
    <message>
      <source>The header (row {row}) of {file}: {reason}.</source>
      <extracomment>csv.header.control</extracomment>
      <translation>L’en-tête (ligne {row}) de {file} : {reason}.</translation>
    </message>
    <message>
      <source>Rename that column in the first row, then try again.</source>
      <extracomment>csv.header.control.next</extracomment>
      <translation>Renommez cette colonne dans la première ligne, puis réessayez.</translation>
    </message>
    <message>
      <source>the column name {name} holds the control character {char}</source>
      <extracomment>csv.header.control.reason</extracomment>
      <translation>le nom de colonne {name} contient le caractère de contrôle {char}</translation>
    </message>
    <message>
      <source>the delimiter guessed from the header</source>
      <extracomment>csv.header.delimiter_guessed</extracomment>
      <translation>le séparateur deviné d’après l’en-tête</translation>
    </message>
    <message>
      <source>the delimiter named with --delimiter</source>
      <extracomment>csv.header.delimiter_named</extracomment>
      <translation>le séparateur indiqué avec --delimiter</translation>
    </message>
    <message>
      <source>The column {column} appears twice in the header of {file} (columns {first} and {second}).</source>
      <extracomment>csv.header.duplicate</extracomment>
      <translation>La colonne {column} apparaît deux fois dans l’en-tête de {file} (colonnes {first} et {second}).</translation>
    </message>
    <message>
      <source>Rename or remove one of them.</source>
      <extracomment>csv.header.duplicate.next</extracomment>
      <translation>Renommez ou supprimez l’une des deux.</translation>
    </message>
    <message>
      <source>The CSV file {file} has no group column {column}; its columns are: {found}.</source>
      <extracomment>csv.header.no_group_column</extracomment>
      <translation>Le fichier CSV {file} n’a pas de colonne de groupe {column} ; ses colonnes sont : {found}.</translation>
    </message>
    <message>
      <source>Name an existing column with --group-column, or remove that setting.</source>
      <extracomment>csv.header.no_group_column.next</extracomment>
      <translation>Indiquez une colonne existante avec --group-column, ou retirez ce réglage.</translation>
    </message>
    <message>
      <source>The CSV file {file} has no column {column} for the userName; its columns are: {found}.</source>
      <extracomment>csv.header.no_user_name</extracomment>
      <translation>Le fichier CSV {file} n’a pas de colonne {column} pour le userName ; ses colonnes sont : {found}.</translation>
    </message>
    <message>
      <source>Choose the column that holds each user's e-mail sign-in name with --user-name-column COLUMN (e.g. --user-name-column {hint}) or on the Source page.</source>
      <extracomment>csv.header.no_user_name.hint_next</extracomment>
      <translation>Choisissez la colonne qui contient l’adresse e-mail de connexion de chaque utilisateur avec --user-name-column COLONNE (par exemple --user-name-column {hint}) ou sur la page Source.</translation>
    </message>
    <message>
      <source>Choose the column that holds each user's e-mail sign-in name with --user-name-column COLUMN or on the Source page, or rename it userPrincipalName.</source>
      <extracomment>csv.header.no_user_name.next</extracomment>
      <translation>Choisissez la colonne qui contient l’adresse e-mail de connexion de chaque utilisateur avec --user-name-column COLONNE ou sur la page Source, ou renommez-la userPrincipalName.</translation>
    </message>
    <message>
      <source>The CSV file {file} has no column {column} for the userName; read as {delimiter}-separated ({how}), its header is one column: {found}.</source>
      <extracomment>csv.header.one_column</extracomment>
      <translation>Le fichier CSV {file} n’a pas de colonne {column} pour le userName ; lu avec le séparateur {delimiter} ({how}), son en-tête n’a qu’une colonne : {found}.</translation>
    </message>
    <message>
      <source>If the file uses another delimiter, name it with --delimiter (',', ';' or tab) or on the Source page; otherwise choose the userName column with --user-name-column COLUMN.</source>
      <extracomment>csv.header.one_column.next</extracomment>
      <translation>Si le fichier utilise un autre séparateur, indiquez-le avec --delimiter (« , », « ; » ou tab) ou sur la page Source ; sinon, choisissez la colonne du userName avec --user-name-column COLONNE.</translation>
    </message>
    <message>
      <source>the header, read as {delimiter}-separated, is one column</source>
      <extracomment>csv.header.one_column.reason</extracomment>
      <translation>l’en-tête, lu avec le séparateur {delimiter}, n’a qu’une colonne</translation>
    </message>
    <message>
      <source>Give every column a name in the first row (or delete the empty columns).</source>
      <extracomment>csv.header.unnamed.next</extracomment>
      <translation>Donnez un nom à chaque colonne dans la première ligne (ou supprimez les colonnes vides).</translation>
    </message>
    <message>
      <source>The header (row {row}) of {file} has {count} columns, and columns {columns} and {last} have no name.</source>
      <extracomment>csv.header.unnamed_many</extracomment>
      <translation>L’en-tête (ligne {row}) de {file} a {count} colonnes, et les colonnes {columns} et {last} n’ont pas de nom.</translation>
    </message>
    <message>
      <source>the header has {count} columns and columns {columns} and {last} have no name</source>
      <extracomment>csv.header.unnamed_many.reason</extracomment>
      <translation>l’en-tête a {count} colonnes et les colonnes {columns} et {last} n’ont pas de nom</translation>
    </message>
    <message>
      <source>The header (row {row}) of {file} has {count} columns, and column {column} has no name.</source>
      <extracomment>csv.header.unnamed_one</extracomment>
      <translation>L’en-tête (ligne {row}) de {file} a {count} colonnes, et la colonne {column} n’a pas de nom.</translation>
    </message>
    <message>
      <source>the header has {count} columns and column {column} has no name</source>
      <extracomment>csv.header.unnamed_one.reason</extracomment>
      <translation>l’en-tête a {count} colonnes et la colonne {column} n’a pas de nom</translation>
    </message>
    <message numerus="yes">
      <source>The CSV file {file} has {count} invalid row, so nothing was sent:{br}{rows}{br}</source>
      <extracomment>csv.invalid</extracomment>
      <translation>
        <numerusform>Le fichier CSV {file} a {count} ligne non valide : rien n’a été envoyé :{br}{rows}{br}</numerusform>
        <numerusform>Le fichier CSV {file} a {count} lignes non valides : rien n’a été envoyé :{br}{rows}{br}</numerusform>
      </translation>
    </message>
    <message>
      <source>  row {row}: {problems}</source>
      <extracomment>csv.invalid.line</extracomment>
      <translation>  ligne {row} : {problems}</translation>
    </message>
    <message>
      <source>  and {count} more.</source>
      <extracomment>csv.invalid.more</extracomment>
      <translation>  et {count} de plus.</translation>
    </message>
    <message>
      <source>Fix these rows and sync again, or leave them out with --skip-invalid ("Skip invalid rows" in the wizard).</source>
      <extracomment>csv.invalid.next</extracomment>
      <translation>Corrigez ces lignes et synchronisez à nouveau, ou laissez-les de côté avec --skip-invalid (« Ignorer les lignes non valides » dans l’assistant).</translation>
    </message>
    <message>
      <source>Fix these rows and sync again, or leave them out with "Skip invalid rows".</source>
      <extracomment>csv.invalid.next</extracomment>
      <translation>Corrigez ces lignes et synchronisez à nouveau, ou cochez « Ignorer les lignes non valides ».</translation>
    </message>
    <message>
      <source>{head}{br}{tail}</source>
      <extracomment>csv.join.lines</extracomment>
      <translation>{head}{br}{tail}</translation>
    </message>
    <message>
      <source>{head}; {tail}</source>
      <extracomment>csv.join.problems</extracomment>
      <translation>{head} ; {tail}</translation>
    </message>
    <message>
      <source>true/false, yes/no, 1/0, vrai/faux or oui/non</source>
      <extracomment>csv.row.boolean_words</extracomment>
      <translation>true/false, yes/no, 1/0, vrai/faux ou oui/non</translation>
    </message>
    <message>
      <source>{where} holds the control character {char}, which cannot be sent to Webex</source>
      <extracomment>csv.row.control</extracomment>
      <translation>{where} contient le caractère de contrôle {char}, qui ne peut pas être envoyé à Webex</translation>
    </message>
    <message>
      <source>{where} holds the control character {char}, which cannot be sent to Webex (a line break inside a value)</source>
      <extracomment>csv.row.control_line_break</extracomment>
      <translation>{where} contient le caractère de contrôle {char}, qui ne peut pas être envoyé à Webex (un saut de ligne dans une valeur)</translation>
    </message>
    <message>
      <source>userName {user_name} is also in row {others} (user names must be unique, whatever the case)</source>
      <extracomment>csv.row.duplicate_user_name</extracomment>
      <translation>le userName {user_name} figure aussi à la ligne {others} (les noms d’utilisateur doivent être uniques, sans tenir compte de la casse)</translation>
    </message>
    <message>
      <source>userName {user_name} is also in rows {others} (user names must be unique, whatever the case)</source>
      <extracomment>csv.row.duplicate_user_name_rows</extracomment>
      <translation>le userName {user_name} figure aussi aux lignes {others} (les noms d’utilisateur doivent être uniques, sans tenir compte de la casse)</translation>
    </message>
    <message>
      <source>{value} in column {column} is not an e-mail address</source>
      <extracomment>csv.row.invalid_email</extracomment>
      <translation>{value} dans la colonne {column} n’est pas une adresse e-mail</translation>
    </message>
    <message>
      <source>userName {value} in column {column} is not an e-mail address</source>
      <extracomment>csv.row.invalid_user_name</extracomment>
      <translation>le userName {value} de la colonne {column} n’est pas une adresse e-mail</translation>
    </message>
    <message>
      <source>no userName (column {column} is empty)</source>
      <extracomment>csv.row.no_user_name</extracomment>
      <translation>pas de userName (la colonne {column} est vide)</translation>
    </message>
    <message>
      <source>{value} in column {column} is not a yes/no value (use {words})</source>
      <extracomment>csv.row.not_boolean</extracomment>
      <translation>{value} dans la colonne {column} n’est pas une valeur oui/non (utilisez {words})</translation>
    </message>
    <message numerus="yes">
      <source>{count} cell but the header has {width} columns (a {delimiter} is missing, or the row was cut)</source>
      <extracomment>csv.row.too_few_cells</extracomment>
      <translation>
        <numerusform>{count} cellule alors que l’en-tête a {width} colonnes (il manque un séparateur {delimiter}, ou la ligne a été coupée)</numerusform>
        <numerusform>{count} cellules alors que l’en-tête a {width} colonnes (il manque un séparateur {delimiter}, ou la ligne a été coupée)</numerusform>
      </translation>
    </message>
    <message>
      <source>{count} cells but the header has {width} columns (a value that contains the delimiter {delimiter} must be in double quotes)</source>
      <extracomment>csv.row.too_many_cells</extracomment>
      <translation>{count} cellules alors que l’en-tête a {width} colonnes (une valeur qui contient le séparateur {delimiter} doit être entre guillemets)</translation>
    </message>
    <message>
      <source>Row {row} of {file}: {problems}.</source>
      <extracomment>csv.skip.invalid_row</extracomment>
      <translation>Ligne {row} de {file} : {problems}.</translation>
    </message>
    <message>
      <source>Read {file}: {users}, {groups} ({encoding}, {delimiter}-separated).</source>
      <extracomment>csv.summary</extracomment>
      <translation>{file} lu : {users}, {groups} ({encoding}, séparateur {delimiter}).</translation>
    </message>
    <message numerus="yes">
      <source>{count} invalid row was left out because skipping invalid rows is on.</source>
      <extracomment>csv.summary.skipped</extracomment>
      <translation>
        <numerusform>{count} ligne non valide a été laissée de côté, car l’option d’ignorer les lignes non valides est active.</numerusform>
        <numerusform>{count} lignes non valides ont été laissées de côté, car l’option d’ignorer les lignes non valides est active.</numerusform>
      </translation>
    </message>
    <message>
      <source>cell {position}</source>
      <extracomment>csv.where.cell</extracomment>
      <translation>la cellule {position}</translation>
    </message>
    <message>
      <source>column {column}</source>
      <extracomment>csv.where.column mapping.column</extracomment>
      <translation>colonne {column}</translation>
    </message>
    <message>
      <source>appId {app_id}</source>
      <extracomment>entra.application.by_app_id</extracomment>
      <translation>l’appId {app_id}</translation>
    </message>
    <message>
      <source>the name {name}</source>
      <extracomment>entra.application.by_name</extracomment>
      <translation>le nom {name}</translation>
    </message>
    <message>
      <source>No enterprise application with {described} exists in tenant {tenant}.</source>
      <extracomment>entra.application.missing</extracomment>
      <translation>Aucune application d’entreprise avec {described} n’existe dans le locataire {tenant}.</translation>
    </message>
    <message>
      <source>Add Cisco Webex from the Entra gallery (Enterprise applications &gt; New application), or give its exact name (--app-name) or its application id (--app-id).</source>
      <extracomment>entra.application.missing.next</extracomment>
      <translation>Ajoutez Cisco Webex depuis la galerie Entra (Applications d’entreprise &gt; Nouvelle application), ou indiquez son nom exact (--app-name) ou son ID d’application (--app-id).</translation>
    </message>
    <message>
      <source>{count} enterprise applications are named {name}.</source>
      <extracomment>entra.application.several</extracomment>
      <translation>{count} applications d’entreprise s’appellent {name}.</translation>
    </message>
    <message>
      <source>Choose one by its application id: `webex-provisioner profile set PROFILE --app-id APP_ID`.</source>
      <extracomment>entra.application.several.next</extracomment>
      <translation>Choisissez-en une par son ID d’application : `webex-provisioner profile set PROFILE --app-id APP_ID`.</translation>
    </message>
    <message>
      <source>The sign-in authority {authority} must use https://.</source>
      <extracomment>entra.authority.not_https</extracomment>
      <translation>L’autorité de connexion {authority} doit utiliser https://.</translation>
    </message>
    <message>
      <source>Use https://login.microsoftonline.com (or your national cloud's authority).</source>
      <extracomment>entra.authority.not_https.next</extracomment>
      <translation>Utilisez https://login.microsoftonline.com (ou l’autorité de votre cloud national).</translation>
    </message>
    <message>
      <source>{head}, {tail}</source>
      <extracomment>entra.join.list</extracomment>
      <translation>{head}, {tail}</translation>
    </message>
    <message numerus="yes">
      <source>{count} contact</source>
      <extracomment>entra.member.contact</extracomment>
      <translation>
        <numerusform>{count} contact</numerusform>
        <numerusform>{count} contacts</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{count} device</source>
      <extracomment>entra.member.device</extracomment>
      <translation>
        <numerusform>{count} appareil</numerusform>
        <numerusform>{count} appareils</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{count} {kind}</source>
      <extracomment>entra.member.other</extracomment>
      <translation>
        <numerusform>{count} {kind}</numerusform>
        <numerusform>{count} {kind}</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{count} service principal</source>
      <extracomment>entra.member.service_principal</extracomment>
      <translation>
        <numerusform>{count} principal de service</numerusform>
        <numerusform>{count} principaux de service</numerusform>
      </translation>
    </message>
    <message>
      <source>The application was not found: appRoleAssignments is empty for every user.</source>
      <extracomment>entra.note.application_not_found</extracomment>
      <translation>L’application est introuvable : appRoleAssignments est vide pour chaque utilisateur.</translation>
    </message>
    <message>
      <source>Microsoft Graph no longer knew the last change token (it expires after a while): every user was read again.</source>
      <extracomment>entra.note.delta_expired</extracomment>
      <translation>Microsoft Graph ne connaissait plus le dernier jeton de modifications (il expire au bout d’un certain temps) : tous les utilisateurs ont été relus.</translation>
    </message>
    <message>
      <source>The attribute mappings now need other attributes: every user is read again.</source>
      <extracomment>entra.note.mappings_changed</extracomment>
      <translation>Les mappages d’attributs demandent maintenant d’autres attributs : tous les utilisateurs sont relus.</translation>
    </message>
    <message>
      <source>The group {group} contains the group {nested}: members of nested groups are not provisioned (Entra does not expand nested groups for app assignments). Assign that group to the application directly if its members need Webex.</source>
      <extracomment>entra.note.nested_group</extracomment>
      <translation>Le groupe {group} contient le groupe {nested} : les membres des groupes imbriqués ne sont pas provisionnés (Entra ne développe pas les groupes imbriqués pour les affectations d’application). Affectez ce groupe directement à l’application si ses membres ont besoin de Webex.</translation>
    </message>
    <message>
      <source>The group {group} contains the groups {nested}: members of nested groups are not provisioned (Entra does not expand nested groups for app assignments). Assign those groups to the application directly if their members need Webex.</source>
      <extracomment>entra.note.nested_groups</extracomment>
      <translation>Le groupe {group} contient les groupes {nested} : les membres des groupes imbriqués ne sont pas provisionnés (Entra ne développe pas les groupes imbriqués pour les affectations d’application). Affectez ces groupes directement à l’application si leurs membres ont besoin de Webex.</translation>
    </message>
    <message numerus="yes">
      <source>{count} group member that is not a user was left out ({kinds}): only users are provisioned.</source>
      <extracomment>entra.note.other_members</extracomment>
      <translation>
        <numerusform>{count} membre de groupe qui n’est pas un utilisateur a été laissé de côté ({kinds}) : seuls les utilisateurs sont provisionnés.</numerusform>
        <numerusform>{count} membres de groupe qui ne sont pas des utilisateurs ont été laissés de côté ({kinds}) : seuls les utilisateurs sont provisionnés.</numerusform>
      </translation>
    </message>
    <message>
      <source>The scope changed to {scope}: every user is read again.</source>
      <extracomment>entra.note.scope_changed</extracomment>
      <translation>L’étendue est passée à {scope} : tous les utilisateurs sont relus.</translation>
    </message>
    <message>
      <source>The saved change token could not be read: every user is read again.</source>
      <extracomment>entra.note.token_unreadable</extracomment>
      <translation>Le jeton de modifications enregistré est illisible : tous les utilisateurs sont relus.</translation>
    </message>
    <message>
      <source>The scope {scope} is not known.</source>
      <extracomment>entra.scope.unknown</extracomment>
      <translation>L’étendue {scope} est inconnue.</translation>
    </message>
    <message>
      <source>Choose assigned or all.</source>
      <extracomment>entra.scope.unknown.next</extracomment>
      <translation>Choisissez assigned ou all.</translation>
    </message>
    <message>
      <source>Microsoft Entra ID refused the client secret (wrong or expired).</source>
      <extracomment>entra.sign_in.bad_secret</extracomment>
      <translation>Microsoft Entra ID a refusé le secret client (erroné ou expiré).</translation>
    </message>
    <message>
      <source>Create a new client secret under App registrations &gt; your app &gt; Certificates &amp; secrets, and store its value with `webex-provisioner profile set PROFILE --client-secret-stdin`.</source>
      <extracomment>entra.sign_in.bad_secret.next</extracomment>
      <translation>Créez un nouveau secret client sous Inscriptions d’applications &gt; votre application &gt; Certificats et secrets, et enregistrez sa valeur avec `webex-provisioner profile set PROFILE --client-secret-stdin`.</translation>
    </message>
    <message>
      <source>Create a new client secret under App registrations &gt; your app &gt; Certificates &amp; secrets, and paste its value in the Client secret field of the Source page.</source>
      <extracomment>entra.sign_in.bad_secret.next</extracomment>
      <translation>Créez un nouveau secret client sous Inscriptions d’applications &gt; votre application &gt; Certificats et secrets, et collez sa valeur dans le champ Secret client de la page Source.</translation>
    </message>
    <message>
      <source>The certificate of the sign-in service {host} is not trusted by this computer.</source>
      <extracomment>entra.sign_in.certificate</extracomment>
      <translation>Le certificat du service de connexion {host} n’est pas reconnu par cet ordinateur.</translation>
    </message>
    <message>
      <source>If your network inspects TLS, point the profile's CA file (or REQUESTS_CA_BUNDLE) at your company's CA bundle.</source>
      <extracomment>entra.sign_in.certificate.next graph.error.certificate.next</extracomment>
      <translation>Si votre réseau inspecte le TLS, indiquez le fichier d’AC du profil (ou REQUESTS_CA_BUNDLE) : le paquet d’AC de votre entreprise.</translation>
    </message>
    <message>
      <source>The sign-in code expired before anyone used it.</source>
      <extracomment>entra.sign_in.code_expired</extracomment>
      <translation>Le code de connexion a expiré avant d’être utilisé.</translation>
    </message>
    <message>
      <source>Start again and enter the code within 15 minutes.</source>
      <extracomment>entra.sign_in.code_expired.next</extracomment>
      <translation>Recommencez et saisissez le code dans les 15 minutes.</translation>
    </message>
    <message>
      <source>The sign-in was declined.</source>
      <extracomment>entra.sign_in.declined</extracomment>
      <translation>La connexion a été refusée.</translation>
    </message>
    <message>
      <source>Start again and accept the sign-in.</source>
      <extracomment>entra.sign_in.declined.next</extracomment>
      <translation>Recommencez et acceptez la connexion.</translation>
    </message>
    <message>
      <source>Signing in to Microsoft Entra ID needs you: the saved sign-in has expired.</source>
      <extracomment>entra.sign_in.needs_you</extracomment>
      <translation>La connexion à Microsoft Entra ID a besoin de vous : la connexion enregistrée a expiré.</translation>
    </message>
    <message>
      <source>Run `webex-provisioner test-connection --profile {profile}` and sign in with the code it shows.</source>
      <extracomment>entra.sign_in.needs_you.next</extracomment>
      <translation>Lancez `webex-provisioner test-connection --profile {profile}` et connectez-vous avec le code qu’elle affiche.</translation>
    </message>
    <message>
      <source>Press Sync now and sign in with the code shown (profile {profile}).</source>
      <extracomment>entra.sign_in.needs_you.next</extracomment>
      <translation>Appuyez sur Synchroniser maintenant et connectez-vous avec le code affiché (profil {profile}).</translation>
    </message>
    <message>
      <source>No application with client id {client_id} exists in tenant {tenant}.</source>
      <extracomment>entra.sign_in.no_application</extracomment>
      <translation>Aucune application d’ID client {client_id} n’existe dans le locataire {tenant}.</translation>
    </message>
    <message>
      <source>Copy the Application (client) ID and the Directory (tenant) ID from the app registration's overview.</source>
      <extracomment>entra.sign_in.no_application.next</extracomment>
      <translation>Copiez l’ID d’application (client) et l’ID de l’annuaire (locataire) depuis la vue d’ensemble de l’inscription d’application.</translation>
    </message>
    <message>
      <source>This app registration does not allow sign-in by device code.</source>
      <extracomment>entra.sign_in.no_device_code</extracomment>
      <translation>Cette inscription d’application n’autorise pas la connexion par code d’appareil.</translation>
    </message>
    <message>
      <source>Under App registrations &gt; your app &gt; Authentication, set 'Allow public client flows' to Yes.</source>
      <extracomment>entra.sign_in.no_device_code.next</extracomment>
      <translation>Sous Inscriptions d’applications &gt; votre application &gt; Authentification, réglez « Autoriser les flux de clients publics » sur Oui.</translation>
    </message>
    <message>
      <source>No keyring on this machine: the Microsoft sign-in is kept in memory only.</source>
      <extracomment>entra.sign_in.no_keyring</extracomment>
      <translation>Pas de trousseau sur cet ordinateur : la connexion Microsoft n’est gardée qu’en mémoire.</translation>
    </message>
    <message>
      <source>Microsoft Entra ID has no tenant {tenant}.</source>
      <extracomment>entra.sign_in.no_tenant</extracomment>
      <translation>Microsoft Entra ID n’a pas de locataire {tenant}.</translation>
    </message>
    <message>
      <source>Copy the Directory (tenant) ID from the Entra admin center's overview page.</source>
      <extracomment>entra.sign_in.no_tenant.next</extracomment>
      <translation>Copiez l’ID de l’annuaire (locataire) depuis la vue d’ensemble du centre d’administration Entra.</translation>
    </message>
    <message>
      <source>Microsoft Entra ID refused the sign-in ({error}: {description}).</source>
      <extracomment>entra.sign_in.refused</extracomment>
      <translation>Microsoft Entra ID a refusé la connexion ({error} : {description}).</translation>
    </message>
    <message>
      <source>Check the tenant id, the client id and the app registration, then test the connection again.</source>
      <extracomment>entra.sign_in.refused.next</extracomment>
      <translation>Vérifiez l’ID du locataire, l’ID client et l’inscription d’application, puis testez à nouveau la connexion.</translation>
    </message>
    <message>
      <source>The sign-in service at {host} did not describe tenant {tenant}.</source>
      <extracomment>entra.sign_in.tenant_not_described</extracomment>
      <translation>Le service de connexion à {host} n’a pas décrit le locataire {tenant}.</translation>
    </message>
    <message>
      <source>Check the tenant id and the authority (https://login.microsoftonline.com, or your national cloud's).</source>
      <extracomment>entra.sign_in.tenant_not_described.next</extracomment>
      <translation>Vérifiez l’ID du locataire et l’autorité (https://login.microsoftonline.com, ou celle de votre cloud national).</translation>
    </message>
    <message>
      <source>The sign-in service at {host} sent an answer larger than {cap} bytes.</source>
      <extracomment>entra.sign_in.too_large</extracomment>
      <translation>Le service de connexion à {host} a envoyé une réponse de plus de {cap} octets.</translation>
    </message>
    <message>
      <source>Check that the authority is Microsoft's sign-in service and that no proxy rewrites its answers (WEBEX_PROVISIONER_HTTP_MAX_BODY sets the limit).</source>
      <extracomment>entra.sign_in.too_large.next</extracomment>
      <translation>Vérifiez que l’autorité est bien le service de connexion de Microsoft et qu’aucun proxy ne réécrit ses réponses (WEBEX_PROVISIONER_HTTP_MAX_BODY fixe la limite).</translation>
    </message>
    <message>
      <source>The sign-in service at {host} did not finish its answer within {seconds} seconds.</source>
      <extracomment>entra.sign_in.too_slow</extracomment>
      <translation>Le service de connexion à {host} n’a pas terminé sa réponse en {seconds} secondes.</translation>
    </message>
    <message>
      <source>Check the network and the proxy (HTTPS_PROXY), then try again (WEBEX_PROVISIONER_HTTP_DEADLINE sets the limit).</source>
      <extracomment>entra.sign_in.too_slow.next</extracomment>
      <translation>Vérifiez le réseau et le proxy (HTTPS_PROXY), puis réessayez (WEBEX_PROVISIONER_HTTP_DEADLINE fixe la limite).</translation>
    </message>
    <message>
      <source>The sign-in service at {host} could not be reached ({error}).</source>
      <extracomment>entra.sign_in.unreachable</extracomment>
      <translation>Le service de connexion à {host} est injoignable ({error}).</translation>
    </message>
    <message>
      <source>Check the network connection and the proxy settings (HTTPS_PROXY), then try again.</source>
      <extracomment>entra.sign_in.unreachable.next</extracomment>
      <translation>Vérifiez la connexion réseau et les réglages du proxy (HTTPS_PROXY), puis réessayez.</translation>
    </message>
    <message>
      <source>application {app_id}</source>
      <extracomment>entra.skip.application_id</extracomment>
      <translation>l’application {app_id}</translation>
    </message>
    <message>
      <source>Assigned to {app} {how} with the Default Access role only: Entra does not provision such assignments. Assign a real role (such as User) to provision this user.</source>
      <extracomment>entra.skip.default_access</extracomment>
      <translation>Affecté à {app} {how} avec le seul rôle Default Access : Entra ne provisionne pas de telles affectations. Affectez un vrai rôle (par exemple User) pour provisionner cet utilisateur.</translation>
    </message>
    <message>
      <source>directly</source>
      <extracomment>entra.skip.directly</extracomment>
      <translation>directement</translation>
    </message>
    <message>
      <source>through the group {groups}</source>
      <extracomment>entra.skip.through_group</extracomment>
      <translation>par le groupe {groups}</translation>
    </message>
    <message>
      <source>{message} {next_step}</source>
      <extracomment>error.with_next_step</extracomment>
      <translation>{message} {next_step}</translation>
    </message>
    <message numerus="yes">
      <source>{function} takes at least {count} argument ({names})</source>
      <extracomment>expression.arity.at_least</extracomment>
      <translation>
        <numerusform>{function} prend au moins {count} argument ({names})</numerusform>
        <numerusform>{function} prend au moins {count} arguments ({names})</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{function} takes {low} to {count} argument ({names})</source>
      <extracomment>expression.arity.between</extracomment>
      <translation>
        <numerusform>{function} prend de {low} à {count} argument ({names})</numerusform>
        <numerusform>{function} prend de {low} à {count} arguments ({names})</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{function} takes {count} argument ({names})</source>
      <extracomment>expression.arity.exactly</extracomment>
      <translation>
        <numerusform>{function} prend {count} argument ({names})</numerusform>
        <numerusform>{function} prend {count} arguments ({names})</numerusform>
      </translation>
    </message>
    <message>
      <source>Switch takes the source, a default value, then key and value pairs ({names}): an even number of arguments, at least 4</source>
      <extracomment>expression.arity.switch</extracomment>
      <translation>Switch prend la source, une valeur par défaut, puis des paires clé et valeur ({names}) : un nombre pair d’arguments, au moins 4</translation>
    </message>
    <message>
      <source>The expression has an error at {where}: {problem}.</source>
      <extracomment>expression.error</extracomment>
      <translation>L’expression contient une erreur à la {where} : {problem}.</translation>
    </message>
    <message>
      <source>The expression has an error at {where}: {problem}</source>
      <extracomment>expression.error_ended</extracomment>
      <translation>L’expression contient une erreur à la {where} : {problem}</translation>
    </message>
    <message>
      <source>Correct the expression at that place and try again.</source>
      <extracomment>expression.next_step</extracomment>
      <translation>Corrigez l’expression à cet endroit et réessayez.</translation>
    </message>
    <message>
      <source>the argument {param} of {function} is missing</source>
      <extracomment>expression.problem.argument_missing</extracomment>
      <translation>l’argument {param} de {function} manque</translation>
    </message>
    <message>
      <source>an attribute name is missing between [ and ]</source>
      <extracomment>expression.problem.attribute_missing</extracomment>
      <translation>il manque un nom d’attribut entre [ et ]</translation>
    </message>
    <message>
      <source>the attribute name that starts here is not closed with "]"</source>
      <extracomment>expression.problem.attribute_not_closed</extracomment>
      <translation>le nom d’attribut qui commence ici n’est pas fermé par « ] »</translation>
    </message>
    <message>
      <source>the regular expression is not valid: {detail}</source>
      <extracomment>expression.problem.bad_regex</extracomment>
      <translation>l’expression régulière n’est pas valide : {detail}</translation>
    </message>
    <message>
      <source>the function {name} must be followed by "("</source>
      <extracomment>expression.problem.call_needs_paren</extracomment>
      <translation>la fonction {name} doit être suivie de « ( »</translation>
    </message>
    <message>
      <source>a comma or ")" is expected before {token}</source>
      <extracomment>expression.problem.comma_expected</extracomment>
      <translation>une virgule ou une « ) » est attendue avant {token}</translation>
    </message>
    <message>
      <source>the expression is empty</source>
      <extracomment>expression.problem.empty mapping.problem.empty_expression</extracomment>
      <translation>l’expression est vide</translation>
    </message>
    <message>
      <source>the expression ends where a value is expected</source>
      <extracomment>expression.problem.ends_too_soon</extracomment>
      <translation>l’expression se termine là où une valeur est attendue</translation>
    </message>
    <message>
      <source>unknown function "{name}"; function names are case-sensitive: write "{near}"</source>
      <extracomment>expression.problem.function_case</extracomment>
      <translation>fonction inconnue « {name} » ; les noms de fonctions distinguent majuscules et minuscules : écrivez « {near} »</translation>
    </message>
    <message>
      <source>{quote} is not a quote the language knows: text goes between straight double quotes, like "Paris"</source>
      <extracomment>expression.problem.not_a_quote</extracomment>
      <translation>{quote} n’est pas un guillemet que le langage connaît : le texte se place entre guillemets droits doubles, comme "Paris"</translation>
    </message>
    <message>
      <source>the "(" at column {column} is not closed</source>
      <extracomment>expression.problem.not_closed</extracomment>
      <translation>la « ( » de la colonne {column} n’est pas fermée</translation>
    </message>
    <message>
      <source>{param} of {function} must be a whole number, not "{value}"</source>
      <extracomment>expression.problem.not_whole</extracomment>
      <translation>{param} de {function} doit être un nombre entier, et non « {value} »</translation>
    </message>
    <message>
      <source>only one comparison is allowed here: nest IIF to combine conditions</source>
      <extracomment>expression.problem.one_comparison</extracomment>
      <translation>une seule comparaison est permise ici : imbriquez des IIF pour combiner des conditions</translation>
    </message>
    <message>
      <source>Replace needs oldValue with replacementValue or template, or regexPattern with replacementValue (or regexGroupName and replacementAttributeName); leave the others empty, e.g. Replace([mail], "@contoso.com", , , "", , )</source>
      <extracomment>expression.problem.replace_arguments</extracomment>
      <translation>Replace demande oldValue avec replacementValue ou template, ou regexPattern avec replacementValue (ou regexGroupName et replacementAttributeName) ; laissez les autres vides, par exemple Replace([mail], "@contoso.com", , , "", , )</translation>
    </message>
    <message>
      <source>the text that starts here has no closing double quote</source>
      <extracomment>expression.problem.text_not_closed</extracomment>
      <translation>le texte qui commence ici n’a pas de guillemet double fermant</translation>
    </message>
    <message>
      <source>unexpected {token}</source>
      <extracomment>expression.problem.unexpected</extracomment>
      <translation>élément inattendu : {token}</translation>
    </message>
    <message>
      <source>unexpected {token}: a comma is missing, or the expression goes on after its end</source>
      <extracomment>expression.problem.unexpected_after_end</extracomment>
      <translation>élément inattendu : {token} ; il manque une virgule, ou l’expression continue après sa fin</translation>
    </message>
    <message>
      <source>unexpected character "{ch}"</source>
      <extracomment>expression.problem.unexpected_character</extracomment>
      <translation>caractère inattendu « {ch} »</translation>
    </message>
    <message>
      <source>unexpected {token}: it closes no open parenthesis</source>
      <extracomment>expression.problem.unexpected_closing</extracomment>
      <translation>élément inattendu : {token} ; il ne ferme aucune parenthèse ouverte</translation>
    </message>
    <message>
      <source>unexpected {token} where a value is expected</source>
      <extracomment>expression.problem.unexpected_value</extracomment>
      <translation>élément inattendu là où une valeur est attendue : {token}</translation>
    </message>
    <message>
      <source>unexpected word "{name}": attributes go in square brackets, like [{name}], and text in double quotes, like "{name}"</source>
      <extracomment>expression.problem.unexpected_word</extracomment>
      <translation>mot inattendu « {name} » : les attributs se placent entre crochets, comme [{name}], et le texte entre guillemets doubles, comme "{name}"</translation>
    </message>
    <message>
      <source>unknown attribute "{name}"</source>
      <extracomment>expression.problem.unknown_attribute</extracomment>
      <translation>attribut inconnu « {name} »</translation>
    </message>
    <message>
      <source>unknown attribute "{name}"; did you mean "{near}"?</source>
      <extracomment>expression.problem.unknown_attribute_near</extracomment>
      <translation>attribut inconnu « {name} » ; vouliez-vous dire « {near} » ?</translation>
    </message>
    <message>
      <source>unknown function "{name}"</source>
      <extracomment>expression.problem.unknown_function</extracomment>
      <translation>fonction inconnue « {name} »</translation>
    </message>
    <message>
      <source>unknown function "{name}"; did you mean "{near}"?</source>
      <extracomment>expression.problem.unknown_function_near</extracomment>
      <translation>fonction inconnue « {name} » ; vouliez-vous dire « {near} » ?</translation>
    </message>
    <message>
      <source>a value is missing before {token}</source>
      <extracomment>expression.problem.value_missing</extracomment>
      <translation>il manque une valeur avant {token}</translation>
    </message>
    <message>
      <source>{arity}, not {given}</source>
      <extracomment>expression.problem.wrong_arity</extracomment>
      <translation>{arity}, et non {given}</translation>
    </message>
    <message>
      <source>attribute [{name}]</source>
      <extracomment>expression.token.attribute</extracomment>
      <translation>attribut [{name}]</translation>
    </message>
    <message>
      <source>end of the expression</source>
      <extracomment>expression.token.end</extracomment>
      <translation>fin de l’expression</translation>
    </message>
    <message>
      <source>"{value}"</source>
      <extracomment>expression.token.other sync.scope.quoted</extracomment>
      <translation>« {value} »</translation>
    </message>
    <message>
      <source>text "{value}"</source>
      <extracomment>expression.token.text</extracomment>
      <translation>texte « {value} »</translation>
    </message>
    <message>
      <source>word "{word}"</source>
      <extracomment>expression.token.word</extracomment>
      <translation>mot « {word} »</translation>
    </message>
    <message>
      <source>column {column} (at the end)</source>
      <extracomment>expression.where.end</extracomment>
      <translation>colonne {column} (à la fin)</translation>
    </message>
    <message>
      <source>column {column} (near `{snippet}`)</source>
      <extracomment>expression.where.near</extracomment>
      <translation>colonne {column} (près de `{snippet}`)</translation>
    </message>
    <message>
      <source>Microsoft Graph refused the sign-in token.</source>
      <extracomment>graph.error.auth</extracomment>
      <translation>Microsoft Graph a refusé le jeton de connexion.</translation>
    </message>
    <message>
      <source>Test the connection again; if it persists, check the tenant id and the app registration.</source>
      <extracomment>graph.error.auth.next</extracomment>
      <translation>Testez à nouveau la connexion ; si le problème persiste, vérifiez l’ID du locataire et l’inscription d’application.</translation>
    </message>
    <message>
      <source>The certificate of {host} is not trusted by this computer.</source>
      <extracomment>graph.error.certificate</extracomment>
      <translation>Le certificat de {host} n’est pas reconnu par cet ordinateur.</translation>
    </message>
    <message>
      <source>Microsoft Graph no longer knows the last change token.</source>
      <extracomment>graph.error.delta_expired</extracomment>
      <translation>Microsoft Graph ne connaît plus le dernier jeton de modifications.</translation>
    </message>
    <message>
      <source>Nothing to do: everything is read again this cycle.</source>
      <extracomment>graph.error.delta_expired.next</extracomment>
      <translation>Rien à faire : tout est relu pendant ce cycle.</translation>
    </message>
    <message>
      <source>Microsoft Graph ended a change list without a change token.</source>
      <extracomment>graph.error.no_delta_link</extracomment>
      <translation>Microsoft Graph a terminé une liste de modifications sans jeton de modifications.</translation>
    </message>
    <message>
      <source>Microsoft Graph has no {where}.</source>
      <extracomment>graph.error.not_found</extracomment>
      <translation>Microsoft Graph n’a pas de {where}.</translation>
    </message>
    <message>
      <source>Check the name or id in the profile.</source>
      <extracomment>graph.error.not_found.next</extracomment>
      <translation>Vérifiez le nom ou l’identifiant dans le profil.</translation>
    </message>
    <message>
      <source>Microsoft Graph answered with something that is not a JSON object.</source>
      <extracomment>graph.error.not_json</extracomment>
      <translation>Microsoft Graph a répondu par autre chose qu’un objet JSON.</translation>
    </message>
    <message>
      <source>Microsoft Graph answered with a link to another server.</source>
      <extracomment>graph.error.other_server</extracomment>
      <translation>Microsoft Graph a répondu avec un lien vers un autre serveur.</translation>
    </message>
    <message>
      <source>Check the Graph address in the profile (graph_url).</source>
      <extracomment>graph.error.other_server.next</extracomment>
      <translation>Vérifiez l’adresse Graph dans le profil (graph_url).</translation>
    </message>
    <message>
      <source>Microsoft Graph refused to read {where} ({code}): the app lacks the {permission} permission.</source>
      <extracomment>graph.error.permission</extracomment>
      <translation>Microsoft Graph a refusé de lire {where} ({code}) : il manque à l’application l’autorisation {permission}.</translation>
    </message>
    <message>
      <source>Microsoft Graph refused the request for {where} ({status} {code}: {message}).</source>
      <extracomment>graph.error.refused</extracomment>
      <translation>Microsoft Graph a refusé la requête pour {where} ({status} {code} : {message}).</translation>
    </message>
    <message>
      <source>Check the profile's settings; if they are right, report this with the request id {request_id}.</source>
      <extracomment>graph.error.refused.next</extracomment>
      <translation>Vérifiez les réglages du profil ; s’ils sont justes, signalez ce problème avec l’identifiant de requête {request_id}.</translation>
    </message>
    <message>
      <source>Check the profile's settings; if they are right, report this with the request id.</source>
      <extracomment>graph.error.refused.next_no_id</extracomment>
      <translation>Vérifiez les réglages du profil ; s’ils sont justes, signalez ce problème avec l’identifiant de requête.</translation>
    </message>
    <message>
      <source>Microsoft Graph kept failing ({status}).</source>
      <extracomment>graph.error.unavailable</extracomment>
      <translation>Microsoft Graph a échoué à plusieurs reprises ({status}).</translation>
    </message>
    <message>
      <source>Try again later; Microsoft's service health page says whether Graph has an incident.</source>
      <extracomment>graph.error.unavailable.next</extracomment>
      <translation>Réessayez plus tard ; la page d’état des services de Microsoft indique si Graph a un incident.</translation>
    </message>
    <message>
      <source>Microsoft Graph at {host} could not be reached ({error}).</source>
      <extracomment>graph.error.unreachable</extracomment>
      <translation>Microsoft Graph à {host} est injoignable ({error}).</translation>
    </message>
    <message>
      <source>Check the network connection, the proxy settings (HTTPS_PROXY) and the Graph address, then try again.</source>
      <extracomment>graph.error.unreachable.next</extracomment>
      <translation>Vérifiez la connexion réseau, les réglages du proxy (HTTPS_PROXY) et l’adresse Graph, puis réessayez.</translation>
    </message>
    <message>
      <source>Try again later.</source>
      <extracomment>graph.try_later</extracomment>
      <translation>Réessayez plus tard.</translation>
    </message>
    <message>
      <source>{url} is not a Microsoft Graph address.</source>
      <extracomment>graph.url.invalid</extracomment>
      <translation>{url} n’est pas une adresse Microsoft Graph.</translation>
    </message>
    <message>
      <source>Use https://graph.microsoft.com or your national cloud's Graph URL.</source>
      <extracomment>graph.url.invalid.next</extracomment>
      <translation>Utilisez https://graph.microsoft.com ou l’URL Graph de votre cloud national.</translation>
    </message>
    <message>
      <source>The Graph address {url} must use https://.</source>
      <extracomment>graph.url.not_https</extracomment>
      <translation>L’adresse Graph {url} doit utiliser https://.</translation>
    </message>
    <message>
      <source>Use https://graph.microsoft.com (plain http only for this computer).</source>
      <extracomment>graph.url.not_https.next</extracomment>
      <translation>Utilisez https://graph.microsoft.com (http simple seulement pour cet ordinateur).</translation>
    </message>
    <message numerus="yes">
      <source>{days} day</source>
      <extracomment>lock.age.days</extracomment>
      <translation>
        <numerusform>{days} jour</numerusform>
        <numerusform>{days} jours</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{days} day {hours} h</source>
      <extracomment>lock.age.days_hours</extracomment>
      <translation>
        <numerusform>{days} jour {hours} h</numerusform>
        <numerusform>{days} jours {hours} h</numerusform>
      </translation>
    </message>
    <message>
      <source>{hours} h</source>
      <extracomment>lock.age.hours</extracomment>
      <translation>{hours} h</translation>
    </message>
    <message>
      <source>{hours} h {minutes} min</source>
      <extracomment>lock.age.hours_minutes schedule.every.hours_minutes</extracomment>
      <translation>{hours} h {minutes} min</translation>
    </message>
    <message>
      <source>{minutes} min</source>
      <extracomment>lock.age.minutes</extracomment>
      <translation>{minutes} min</translation>
    </message>
    <message>
      <source>{seconds} s</source>
      <extracomment>lock.age.seconds</extracomment>
      <translation>{seconds} s</translation>
    </message>
    <message>
      <source>Cannot create the lock file of profile {profile} in {folder} ({problem}).</source>
      <extracomment>lock.error.cannot_create</extracomment>
      <translation>Impossible de créer le fichier de verrou du profil {profile} dans {folder} ({problem}).</translation>
    </message>
    <message>
      <source>Check that this folder exists and that your account may write to it.</source>
      <extracomment>lock.error.cannot_create_next</extracomment>
      <translation>Vérifiez que ce dossier existe et que votre compte peut y écrire.</translation>
    </message>
    <message>
      <source>The system refused to lock {path} ({problem}).</source>
      <extracomment>lock.error.refused</extracomment>
      <translation>Le système a refusé de verrouiller {path} ({problem}).</translation>
    </message>
    <message>
      <source>Keep the state folder on a local disk, or check its permissions.</source>
      <extracomment>lock.error.refused_next</extracomment>
      <translation>Gardez le dossier d’état sur un disque local, ou vérifiez ses autorisations.</translation>
    </message>
    <message>
      <source>Another webex-provisioner process is running a cycle of profile {profile}.</source>
      <extracomment>lock.held.another</extracomment>
      <translation>Un autre processus webex-provisioner exécute un cycle du profil {profile}.</translation>
    </message>
    <message>
      <source>Wait for that cycle to end, then try again; if it has hung, stop process {pid}.</source>
      <extracomment>lock.held.cycle_next</extracomment>
      <translation>Attendez la fin de ce cycle, puis réessayez ; s’il est bloqué, arrêtez le processus {pid}.</translation>
    </message>
    <message>
      <source>Wait for that cycle to end, then try again; if it has hung, stop process {pid} on {host}.</source>
      <extracomment>lock.held.cycle_next_host</extracomment>
      <translation>Attendez la fin de ce cycle, puis réessayez ; s’il est bloqué, arrêtez le processus {pid} sur {host}.</translation>
    </message>
    <message>
      <source>{next_step} If that host no longer runs it, clear the lock with `webex-provisioner restart --profile {profile} --clear-lock`.</source>
      <extracomment>lock.held.other_host_next</extracomment>
      <translation>{next_step} Si cet hôte ne l’exécute plus, libérez le verrou avec `webex-provisioner restart --profile {profile} --clear-lock`.</translation>
    </message>
    <message>
      <source>{message} That is longer than {limit} ({variable}): it may be stuck.</source>
      <extracomment>lock.held.stuck</extracomment>
      <translation>{message} C’est plus long que {limit} ({variable}) : il est peut-être bloqué.</translation>
    </message>
    <message>
      <source>{next_step} A lock left by a process that is gone is cleared with `webex-provisioner restart --profile {profile} --clear-lock`.</source>
      <extracomment>lock.held.stuck_next</extracomment>
      <translation>{next_step} Un verrou laissé par un processus disparu se libère avec `webex-provisioner restart --profile {profile} --clear-lock`.</translation>
    </message>
    <message>
      <source>Wait for it to end, then try again.</source>
      <extracomment>lock.held.wait</extracomment>
      <translation>Attendez qu’il se termine, puis réessayez.</translation>
    </message>
    <message>
      <source>Let that window finish its cycle or close it, then try again (the next scheduled run will catch up).</source>
      <extracomment>lock.held.window_next</extracomment>
      <translation>Laissez cette fenêtre terminer son cycle ou fermez-la, puis réessayez (la prochaine exécution planifiée rattrapera le retard).</translation>
    </message>
    <message>
      <source>{program} {purpose} (pid {pid}{where}) has run a cycle of profile {profile} since {since}</source>
      <extracomment>lock.holder.cycle</extracomment>
      <translation>{program} {purpose} (pid {pid}{where}) exécute un cycle du profil {profile} depuis {since}</translation>
    </message>
    <message>
      <source>{program} (the window, pid {pid}{where}) has held profile {profile} since {since}</source>
      <extracomment>lock.holder.window</extracomment>
      <translation>{program} (la fenêtre, pid {pid}{where}) tient le profil {profile} depuis {since}</translation>
    </message>
    <message>
      <source> on {host}</source>
      <extracomment>lock.on_host</extracomment>
      <translation> sur {host}</translation>
    </message>
    <message>
      <source>{text}.</source>
      <extracomment>lock.sentence mapping.sentence</extracomment>
      <translation>{text}.</translation>
    </message>
    <message>
      <source>{time} ({age})</source>
      <extracomment>lock.since</extracomment>
      <translation>{time} ({age})</translation>
    </message>
    <message>
      <source>warning: the log file {path} cannot be written ({reason}); free space on its disk or check its folder.</source>
      <extracomment>log.file.failed</extracomment>
      <translation>avertissement : le fichier journal {path} ne peut pas être écrit ({reason}) ; libérez de l’espace sur son disque ou vérifiez son dossier.</translation>
    </message>
    <message>
      <source>No mail server (SMTP host) is set for failure e-mail.</source>
      <extracomment>mail.config.no_host</extracomment>
      <translation>Aucun serveur de messagerie (hôte SMTP) n’est défini pour l’e-mail d’échec.</translation>
    </message>
    <message>
      <source>Set one with `webex-provisioner profile set NAME --smtp-host HOST --smtp-port PORT`, or on the wizard's Notification e-mail page.</source>
      <extracomment>mail.config.no_host.next</extracomment>
      <translation>Définissez-en un avec `webex-provisioner profile set NAME --smtp-host HOST --smtp-port PORT`, ou dans la page « E-mail de notification » de l’assistant.</translation>
    </message>
    <message>
      <source>The SMTP user {user} is set but no SMTP password is stored.</source>
      <extracomment>mail.config.no_password</extracomment>
      <translation>L’utilisateur SMTP {user} est défini, mais aucun mot de passe SMTP n’est enregistré.</translation>
    </message>
    <message>
      <source>Store it with `webex-provisioner profile set NAME --smtp-password-stdin`, or clear the SMTP user if the server takes mail without a login.</source>
      <extracomment>mail.config.no_password.next</extracomment>
      <translation>Enregistrez-le avec `webex-provisioner profile set NAME --smtp-password-stdin`, ou videz l’utilisateur SMTP si le serveur accepte le courrier sans connexion.</translation>
    </message>
    <message>
      <source>No recipient is set for failure e-mail.</source>
      <extracomment>mail.config.no_recipient</extracomment>
      <translation>Aucun destinataire n’est défini pour l’e-mail d’échec.</translation>
    </message>
    <message>
      <source>Add one with `webex-provisioner profile set NAME --notify-email ADDRESS`.</source>
      <extracomment>mail.config.no_recipient.next</extracomment>
      <translation>Ajoutez-en un avec `webex-provisioner profile set NAME --notify-email ADDRESS`.</translation>
    </message>
    <message>
      <source>No sender address is set for failure e-mail.</source>
      <extracomment>mail.config.no_sender</extracomment>
      <translation>Aucune adresse d’expéditeur n’est définie pour l’e-mail d’échec.</translation>
    </message>
    <message>
      <source>Set the sender on the wizard's Notification e-mail page (an address your mail server accepts), or use an e-mail address as the SMTP user.</source>
      <extracomment>mail.config.no_sender.next</extracomment>
      <translation>Définissez l’expéditeur dans la page « E-mail de notification » de l’assistant (une adresse que votre serveur de messagerie accepte), ou utilisez une adresse e-mail comme utilisateur SMTP.</translation>
    </message>
    <message>
      <source>The SMTP password would cross the network to {host} unencrypted.</source>
      <extracomment>mail.config.unencrypted</extracomment>
      <translation>Le mot de passe SMTP traverserait le réseau jusqu’à {host} sans chiffrement.</translation>
    </message>
    <message>
      <source>Choose --smtp-security starttls (port 587) or tls (port 465).</source>
      <extracomment>mail.config.unencrypted.next</extracomment>
      <translation>Choisissez --smtp-security starttls (port 587) ou tls (port 465).</translation>
    </message>
    <message>
      <source>Nothing was planned.</source>
      <extracomment>mail.counts.nothing</extracomment>
      <translation>Rien n’était prévu.</translation>
    </message>
    <message>
      <source>nothing was planned</source>
      <extracomment>mail.counts.nothing_line</extracomment>
      <translation>rien n’était prévu</translation>
    </message>
    <message>
      <source>{status} {number}</source>
      <extracomment>mail.counts.status</extracomment>
      <translation>{status} {number}</translation>
    </message>
    <message>
      <source>Cycle: {cycle}, started {started}, finished {finished}</source>
      <extracomment>mail.cycle_line</extracomment>
      <translation>Cycle : {cycle}, commencé le {started}, terminé le {finished}</translation>
    </message>
    <message>
      <source>all recipients</source>
      <extracomment>mail.error.all_recipients</extracomment>
      <translation>tous les destinataires</translation>
    </message>
    <message>
      <source>The mail server {server} closed the connection ({detail}).</source>
      <extracomment>mail.error.closed</extracomment>
      <translation>Le serveur de messagerie {server} a fermé la connexion ({detail}).</translation>
    </message>
    <message>
      <source>Check that the port matches the security (465 for tls, 587 for starttls, 25 for none) and try again.</source>
      <extracomment>mail.error.closed.next</extracomment>
      <translation>Vérifiez que le port correspond à la sécurité (465 pour tls, 587 pour starttls, 25 pour none) et réessayez.</translation>
    </message>
    <message>
      <source>The mail server {server} refused the login of {user} (SMTP {code}).</source>
      <extracomment>mail.error.login_refused</extracomment>
      <translation>Le serveur de messagerie {server} a refusé la connexion de {user} (SMTP {code}).</translation>
    </message>
    <message>
      <source>Check the SMTP user and password (`webex-provisioner profile set NAME --smtp-user USER --smtp-password-stdin`) and that this account may send mail.</source>
      <extracomment>mail.error.login_refused.next</extracomment>
      <translation>Vérifiez l’utilisateur et le mot de passe SMTP (`webex-provisioner profile set NAME --smtp-user USER --smtp-password-stdin`) et que ce compte peut envoyer du courrier.</translation>
    </message>
    <message>
      <source>The mail server {server} refused the message (SMTP {code}: {detail}).</source>
      <extracomment>mail.error.message</extracomment>
      <translation>Le serveur de messagerie {server} a refusé le message (SMTP {code} : {detail}).</translation>
    </message>
    <message>
      <source>Ask the mail admin whether this server accepts automated mail from this computer.</source>
      <extracomment>mail.error.message.next</extracomment>
      <translation>Demandez à l’administrateur de la messagerie si ce serveur accepte le courrier automatique de cet ordinateur.</translation>
    </message>
    <message>
      <source>The mail server {server} offers no login on this connection.</source>
      <extracomment>mail.error.no_login</extracomment>
      <translation>Le serveur de messagerie {server} ne propose pas de connexion sur cette liaison.</translation>
    </message>
    <message>
      <source>Use --smtp-security starttls or tls, or clear the SMTP user if the server takes mail without a login.</source>
      <extracomment>mail.error.no_login.next</extracomment>
      <translation>Utilisez --smtp-security starttls ou tls, ou videz l’utilisateur SMTP si le serveur accepte le courrier sans connexion.</translation>
    </message>
    <message>
      <source>The mail server {server} does not offer STARTTLS.</source>
      <extracomment>mail.error.no_starttls</extracomment>
      <translation>Le serveur de messagerie {server} ne propose pas STARTTLS.</translation>
    </message>
    <message>
      <source>Choose --smtp-security tls (usually port 465), or ask the mail admin which security the server uses.</source>
      <extracomment>mail.error.no_starttls.next</extracomment>
      <translation>Choisissez --smtp-security tls (en général le port 465), ou demandez à l’administrateur de la messagerie quelle sécurité le serveur utilise.</translation>
    </message>
    <message>
      <source>The mail server {server} does not support what sending needs ({detail}).</source>
      <extracomment>mail.error.not_supported</extracomment>
      <translation>Le serveur de messagerie {server} ne prend pas en charge ce que l’envoi demande ({detail}).</translation>
    </message>
    <message>
      <source>Ask the mail admin which server and port to use for automated mail.</source>
      <extracomment>mail.error.not_supported.next</extracomment>
      <translation>Demandez à l’administrateur de la messagerie quel serveur et quel port utiliser pour le courrier automatique.</translation>
    </message>
    <message>
      <source>The mail server {server} refused the recipients {refused}.</source>
      <extracomment>mail.error.recipients</extracomment>
      <translation>Le serveur de messagerie {server} a refusé les destinataires {refused}.</translation>
    </message>
    <message>
      <source>Check the addresses, and that this server relays mail to them (`webex-provisioner profile set NAME --notify-email ADDRESS`).</source>
      <extracomment>mail.error.recipients.next</extracomment>
      <translation>Vérifiez les adresses, et que ce serveur leur relaie le courrier (`webex-provisioner profile set NAME --notify-email ADDRESS`).</translation>
    </message>
    <message>
      <source>The mail server {server} refused the sender {sender} (SMTP {code}: {detail}).</source>
      <extracomment>mail.error.sender</extracomment>
      <translation>Le serveur de messagerie {server} a refusé l’expéditeur {sender} (SMTP {code} : {detail}).</translation>
    </message>
    <message>
      <source>Use a sender address this server accepts, often the SMTP user's own.</source>
      <extracomment>mail.error.sender.next</extracomment>
      <translation>Utilisez une adresse d’expéditeur que ce serveur accepte, souvent celle de l’utilisateur SMTP.</translation>
    </message>
    <message>
      <source>Sending through {server} failed ({detail}).</source>
      <extracomment>mail.error.sending</extracomment>
      <translation>L’envoi via {server} a échoué ({detail}).</translation>
    </message>
    <message>
      <source>Check the SMTP settings and try again.</source>
      <extracomment>mail.error.sending.next</extracomment>
      <translation>Vérifiez les paramètres SMTP et réessayez.</translation>
    </message>
    <message>
      <source>The TLS connection to the mail server {server} failed ({detail}).</source>
      <extracomment>mail.error.tls</extracomment>
      <translation>La connexion TLS au serveur de messagerie {server} a échoué ({detail}).</translation>
    </message>
    <message>
      <source>Check that the port matches the security: 465 for tls, 587 for starttls.</source>
      <extracomment>mail.error.tls.next</extracomment>
      <translation>Vérifiez que le port correspond à la sécurité : 465 pour tls, 587 pour starttls.</translation>
    </message>
    <message>
      <source>Could not reach the mail server {server}: {why}.</source>
      <extracomment>mail.error.unreachable</extracomment>
      <translation>Impossible de joindre le serveur de messagerie {server} : {why}.</translation>
    </message>
    <message>
      <source>Check the SMTP host and port, that the server runs, and that no firewall blocks the port; then send a test message (`webex-provisioner notify test --profile NAME`).</source>
      <extracomment>mail.error.unreachable.next</extracomment>
      <translation>Vérifiez l’hôte et le port SMTP, que le serveur fonctionne et qu’aucun pare-feu ne bloque le port ; puis envoyez un message de test (`webex-provisioner notify test --profile NAME`).</translation>
    </message>
    <message>
      <source>The certificate of the mail server {server} is not trusted ({detail}).</source>
      <extracomment>mail.error.untrusted</extracomment>
      <translation>Le certificat du serveur de messagerie {server} n’est pas reconnu ({detail}).</translation>
    </message>
    <message>
      <source>If your company inspects TLS, point SSL_CERT_FILE at its CA bundle; otherwise check the SMTP host name (it must match the certificate).</source>
      <extracomment>mail.error.untrusted.next</extracomment>
      <translation>Si votre entreprise inspecte le TLS, faites pointer SSL_CERT_FILE vers son paquet d’autorités ; sinon, vérifiez le nom d’hôte SMTP (il doit correspondre au certificat).</translation>
    </message>
    <message>
      <source>connection refused</source>
      <extracomment>mail.error.why.refused</extracomment>
      <translation>connexion refusée</translation>
    </message>
    <message>
      <source>no answer in time</source>
      <extracomment>mail.error.why.timeout</extracomment>
      <translation>pas de réponse à temps</translation>
    </message>
    <message>
      <source>unknown host name</source>
      <extracomment>mail.error.why.unknown_host</extracomment>
      <translation>nom d’hôte inconnu</translation>
    </message>
    <message>
      <source>Action</source>
      <extracomment>mail.failures.action</extracomment>
      <translation>Action</translation>
    </message>
    <message>
      <source>Error</source>
      <extracomment>mail.failures.error</extracomment>
      <translation>Erreur</translation>
    </message>
    <message>
      <source>First failures ({shown} of {total})</source>
      <extracomment>mail.failures.heading</extracomment>
      <translation>Premiers échecs ({shown} sur {total})</translation>
    </message>
    <message>
      <source>First failures ({shown} of {total}):</source>
      <extracomment>mail.failures.heading_line</extracomment>
      <translation>Premiers échecs ({shown} sur {total}) :</translation>
    </message>
    <message>
      <source>{number}. {user}: {action} failed: {error}</source>
      <extracomment>mail.failures.line</extracomment>
      <translation>{number}. {user} : échec de l’action {action} : {error}</translation>
    </message>
    <message>
      <source>Next step</source>
      <extracomment>mail.failures.next_step</extracomment>
      <translation>Étape suivante</translation>
    </message>
    <message>
      <source>no detail</source>
      <extracomment>mail.failures.no_detail</extracomment>
      <translation>aucun détail</translation>
    </message>
    <message>
      <source>(unknown)</source>
      <extracomment>mail.failures.unknown_user</extracomment>
      <translation>(inconnu)</translation>
    </message>
    <message>
      <source>User</source>
      <extracomment>mail.failures.user word.object.user</extracomment>
      <translation>Utilisateur</translation>
    </message>
    <message>
      <source>Sent by webex-provisioner {version} on {host}, because this address is a failure e-mail recipient of the profile.</source>
      <extracomment>mail.footer</extracomment>
      <translation>Envoyé par webex-provisioner {version} depuis {host}, car cette adresse fait partie des destinataires des e-mails d’échec du profil.</translation>
    </message>
    <message>
      <source>Counts</source>
      <extracomment>mail.heading.counts</extracomment>
      <translation>Totaux</translation>
    </message>
    <message>
      <source>Counts:</source>
      <extracomment>mail.heading.counts_line</extracomment>
      <translation>Totaux :</translation>
    </message>
    <message>
      <source>What to do next</source>
      <extracomment>mail.heading.next</extracomment>
      <translation>Que faire ensuite</translation>
    </message>
    <message>
      <source>What to do next:</source>
      <extracomment>mail.heading.next_line</extracomment>
      <translation>Que faire ensuite :</translation>
    </message>
    <message>
      <source>Cycle</source>
      <extracomment>mail.label.cycle</extracomment>
      <translation>Cycle</translation>
    </message>
    <message>
      <source>Finished</source>
      <extracomment>mail.label.finished</extracomment>
      <translation>Fin</translation>
    </message>
    <message>
      <source>Next attempt</source>
      <extracomment>mail.label.next_attempt</extracomment>
      <translation>Prochaine tentative</translation>
    </message>
    <message>
      <source>Outcome</source>
      <extracomment>mail.label.outcome</extracomment>
      <translation>Résultat</translation>
    </message>
    <message>
      <source>Profile</source>
      <extracomment>mail.label.profile</extracomment>
      <translation>Profil</translation>
    </message>
    <message>
      <source>Started</source>
      <extracomment>mail.label.started</extracomment>
      <translation>Début</translation>
    </message>
    <message>
      <source>Why</source>
      <extracomment>mail.label.why</extracomment>
      <translation>Cause</translation>
    </message>
    <message>
      <source>{label}: {value}</source>
      <extracomment>mail.line</extracomment>
      <translation>{label} : {value}</translation>
    </message>
    <message>
      <source>Look at the failures in the provisioning log (`webex-provisioner logs --profile {profile}`).</source>
      <extracomment>mail.next.failures</extracomment>
      <translation>Consultez les échecs dans le journal de provisionnement (`webex-provisioner logs --profile {profile}`).</translation>
    </message>
    <message>
      <source>Review the planned disables and deletes (`webex-provisioner sync --profile {profile} --dry-run`); if they are expected, run `webex-provisioner sync --profile {profile} --allow-deletes`.</source>
      <extracomment>mail.next.held</extracomment>
      <translation>Vérifiez les désactivations et suppressions prévues (`webex-provisioner sync --profile {profile} --dry-run`) ; si elles sont attendues, lancez `webex-provisioner sync --profile {profile} --allow-deletes`.</translation>
    </message>
    <message>
      <source>Fix the cause above, then restart provisioning (the dashboard's Restart, or `webex-provisioner restart --profile {profile}`).</source>
      <extracomment>mail.next.quarantined</extracomment>
      <translation>Corrigez la cause ci-dessus, puis redémarrez le provisionnement (le bouton « Redémarrer » du tableau de bord, ou `webex-provisioner restart --profile {profile}`).</translation>
    </message>
    <message>
      <source>not before {when}</source>
      <extracomment>mail.not_before</extracomment>
      <translation>pas avant le {when}</translation>
    </message>
    <message>
      <source>cycle failed</source>
      <extracomment>mail.outcome.failed</extracomment>
      <translation>échec du cycle</translation>
    </message>
    <message numerus="yes">
      <source>cycle ended with {count} failure</source>
      <extracomment>mail.outcome.failures</extracomment>
      <translation>
        <numerusform>cycle terminé avec {count} échec</numerusform>
        <numerusform>cycle terminé avec {count} échecs</numerusform>
      </translation>
    </message>
    <message>
      <source>cycle held by the deletion threshold</source>
      <extracomment>mail.outcome.held</extracomment>
      <translation>cycle retenu par le seuil de suppression accidentelle</translation>
    </message>
    <message>
      <source>cycle {outcome}</source>
      <extracomment>mail.outcome.other</extracomment>
      <translation>cycle {outcome}</translation>
    </message>
    <message>
      <source>provisioning quarantined</source>
      <extracomment>mail.outcome.quarantined</extracomment>
      <translation>provisionnement en quarantaine</translation>
    </message>
    <message>
      <source>no encryption</source>
      <extracomment>mail.security.none</extracomment>
      <translation>sans chiffrement</translation>
    </message>
    <message>
      <source>STARTTLS</source>
      <extracomment>mail.security.starttls</extracomment>
      <translation>STARTTLS</translation>
    </message>
    <message>
      <source>{host}:{port} ({security})</source>
      <extracomment>mail.server</extracomment>
      <translation>{host}:{port} ({security})</translation>
    </message>
    <message>
      <source>{prefix} {profile}: {outcome}</source>
      <extracomment>mail.subject</extracomment>
      <translation>{prefix} {profile} : {outcome}</translation>
    </message>
    <message>
      <source>This is a test message from webex-provisioner.</source>
      <extracomment>mail.test.from</extracomment>
      <translation>Ceci est un message de test de webex-provisioner.</translation>
    </message>
    <message>
      <source>This is a test message from webex-provisioner for profile {profile}.</source>
      <extracomment>mail.test.from_profile</extracomment>
      <translation>Ceci est un message de test de webex-provisioner pour le profil {profile}.</translation>
    </message>
    <message>
      <source>One message is sent per new problem, not one per cycle while it lasts.</source>
      <extracomment>mail.test.once</extracomment>
      <translation>Un seul message est envoyé par nouveau problème, et non un par cycle tant qu’il dure.</translation>
    </message>
    <message>
      <source>Mail server: {server}</source>
      <extracomment>mail.test.server</extracomment>
      <translation>Serveur de messagerie : {server}</translation>
    </message>
    <message>
      <source>{prefix} Test message</source>
      <extracomment>mail.test.subject</extracomment>
      <translation>{prefix} Message de test</translation>
    </message>
    <message>
      <source>{prefix} Test message for profile {profile}</source>
      <extracomment>mail.test.subject_profile</extracomment>
      <translation>{prefix} Message de test pour le profil {profile}</translation>
    </message>
    <message>
      <source>Failure e-mail works. When a provisioning cycle is quarantined, held by the accidental-deletion threshold, or ends with failures, a report like this one is sent to: {recipients}.</source>
      <extracomment>mail.test.works</extracomment>
      <translation>L’e-mail d’échec fonctionne. Quand un cycle de provisionnement est mis en quarantaine, retenu par le seuil de suppression accidentelle ou se termine avec des échecs, un rapport comme celui-ci est envoyé à : {recipients}.</translation>
    </message>
    <message>
      <source>(empty)</source>
      <extracomment>mapping.empty_target</extracomment>
      <translation>(vide)</translation>
    </message>
    <message>
      <source>The mapping for "{target}" has an error: {problem}</source>
      <extracomment>mapping.error</extracomment>
      <translation>Le mappage de « {target} » contient une erreur : {problem}</translation>
    </message>
    <message>
      <source>The mapping for "{target}" has an error at {where}: {problem}</source>
      <extracomment>mapping.error_at</extracomment>
      <translation>Le mappage de « {target} » contient une erreur à la {where} : {problem}</translation>
    </message>
    <message>
      <source>The mapping for "{target}" for {user} has an error: {problem}</source>
      <extracomment>mapping.error_for</extracomment>
      <translation>Le mappage de « {target} » pour {user} contient une erreur : {problem}</translation>
    </message>
    <message>
      <source>The mapping for "{target}" for {user} has an error at {where}: {problem}</source>
      <extracomment>mapping.error_for_at</extracomment>
      <translation>Le mappage de « {target} » pour {user} contient une erreur à la {where} : {problem}</translation>
    </message>
    <message>
      <source>Correct the mapping on the Attribute mappings page and save again.</source>
      <extracomment>mapping.next_step</extracomment>
      <translation>Corrigez le mappage sur la page Mappages des attributs et enregistrez de nouveau.</translation>
    </message>
    <message>
      <source>the constant "{value}" is not true or false</source>
      <extracomment>mapping.problem.constant_not_boolean</extracomment>
      <translation>la constante « {value} » n’est ni vrai ni faux</translation>
    </message>
    <message>
      <source>the default "{value}" is not true or false</source>
      <extracomment>mapping.problem.default_not_boolean</extracomment>
      <translation>la valeur par défaut « {value} » n’est ni vrai ni faux</translation>
    </message>
    <message>
      <source>a direct mapping needs a source attribute</source>
      <extracomment>mapping.problem.direct_needs_source</extracomment>
      <translation>un mappage direct a besoin d’un attribut source</translation>
    </message>
    <message>
      <source>the attribute is mapped twice (also as {other})</source>
      <extracomment>mapping.problem.mapped_twice</extracomment>
      <translation>l’attribut est mappé deux fois (aussi comme {other})</translation>
    </message>
    <message>
      <source>Keep one mapping per target attribute.</source>
      <extracomment>mapping.problem.mapped_twice_next</extracomment>
      <translation>Gardez un seul mappage par attribut cible.</translation>
    </message>
    <message>
      <source>a matching attribute must have a value</source>
      <extracomment>mapping.problem.matching_needs_value</extracomment>
      <translation>un attribut de correspondance doit avoir une valeur</translation>
    </message>
    <message>
      <source>group members can only be mapped directly (or not at all)</source>
      <extracomment>mapping.problem.members_direct</extracomment>
      <translation>les membres d’un groupe ne peuvent être mappés que directement (ou pas du tout)</translation>
    </message>
    <message>
      <source>the matching precedence cannot be negative</source>
      <extracomment>mapping.problem.negative_precedence</extracomment>
      <translation>la priorité de correspondance ne peut pas être négative</translation>
    </message>
    <message>
      <source>no group mapping is a matching attribute</source>
      <extracomment>mapping.problem.no_matching_group</extracomment>
      <translation>aucun mappage de groupe n’est un attribut de correspondance</translation>
    </message>
    <message>
      <source>Give {attribute} matching precedence 1.</source>
      <extracomment>mapping.problem.no_matching_next</extracomment>
      <translation>Donnez à {attribute} la priorité de correspondance 1.</translation>
    </message>
    <message>
      <source>no user mapping is a matching attribute</source>
      <extracomment>mapping.problem.no_matching_user</extracomment>
      <translation>aucun mappage d’utilisateur n’est un attribut de correspondance</translation>
    </message>
    <message>
      <source>the source has no attribute "{name}"</source>
      <extracomment>mapping.problem.no_such_source</extracomment>
      <translation>la source n’a pas d’attribut « {name} »</translation>
    </message>
    <message>
      <source>Choose one of the source's attributes.</source>
      <extracomment>mapping.problem.no_such_source_next</extracomment>
      <translation>Choisissez l’un des attributs de la source.</translation>
    </message>
    <message>
      <source>it is not a valid SCIM path: {problem}</source>
      <extracomment>mapping.problem.not_a_path</extracomment>
      <translation>ce n’est pas un chemin SCIM valide : {problem}</translation>
    </message>
    <message>
      <source>"{value}" is not true or false</source>
      <extracomment>mapping.problem.not_boolean</extracomment>
      <translation>« {value} » n’est ni vrai ni faux</translation>
    </message>
    <message>
      <source>Fix the value in the directory, or map a true/false value.</source>
      <extracomment>mapping.problem.not_boolean_next</extracomment>
      <translation>Corrigez la valeur dans l’annuaire, ou mappez une valeur vrai/faux.</translation>
    </message>
    <message>
      <source>"{value}" is not a language and a country such as fr-FR or fr_FR (Webex takes only that form)</source>
      <extracomment>mapping.problem.not_language_tag</extracomment>
      <translation>« {value} » n’est pas une langue suivie d’un pays comme fr-FR ou fr_FR (Webex n’accepte que cette forme)</translation>
    </message>
    <message>
      <source>Fix the value in the directory (e.g. en-US), or map an expression that gives a language and a country.</source>
      <extracomment>mapping.problem.not_language_tag_next</extracomment>
      <translation>Corrigez la valeur dans l’annuaire (par exemple en-US), ou mappez une expression qui donne une langue et un pays.</translation>
    </message>
    <message>
      <source>{other} already has matching precedence {precedence}</source>
      <extracomment>mapping.problem.precedence_taken</extracomment>
      <translation>{other} a déjà la priorité de correspondance {precedence}</translation>
    </message>
    <message>
      <source>Give each matching attribute its own precedence (1, 2, ...).</source>
      <extracomment>mapping.problem.precedence_taken_next</extracomment>
      <translation>Donnez à chaque attribut de correspondance sa propre priorité (1, 2, …).</translation>
    </message>
    <message>
      <source>no group mapping writes {attribute}, which the target requires</source>
      <extracomment>mapping.problem.required_group</extracomment>
      <translation>aucun mappage de groupe n’écrit {attribute}, que la cible exige</translation>
    </message>
    <message>
      <source>Add a group mapping for {attribute} (or restore the default mappings).</source>
      <extracomment>mapping.problem.required_group_next</extracomment>
      <translation>Ajoutez un mappage de groupe pour {attribute} (ou rétablissez les mappages par défaut).</translation>
    </message>
    <message>
      <source>no user mapping writes {attribute}, which the target requires</source>
      <extracomment>mapping.problem.required_user</extracomment>
      <translation>aucun mappage d’utilisateur n’écrit {attribute}, que la cible exige</translation>
    </message>
    <message>
      <source>Add a user mapping for {attribute} (or restore the default mappings).</source>
      <extracomment>mapping.problem.required_user_next</extracomment>
      <translation>Ajoutez un mappage d’utilisateur pour {attribute} (ou rétablissez les mappages par défaut).</translation>
    </message>
    <message>
      <source>The CA bundle named by {name} ({path}) does not exist.</source>
      <extracomment>net.ca_bundle.missing</extracomment>
      <translation>Le paquet d’autorités de certification désigné par {name} ({path}) n’existe pas.</translation>
    </message>
    <message>
      <source>Fix {name} to point at a PEM file, or unset it.</source>
      <extracomment>net.ca_bundle.missing.step</extracomment>
      <translation>Faites pointer {name} vers un fichier PEM, ou supprimez-la.</translation>
    </message>
    <message>
      <source>{host} did not send its whole answer within {seconds} s (the deadline of one request).</source>
      <extracomment>net.deadline</extracomment>
      <translation>{host} n’a pas envoyé toute sa réponse en {seconds} s (le délai maximal d’une requête).</translation>
    </message>
    <message>
      <source>Check the network and the proxy settings (HTTPS_PROXY), then try again; a slow link may need a longer deadline ({variable}).</source>
      <extracomment>net.deadline.step</extracomment>
      <translation>Vérifiez le réseau et les paramètres du proxy (HTTPS_PROXY), puis réessayez ; une liaison lente peut demander un délai plus long ({variable}).</translation>
    </message>
    <message>
      <source>{name} must be a positive number; it is {value}.</source>
      <extracomment>net.env.not_positive</extracomment>
      <translation>{name} doit être un nombre positif ; sa valeur est {value}.</translation>
    </message>
    <message>
      <source>Fix {name} or unset it (the default is {default}).</source>
      <extracomment>net.env.not_positive.step</extracomment>
      <translation>Corrigez {name} ou supprimez-la (la valeur par défaut est {default}).</translation>
    </message>
    <message>
      <source>Could not reach the proxy {address} set by {variable} (on the way to {host}).</source>
      <extracomment>net.proxy</extracomment>
      <translation>Impossible de joindre le proxy {address} défini par {variable} (en route vers {host}).</translation>
    </message>
    <message>
      <source>Check that the proxy runs and that {variable} names it (or unset it, or add the host to NO_PROXY), then try again.</source>
      <extracomment>net.proxy.step</extracomment>
      <translation>Vérifiez que le proxy fonctionne et que {variable} le désigne (ou supprimez-la, ou ajoutez l’hôte à NO_PROXY), puis réessayez.</translation>
    </message>
    <message>
      <source>(unreadable address)</source>
      <extracomment>net.proxy.unreadable</extracomment>
      <translation>(adresse illisible)</translation>
    </message>
    <message>
      <source>{host} sent an answer larger than {size} bytes; it was stopped there.</source>
      <extracomment>net.too_large</extracomment>
      <translation>{host} a envoyé une réponse de plus de {size} octets ; elle a été interrompue.</translation>
    </message>
    <message>
      <source>Check the address (a proxy or a wrong server may stand in the way); a larger answer needs a larger cap ({variable}).</source>
      <extracomment>net.too_large.step</extracomment>
      <translation>Vérifiez l’adresse (un proxy ou un mauvais serveur peut faire obstacle) ; une réponse plus grande demande une limite plus haute ({variable}).</translation>
    </message>
    <message>
      <source>This organisation id does not hold a UUID.</source>
      <extracomment>orgid.error.no_uuid</extracomment>
      <translation>Cet identifiant d’organisation ne contient pas d’UUID.</translation>
    </message>
    <message>
      <source>The orgId is neither a UUID nor a Webex organisation id.</source>
      <extracomment>orgid.error.not_an_id</extracomment>
      <translation>L’orgId n’est ni un UUID ni un identifiant d’organisation Webex.</translation>
    </message>
    <message>
      <source>This is a Webex {kind} id, not the organisation id.</source>
      <extracomment>orgid.error.other_id</extracomment>
      <translation>C’est un identifiant Webex de type {kind}, pas celui de l’organisation.</translation>
    </message>
    <message>
      <source>This is a person id, not the organisation id.</source>
      <extracomment>orgid.error.person_id</extracomment>
      <translation>C’est l’identifiant d’une personne, pas celui de l’organisation.</translation>
    </message>
    <message>
      <source>The organisation UUID is not a UUID.</source>
      <extracomment>orgid.error.uuid_invalid</extracomment>
      <translation>L’UUID de l’organisation n’est pas un UUID.</translation>
    </message>
    <message>
      <source>Copy the "orgId" value from "Get My Own Details" (people/me).</source>
      <extracomment>orgid.step.copy</extracomment>
      <translation>Copiez la valeur « orgId » de « Get My Own Details » (people/me).</translation>
    </message>
    <message>
      <source>Copy the "orgId" value from "Get My Own Details" (people/me) again.</source>
      <extracomment>orgid.step.no_uuid</extracomment>
      <translation>Copiez de nouveau la valeur « orgId » de « Get My Own Details » (people/me).</translation>
    </message>
    <message>
      <source>Copy the "orgId" value from "Get My Own Details" (people/me), or the organisation UUID from Control Hub.</source>
      <extracomment>orgid.step.not_an_id</extracomment>
      <translation>Copiez la valeur « orgId » de « Get My Own Details » (people/me), ou l’UUID de l’organisation depuis Control Hub.</translation>
    </message>
    <message>
      <source>In the people/me answer, copy "orgId", not "id".</source>
      <extracomment>orgid.step.person_id</extracomment>
      <translation>Dans la réponse de people/me, copiez « orgId », pas « id ».</translation>
    </message>
    <message>
      <source>Give the UUID form, for example 96abc2aa-3dcc-11e5-a152-fe34819cdc9a.</source>
      <extracomment>orgid.step.uuid_invalid</extracomment>
      <translation>Donnez la forme UUID, par exemple 96abc2aa-3dcc-11e5-a152-fe34819cdc9a.</translation>
    </message>
    <message>
      <source>people/me answered an orgId that is not a Webex organisation id.</source>
      <extracomment>people.error.bad_org</extracomment>
      <translation>people/me a répondu par un orgId qui n’est pas un identifiant d’organisation Webex.</translation>
    </message>
    <message>
      <source>people/me answered without an id or an orgId.</source>
      <extracomment>people.error.no_id</extracomment>
      <translation>people/me a répondu sans id ni orgId.</translation>
    </message>
    <message>
      <source>people/me answered something that is not JSON.</source>
      <extracomment>people.error.not_json</extracomment>
      <translation>people/me a répondu autre chose que du JSON.</translation>
    </message>
    <message>
      <source>people/me did not answer a JSON object.</source>
      <extracomment>people.error.not_object</extracomment>
      <translation>people/me n’a pas répondu par un objet JSON.</translation>
    </message>
    <message>
      <source>device admin</source>
      <extracomment>people.role.device_admin</extracomment>
      <translation>administrateur des appareils</translation>
    </message>
    <message>
      <source>full admin</source>
      <extracomment>people.role.full_admin</extracomment>
      <translation>administrateur complet</translation>
    </message>
    <message>
      <source>group admin</source>
      <extracomment>people.role.group_admin</extracomment>
      <translation>administrateur des groupes</translation>
    </message>
    <message>
      <source>{name}</source>
      <extracomment>people.role.other</extracomment>
      <translation>{name}</translation>
    </message>
    <message>
      <source>read-only admin</source>
      <extracomment>people.role.readonly_admin</extracomment>
      <translation>administrateur en lecture seule</translation>
    </message>
    <message>
      <source>user admin</source>
      <extracomment>people.role.user_admin</extracomment>
      <translation>administrateur des utilisateurs</translation>
    </message>
    <message>
      <source>{first}, {rest}</source>
      <extracomment>people.roles.list sync.write.list</extracomment>
      <translation>{first}, {rest}</translation>
    </message>
    <message>
      <source>no admin role</source>
      <extracomment>people.roles.none</extracomment>
      <translation>aucun rôle d’administrateur</translation>
    </message>
    <message>
      <source>Check that the tenant URL points at the Webex API.</source>
      <extracomment>people.step.no_id</extracomment>
      <translation>Vérifiez que l’URL du locataire pointe vers l’API Webex.</translation>
    </message>
    <message>
      <source>{first} and {second}</source>
      <extracomment>profile.and</extracomment>
      <translation>{first} et {second}</translation>
    </message>
    <message>
      <source>Profile {name} created: {path}</source>
      <extracomment>profile.created</extracomment>
      <translation>Profil {name} créé : {path}</translation>
    </message>
    <message numerus="yes">
      <source>{count} invalid rows in the CSV file (rows {rows}): {action}.</source>
      <extracomment>profile.csv.invalid_rows</extracomment>
      <translation>
        <numerusform>{count} ligne non valide dans le fichier CSV (lignes {rows}) : {action}.</numerusform>
        <numerusform>{count} lignes non valides dans le fichier CSV (lignes {rows}) : {action}.</numerusform>
      </translation>
    </message>
    <message>
      <source>they will be left out (--skip-invalid)</source>
      <extracomment>profile.csv.left_out</extracomment>
      <translation>elles seront laissées de côté (--skip-invalid)</translation>
    </message>
    <message>
      <source>{file}: {users} users, {groups} groups ({encoding}, {delimiter}-separated).</source>
      <extracomment>profile.csv.read</extracomment>
      <translation>{file} : {users} utilisateurs, {groups} groupes ({encoding}, séparateur {delimiter}).</translation>
    </message>
    <message>
      <source>a sync will stop until they are fixed, or add --skip-invalid</source>
      <extracomment>profile.csv.sync_stops</extracomment>
      <translation>une synchronisation s’arrêtera tant qu’elles ne seront pas corrigées, ou ajoutez --skip-invalid</translation>
    </message>
    <message>
      <source>Profile {name} deleted.</source>
      <extracomment>profile.deleted</extracomment>
      <translation>Profil {name} supprimé.</translation>
    </message>
    <message>
      <source>Profile {name} exported to {path} (secrets are not included).</source>
      <extracomment>profile.exported</extracomment>
      <translation>Profil {name} exporté vers {path} (sans les secrets).</translation>
    </message>
    <message>
      <source>Its provisioning history is kept in {path}.</source>
      <extracomment>profile.history_kept</extracomment>
      <translation>Son historique de provisionnement est conservé dans {path}.</translation>
    </message>
    <message>
      <source>The file {path} does not exist.</source>
      <extracomment>profile.import.no_file</extracomment>
      <translation>Le fichier {path} n’existe pas.</translation>
    </message>
    <message>
      <source>Check the path of the exported profile.</source>
      <extracomment>profile.import.no_file.next</extracomment>
      <translation>Vérifiez le chemin du profil exporté.</translation>
    </message>
    <message>
      <source>The file {path} cannot be read as text ({error}).</source>
      <extracomment>profile.import.unreadable</extracomment>
      <translation>Le fichier {path} ne peut pas être lu comme du texte ({error}).</translation>
    </message>
    <message>
      <source>Give the TOML file written by `webex-provisioner profile export`.</source>
      <extracomment>profile.import.unreadable.next</extracomment>
      <translation>Donnez le fichier TOML écrit par `webex-provisioner profile export`.</translation>
    </message>
    <message>
      <source>Profile {name} imported.</source>
      <extracomment>profile.imported</extracomment>
      <translation>Profil {name} importé.</translation>
    </message>
    <message>
      <source>Secrets are not part of an export: store the token with `webex-provisioner profile set {name} --token-stdin` (or set WEBEX_PROVISIONER_TOKEN).</source>
      <extracomment>profile.imported.secrets</extracomment>
      <translation>Les secrets ne font pas partie d’un export : enregistrez le jeton avec `webex-provisioner profile set {name} --token-stdin` (ou définissez WEBEX_PROVISIONER_TOKEN).</translation>
    </message>
    <message>
      <source>The {what} is kept in the system keyring.</source>
      <extracomment>profile.kept_in_keyring</extracomment>
      <translation>Le {what} est conservé dans le trousseau du système.</translation>
    </message>
    <message>
      <source>{problem} Not saved: {unsaved}. The rest of the profile was saved; set the variable when running webex-provisioner with --profile {name}.</source>
      <extracomment>profile.keyring.not_saved</extracomment>
      <translation>{problem} Non enregistré : {unsaved}. Le reste du profil a été enregistré ; définissez la variable quand vous lancez webex-provisioner avec --profile {name}.</translation>
    </message>
    <message>
      <source>the {what} (give it in {env} instead)</source>
      <extracomment>profile.keyring.unsaved</extracomment>
      <translation>le {what} (donnez-le plutôt dans {env})</translation>
    </message>
    <message>
      <source>No profiles yet. Create one with `webex-provisioner profile create NAME --tenant-url URL --token-stdin --source csv --csv-file FILE`.</source>
      <extracomment>profile.list.none</extracomment>
      <translation>Aucun profil pour l’instant. Créez-en un avec `webex-provisioner profile create NAME --tenant-url URL --token-stdin --source csv --csv-file FILE`.</translation>
    </message>
    <message>
      <source>A CSV source needs the file.</source>
      <extracomment>profile.needs.csv</extracomment>
      <translation>Une source CSV a besoin du fichier.</translation>
    </message>
    <message>
      <source>Add --csv-file FILE (the CSV export of users).</source>
      <extracomment>profile.needs.csv.next</extracomment>
      <translation>Ajoutez --csv-file FILE (l’export CSV des utilisateurs).</translation>
    </message>
    <message>
      <source>An Entra ID source needs the app registration's ids.</source>
      <extracomment>profile.needs.ids</extracomment>
      <translation>Une source Entra ID a besoin des identifiants de l’inscription d’application.</translation>
    </message>
    <message>
      <source>Add {options} (from the app registration's overview in Entra).</source>
      <extracomment>profile.needs.ids.next</extracomment>
      <translation>Ajoutez {options} (depuis la vue d’ensemble de l’inscription d’application dans Entra).</translation>
    </message>
    <message>
      <source>The profile needs a source directory.</source>
      <extracomment>profile.needs.source</extracomment>
      <translation>Le profil a besoin d’un annuaire source.</translation>
    </message>
    <message>
      <source>Add --source csv --csv-file FILE, or --source entra --tenant-id ID --client-id ID.</source>
      <extracomment>profile.needs.source.next</extracomment>
      <translation>Ajoutez --source csv --csv-file FILE, ou --source entra --tenant-id ID --client-id ID.</translation>
    </message>
    <message>
      <source>The profile needs the tenant URL.</source>
      <extracomment>profile.needs.tenant_url</extracomment>
      <translation>Le profil a besoin de l’URL du locataire.</translation>
    </message>
    <message>
      <source>Add --tenant-url URL (the SCIM URL of the Webex tenant, with its orgId).</source>
      <extracomment>profile.needs.tenant_url.next</extracomment>
      <translation>Ajoutez --tenant-url URL (l’URL SCIM du locataire Webex, avec son orgId).</translation>
    </message>
    <message>
      <source>No Entra client secret was given: store one with `webex-provisioner profile set {name} --client-secret-stdin`, set WEBEX_PROVISIONER_CLIENT_SECRET, or sign in with --device-code.</source>
      <extracomment>profile.remind.client_secret</extracomment>
      <translation>Aucun secret client Entra n’a été donné : enregistrez-en un avec `webex-provisioner profile set {name} --client-secret-stdin`, définissez WEBEX_PROVISIONER_CLIENT_SECRET, ou connectez-vous avec --device-code.</translation>
    </message>
    <message>
      <source>No Webex token was given: store one with `webex-provisioner profile set {name} --token-stdin`, or set WEBEX_PROVISIONER_TOKEN.</source>
      <extracomment>profile.remind.token</extracomment>
      <translation>Aucun jeton Webex n’a été donné : enregistrez-en un avec `webex-provisioner profile set {name} --token-stdin`, ou définissez WEBEX_PROVISIONER_TOKEN.</translation>
    </message>
    <message>
      <source>Its secrets were removed from the keyring ({kinds}).</source>
      <extracomment>profile.secrets_removed</extracomment>
      <translation>Ses secrets ont été retirés du trousseau ({kinds}).</translation>
    </message>
    <message>
      <source>Client secret:</source>
      <extracomment>profile.show.client_secret</extracomment>
      <translation>Secret client :</translation>
    </message>
    <message>
      <source>Concurrency:</source>
      <extracomment>profile.show.concurrency</extracomment>
      <translation>Parallélisme :</translation>
    </message>
    <message>
      <source>at most {cap} requests at once; logs kept {days} days</source>
      <extracomment>profile.show.concurrency.value</extracomment>
      <translation>au plus {cap} requêtes à la fois ; journaux conservés {days} jours</translation>
    </message>
    <message>
      <source>CSV file {path}</source>
      <extracomment>profile.show.csv</extracomment>
      <translation>fichier CSV {path}</translation>
    </message>
    <message>
      <source>userName column {column}; group columns {groups}; encoding {encoding}; delimiter {delimiter}; invalid rows {invalid}; files up to {mb} MB</source>
      <extracomment>profile.show.csv.detail</extracomment>
      <translation>colonne userName {column} ; colonnes de groupe {groups} ; encodage {encoding} ; séparateur {delimiter} ; lignes non valides : {invalid} ; fichiers jusqu’à {mb} Mo</translation>
    </message>
    <message>
      <source>Microsoft Entra ID, tenant {tenant}, application {app}</source>
      <extracomment>profile.show.entra</extracomment>
      <translation>Microsoft Entra ID, locataire {tenant}, application {app}</translation>
    </message>
    <message>
      <source>appId {id}</source>
      <extracomment>profile.show.entra.app_id</extracomment>
      <translation>appId {id}</translation>
    </message>
    <message>
      <source>client id {client}; sign-in by {sign_in}; authority {authority}; Graph {graph}</source>
      <extracomment>profile.show.entra.detail</extracomment>
      <translation>identifiant client {client} ; connexion par {sign_in} ; autorité {authority} ; Graph {graph}</translation>
    </message>
    <message>
      <source>device code</source>
      <extracomment>profile.show.entra.device_code</extracomment>
      <translation>code d’appareil</translation>
    </message>
    <message>
      <source>client secret</source>
      <extracomment>profile.show.entra.secret</extracomment>
      <translation>secret client</translation>
    </message>
    <message>
      <source>File:</source>
      <extracomment>profile.show.file</extracomment>
      <translation>Fichier :</translation>
    </message>
    <message>
      <source>Profile {name}</source>
      <extracomment>profile.show.heading</extracomment>
      <translation>Profil {name}</translation>
    </message>
    <message>
      <source>stop the sync</source>
      <extracomment>profile.show.invalid.stop</extracomment>
      <translation>arrêtent la synchronisation</translation>
    </message>
    <message>
      <source>Failure e-mail:</source>
      <extracomment>profile.show.mail</extracomment>
      <translation>E-mail d’échec :</translation>
    </message>
    <message>
      <source>to {emails} through {host}:{port} ({security})</source>
      <extracomment>profile.show.mail.value</extracomment>
      <translation>à {emails} via {host}:{port} ({security})</translation>
    </message>
    <message>
      <source>to {emails} through {host}:{port} ({security}) as {user}</source>
      <extracomment>profile.show.mail.value_as</extracomment>
      <translation>à {emails} via {host}:{port} ({security}) en tant que {user}</translation>
    </message>
    <message>
      <source>Mappings:</source>
      <extracomment>profile.show.mappings</extracomment>
      <translation>Correspondances :</translation>
    </message>
    <message>
      <source>{users} for users, {groups} for groups; {filters} scoping filters</source>
      <extracomment>profile.show.mappings.value</extracomment>
      <translation>{users} pour les utilisateurs, {groups} pour les groupes ; {filters} filtres d’étendue</translation>
    </message>
    <message>
      <source>off</source>
      <extracomment>profile.show.off</extracomment>
      <translation>désactivé</translation>
    </message>
    <message>
      <source>on</source>
      <extracomment>profile.show.on</extracomment>
      <translation>activé</translation>
    </message>
    <message>
      <source>Provisioning:</source>
      <extracomment>profile.show.provisioning</extracomment>
      <translation>Provisionnement :</translation>
    </message>
    <message numerus="yes">
      <source>{state}, a cycle every {minutes} minutes</source>
      <extracomment>profile.show.provisioning.value</extracomment>
      <translation>
        <numerusform>{state}, un cycle toutes les {minutes} minute</numerusform>
        <numerusform>{state}, un cycle toutes les {minutes} minutes</numerusform>
      </translation>
    </message>
    <message>
      <source>Safety:</source>
      <extracomment>profile.show.safety</extracomment>
      <translation>Sécurité :</translation>
    </message>
    <message>
      <source>deleted</source>
      <extracomment>profile.show.safety.deleted</extracomment>
      <translation>supprimés</translation>
    </message>
    <message>
      <source>disabled</source>
      <extracomment>profile.show.safety.disabled</extracomment>
      <translation>désactivés</translation>
    </message>
    <message>
      <source>left active</source>
      <extracomment>profile.show.safety.left_active</extracomment>
      <translation>laissés actifs</translation>
    </message>
    <message>
      <source>hold a cycle that would disable or delete more than {count} users or {percent} %; out-of-scope users {out_of_scope}; users deleted in the source {deleted}</source>
      <extracomment>profile.show.safety.value</extracomment>
      <translation>retenir un cycle qui désactiverait ou supprimerait plus de {count} utilisateurs ou {percent} % ; utilisateurs hors étendue : {out_of_scope} ; utilisateurs supprimés dans la source : {deleted}</translation>
    </message>
    <message>
      <source>Scope:</source>
      <extracomment>profile.show.scope</extracomment>
      <translation>Étendue :</translation>
    </message>
    <message>
      <source>all users and groups</source>
      <extracomment>profile.show.scope.all</extracomment>
      <translation>tous les utilisateurs et groupes</translation>
    </message>
    <message>
      <source>assigned users and groups only</source>
      <extracomment>profile.show.scope.assigned</extracomment>
      <translation>utilisateurs et groupes affectés uniquement</translation>
    </message>
    <message>
      <source>taken from {env}</source>
      <extracomment>profile.show.secret.environment</extracomment>
      <translation>lu dans {env}</translation>
    </message>
    <message>
      <source>stored in the system keyring</source>
      <extracomment>profile.show.secret.keyring</extracomment>
      <translation>enregistré dans le trousseau du système</translation>
    </message>
    <message>
      <source>not stored (use `webex-provisioner profile set {profile} {option}`, or set {env})</source>
      <extracomment>profile.show.secret.missing</extracomment>
      <translation>non enregistré (utilisez `webex-provisioner profile set {profile} {option}`, ou définissez {env})</translation>
    </message>
    <message>
      <source>no keyring on this machine, and {env} is not set</source>
      <extracomment>profile.show.secret.unavailable</extracomment>
      <translation>pas de trousseau sur cet ordinateur, et {env} n’est pas définie</translation>
    </message>
    <message>
      <source>SMTP password:</source>
      <extracomment>profile.show.smtp_password</extracomment>
      <translation>Mot de passe SMTP :</translation>
    </message>
    <message>
      <source>Source:</source>
      <extracomment>profile.show.source</extracomment>
      <translation>Source :</translation>
    </message>
    <message>
      <source>Target:</source>
      <extracomment>profile.show.target</extracomment>
      <translation>Cible :</translation>
    </message>
    <message>
      <source>SCIM 2.0 application</source>
      <extracomment>profile.show.target.scim</extracomment>
      <translation>application SCIM 2.0</translation>
    </message>
    <message>
      <source>{url} ({kind})</source>
      <extracomment>profile.show.target.value</extracomment>
      <translation>{url} ({kind})</translation>
    </message>
    <message>
      <source>Cisco Webex</source>
      <extracomment>profile.show.target.webex</extracomment>
      <translation>Cisco Webex</translation>
    </message>
    <message>
      <source>Webex token:</source>
      <extracomment>profile.show.token</extracomment>
      <translation>Jeton Webex :</translation>
    </message>
    <message>
      <source>Profile {name} unchanged.</source>
      <extracomment>profile.unchanged</extracomment>
      <translation>Profil {name} inchangé.</translation>
    </message>
    <message>
      <source>Profile {name} updated.</source>
      <extracomment>profile.updated</extracomment>
      <translation>Profil {name} mis à jour.</translation>
    </message>
    <message>
      <source>A path or setting of this schedule contains a line break or control character.</source>
      <extracomment>schedule.error.control</extracomment>
      <translation>Un chemin ou un réglage de cette planification contient un saut de ligne ou un caractère de contrôle.</translation>
    </message>
    <message>
      <source>Could not delete {path} ({reason}).</source>
      <extracomment>schedule.error.delete</extracomment>
      <translation>Impossible de supprimer {path} ({reason}).</translation>
    </message>
    <message>
      <source>The interval must be at least one minute.</source>
      <extracomment>schedule.error.interval</extracomment>
      <translation>L’intervalle doit être d’au moins une minute.</translation>
    </message>
    <message>
      <source>{system} is not a system.</source>
      <extracomment>schedule.error.not_a_system</extracomment>
      <translation>{system} n’est pas un système.</translation>
    </message>
    <message>
      <source>Scheduler files for {system} are not installed on this {current} computer.</source>
      <extracomment>schedule.error.other_system</extracomment>
      <translation>Les fichiers du planificateur pour {system} ne s’installent pas sur cet ordinateur {current}.</translation>
    </message>
    <message>
      <source>The scheduler template {path} is missing ({reason}).</source>
      <extracomment>schedule.error.template</extracomment>
      <translation>Le modèle de planificateur {path} est manquant ({reason}).</translation>
    </message>
    <message>
      <source>Could not write {path} ({reason}).</source>
      <extracomment>schedule.error.write</extracomment>
      <translation>Impossible d’écrire {path} ({reason}).</translation>
    </message>
    <message numerus="yes">
      <source>{count} hour</source>
      <extracomment>schedule.every.hours</extracomment>
      <translation>
        <numerusform>{count} heure</numerusform>
        <numerusform>{count} heures</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{count} minute</source>
      <extracomment>schedule.every.minutes</extracomment>
      <translation>
        <numerusform>{count} minute</numerusform>
        <numerusform>{count} minutes</numerusform>
      </translation>
    </message>
    <message>
      <source>launchd agent</source>
      <extracomment>schedule.file.launchd_agent</extracomment>
      <translation>agent launchd</translation>
    </message>
    <message>
      <source>systemd service</source>
      <extracomment>schedule.file.systemd_service</extracomment>
      <translation>service systemd</translation>
    </message>
    <message>
      <source>systemd timer</source>
      <extracomment>schedule.file.systemd_timer</extracomment>
      <translation>minuteur systemd</translation>
    </message>
    <message>
      <source>Task Scheduler task</source>
      <extracomment>schedule.file.task</extracomment>
      <translation>tâche du Planificateur de tâches</translation>
    </message>
    <message>
      <source>Each run's output goes to {path}.</source>
      <extracomment>schedule.note.launchd_log</extracomment>
      <translation>La sortie de chaque exécution va dans {path}.</translation>
    </message>
    <message>
      <source>To keep cycles running while you are logged out: loginctl enable-linger $USER (the keyring must then be reachable without a desktop session, or give the token in WEBEX_PROVISIONER_TOKEN).</source>
      <extracomment>schedule.note.linger</extracomment>
      <translation>Pour que les cycles continuent quand vous êtes déconnecté : loginctl enable-linger $USER (le trousseau doit alors être accessible sans session de bureau, ou fournissez le jeton dans WEBEX_PROVISIONER_TOKEN).</translation>
    </message>
    <message>
      <source>{name} holds a user name or password, so it was not written into the schedule: set it in the scheduler's environment yourself.</source>
      <extracomment>schedule.note.proxy_credentials</extracomment>
      <translation>{name} contient un nom d’utilisateur ou un mot de passe : elle n’a donc pas été écrite dans la planification ; définissez-la vous-même dans l’environnement du planificateur.</translation>
    </message>
    <message>
      <source>Task Scheduler runs the task with your account's environment variables; set {names} there (System &gt; Environment Variables) if the task needs them.</source>
      <extracomment>schedule.note.task_environment</extracomment>
      <translation>Le Planificateur de tâches exécute la tâche avec les variables d’environnement de votre compte ; définissez-y {names} (Système &gt; Variables d’environnement) si la tâche en a besoin.</translation>
    </message>
    <message>
      <source>Install the program and its folders under paths without such characters.</source>
      <extracomment>schedule.step.control</extracomment>
      <translation>Installez le programme et ses dossiers sous des chemins sans de tels caractères.</translation>
    </message>
    <message>
      <source>Delete it yourself, or check the folder's permissions.</source>
      <extracomment>schedule.step.delete</extracomment>
      <translation>Supprimez-le vous-même, ou vérifiez les permissions du dossier.</translation>
    </message>
    <message>
      <source>Use e.g. --every 40m.</source>
      <extracomment>schedule.step.interval</extracomment>
      <translation>Utilisez par exemple --every 40m.</translation>
    </message>
    <message>
      <source>Use linux, windows or macos.</source>
      <extracomment>schedule.step.not_a_system</extracomment>
      <translation>Utilisez linux, windows ou macos.</translation>
    </message>
    <message>
      <source>Give --output DIR to write them into a folder, then copy them over.</source>
      <extracomment>schedule.step.other_system</extracomment>
      <translation>Indiquez --output DIR pour les écrire dans un dossier, puis copiez-les.</translation>
    </message>
    <message>
      <source>Reinstall webex-provisioner: its resources/schedulers folder is incomplete.</source>
      <extracomment>schedule.step.template</extracomment>
      <translation>Réinstallez webex-provisioner : son dossier resources/schedulers est incomplet.</translation>
    </message>
    <message>
      <source>Check that the folder is writable, or choose another with --output DIR.</source>
      <extracomment>schedule.step.write</extracomment>
      <translation>Vérifiez que le dossier est accessible en écriture, ou choisissez-en un autre avec --output DIR.</translation>
    </message>
    <message>
      <source>create {rt}</source>
      <extracomment>scim.action.create</extracomment>
      <translation>la création de {rt}</translation>
    </message>
    <message>
      <source>delete {rt}</source>
      <extracomment>scim.action.delete</extracomment>
      <translation>la suppression de {rt}</translation>
    </message>
    <message>
      <source>ServiceProviderConfig</source>
      <extracomment>scim.action.discovery</extracomment>
      <translation>la lecture de ServiceProviderConfig</translation>
    </message>
    <message>
      <source>get {rt}</source>
      <extracomment>scim.action.get</extracomment>
      <translation>la lecture de {rt}</translation>
    </message>
    <message>
      <source>patch {rt}</source>
      <extracomment>scim.action.patch</extracomment>
      <translation>la modification (PATCH) de {rt}</translation>
    </message>
    <message>
      <source>replace {rt}</source>
      <extracomment>scim.action.replace</extracomment>
      <translation>la réécriture de {rt}</translation>
    </message>
    <message>
      <source>search {rt}</source>
      <extracomment>scim.action.search</extracomment>
      <translation>la recherche de {rt}</translation>
    </message>
    <message>
      <source>The target's answer to {action} is not valid SCIM ({detail}).</source>
      <extracomment>scim.error.answer_not_scim</extracomment>
      <translation>La réponse de la cible à {action} n’est pas du SCIM valide ({detail}).</translation>
    </message>
    <message>
      <source>The target answered {action} with HTTP {status} and {what}.</source>
      <extracomment>scim.error.answered_with</extracomment>
      <translation>La cible a répondu à {action} par HTTP {status} et {what}.</translation>
    </message>
    <message>
      <source>{body}, not SCIM JSON</source>
      <extracomment>scim.error.body_not_scim</extracomment>
      <translation>{body}, pas du JSON SCIM</translation>
    </message>
    <message>
      <source>JSON SCIM does not expect ({detail})</source>
      <extracomment>scim.error.json_not_expected</extracomment>
      <translation>du JSON que SCIM n’attend pas ({detail})</translation>
    </message>
    <message>
      <source>The target answered {action} without a JSON object.</source>
      <extracomment>scim.error.no_json_object</extracomment>
      <translation>La cible a répondu à {action} sans objet JSON.</translation>
    </message>
    <message>
      <source>The target does not serve {rt} resources.</source>
      <extracomment>scim.error.not_served</extracomment>
      <translation>La cible ne sert pas de ressources {rt}.</translation>
    </message>
    <message>
      <source>The patch for {rt} is not a valid SCIM PatchOp and was not sent ({detail}).</source>
      <extracomment>scim.error.patch_invalid</extracomment>
      <translation>Le PATCH pour {rt} n’est pas un PatchOp SCIM valide et n’a pas été envoyé ({detail}).</translation>
    </message>
    <message>
      <source>The {action} request is not valid SCIM and was not sent ({detail}).</source>
      <extracomment>scim.error.request_not_scim</extracomment>
      <translation>La requête pour {action} n’est pas du SCIM valide et n’a pas été envoyée ({detail}).</translation>
    </message>
    <message>
      <source>The target's answer to {action} does not match the {model} schema ({where}: {detail}).</source>
      <extracomment>scim.error.schema</extracomment>
      <translation>La réponse de la cible à {action} ne correspond pas au schéma {model} ({where} : {detail}).</translation>
    </message>
    <message>
      <source>The target's search answer is not a valid SCIM ListResponse ({where}: {detail}).</source>
      <extracomment>scim.error.search_invalid</extracomment>
      <translation>La réponse de la cible à une recherche n’est pas une ListResponse SCIM valide ({where} : {detail}).</translation>
    </message>
    <message>
      <source>The target answered a search without a JSON object.</source>
      <extracomment>scim.error.search_no_object</extracomment>
      <translation>La cible a répondu à une recherche sans objet JSON.</translation>
    </message>
    <message>
      <source>The target's search answer holds Resources that are not a list.</source>
      <extracomment>scim.error.search_not_list</extracomment>
      <translation>La réponse de la cible à une recherche contient des Resources qui ne sont pas une liste.</translation>
    </message>
    <message>
      <source>Check the attribute mappings.</source>
      <extracomment>scim.step.mappings</extracomment>
      <translation>Vérifiez les correspondances d’attributs.</translation>
    </message>
    <message>
      <source>Check the tenant URL, or turn off provisioning of this kind.</source>
      <extracomment>scim.step.not_served</extracomment>
      <translation>Vérifiez l’URL du locataire, ou désactivez le provisionnement de ce type.</translation>
    </message>
    <message>
      <source>create</source>
      <extracomment>scim.verb.create</extracomment>
      <translation>la création</translation>
    </message>
    <message>
      <source>get</source>
      <extracomment>scim.verb.get</extracomment>
      <translation>la lecture</translation>
    </message>
    <message>
      <source>patch</source>
      <extracomment>scim.verb.patch</extracomment>
      <translation>la modification (PATCH)</translation>
    </message>
    <message>
      <source>replace</source>
      <extracomment>scim.verb.replace</extracomment>
      <translation>la réécriture</translation>
    </message>
    <message>
      <source>The {what} is empty.</source>
      <extracomment>secrets.empty</extracomment>
      <translation>Le {what} est vide.</translation>
    </message>
    <message>
      <source>Give a non-empty value.</source>
      <extracomment>secrets.empty.next</extracomment>
      <translation>Donnez une valeur non vide.</translation>
    </message>
    <message>
      <source>Give the Webex token in the environment variable WEBEX_PROVISIONER_TOKEN (and an Entra client secret in WEBEX_PROVISIONER_CLIENT_SECRET) instead.</source>
      <extracomment>secrets.env_step</extracomment>
      <translation>Donnez plutôt le jeton Webex dans la variable d’environnement WEBEX_PROVISIONER_TOKEN (et un secret client Entra dans WEBEX_PROVISIONER_CLIENT_SECRET).</translation>
    </message>
    <message>
      <source>Use the desktop's keyring (uninstall keyrings.alt, or choose one with PYTHON_KEYRING_BACKEND), or give the Webex token in the environment variable WEBEX_PROVISIONER_TOKEN (and an Entra client secret in WEBEX_PROVISIONER_CLIENT_SECRET) instead.</source>
      <extracomment>secrets.file.next</extracomment>
      <translation>Utilisez le trousseau du bureau (désinstallez keyrings.alt, ou choisissez-en un avec PYTHON_KEYRING_BACKEND), ou donnez plutôt le jeton Webex dans la variable d’environnement WEBEX_PROVISIONER_TOKEN (et un secret client Entra dans WEBEX_PROVISIONER_CLIENT_SECRET).</translation>
    </message>
    <message>
      <source>The keyring is locked, so the {what} could not be deleted there.</source>
      <extracomment>secrets.locked.delete</extracomment>
      <translation>Le trousseau est verrouillé : le {what} n’a pas pu y être supprimé.</translation>
    </message>
    <message>
      <source>Unlock the keyring (sign in to the desktop session) and try again, or give the Webex token in the environment variable WEBEX_PROVISIONER_TOKEN (and an Entra client secret in WEBEX_PROVISIONER_CLIENT_SECRET) instead.</source>
      <extracomment>secrets.locked.next</extracomment>
      <translation>Déverrouillez le trousseau (ouvrez la session du bureau) et réessayez, ou donnez plutôt le jeton Webex dans la variable d’environnement WEBEX_PROVISIONER_TOKEN (et un secret client Entra dans WEBEX_PROVISIONER_CLIENT_SECRET).</translation>
    </message>
    <message>
      <source>The keyring is locked, so the {what} could not be read there.</source>
      <extracomment>secrets.locked.read</extracomment>
      <translation>Le trousseau est verrouillé : le {what} n’a pas pu y être lu.</translation>
    </message>
    <message>
      <source>The keyring is locked, so the {what} could not be saved there.</source>
      <extracomment>secrets.locked.save</extracomment>
      <translation>Le trousseau est verrouillé : le {what} n’a pas pu y être enregistré.</translation>
    </message>
    <message>
      <source>No {what} is stored for profile {profile}, and {env} is not set.</source>
      <extracomment>secrets.missing</extracomment>
      <translation>Aucun {what} n’est enregistré pour le profil {profile}, et {env} n’est pas définie.</translation>
    </message>
    <message>
      <source>No {what} for profile {profile}: {problem}, and {env} is not set.</source>
      <extracomment>secrets.missing.because</extracomment>
      <translation>Aucun {what} pour le profil {profile} : {problem}, et {env} n’est pas définie.</translation>
    </message>
    <message>
      <source>Set {env}, or make a keyring available and store it with `webex-provisioner profile set {profile} {option}`.</source>
      <extracomment>secrets.missing.because.next</extracomment>
      <translation>Définissez {env}, ou rendez un trousseau disponible et enregistrez-le avec `webex-provisioner profile set {profile} {option}`.</translation>
    </message>
    <message>
      <source>Either store it with `webex-provisioner profile set {profile} {option}`, or set {env}.</source>
      <extracomment>secrets.missing.next</extracomment>
      <translation>Enregistrez-le avec `webex-provisioner profile set {profile} {option}`, ou définissez {env}.</translation>
    </message>
    <message>
      <source>This machine has no keyring service to keep secrets.</source>
      <extracomment>secrets.no_keyring</extracomment>
      <translation>Cet ordinateur n’a pas de trousseau pour conserver les secrets.</translation>
    </message>
    <message>
      <source>The keyring in use ({backend}) would write secrets to a file in plain text, so this program does not use it.</source>
      <extracomment>secrets.plain_text_file</extracomment>
      <translation>Le trousseau utilisé ({backend}) écrirait les secrets dans un fichier en clair : ce programme ne l’utilise donc pas.</translation>
    </message>
    <message>
      <source>The keyring refused to delete the {what} ({error}).</source>
      <extracomment>secrets.refused.delete</extracomment>
      <translation>Le trousseau a refusé de supprimer le {what} ({error}).</translation>
    </message>
    <message>
      <source>Check that the desktop's keyring service runs and is unlocked, or give the Webex token in the environment variable WEBEX_PROVISIONER_TOKEN (and an Entra client secret in WEBEX_PROVISIONER_CLIENT_SECRET) instead.</source>
      <extracomment>secrets.refused.next</extracomment>
      <translation>Vérifiez que le service de trousseau du bureau fonctionne et qu’il est déverrouillé, ou donnez plutôt le jeton Webex dans la variable d’environnement WEBEX_PROVISIONER_TOKEN (et un secret client Entra dans WEBEX_PROVISIONER_CLIENT_SECRET).</translation>
    </message>
    <message>
      <source>The keyring refused to read the {what} ({error}).</source>
      <extracomment>secrets.refused.read</extracomment>
      <translation>Le trousseau a refusé de lire le {what} ({error}).</translation>
    </message>
    <message>
      <source>The keyring refused to save the {what} ({error}).</source>
      <extracomment>secrets.refused.save</extracomment>
      <translation>Le trousseau a refusé d’enregistrer le {what} ({error}).</translation>
    </message>
    <message>
      <source>The keyring in use ({backend}) would write secrets to a file without your explicit choice, so this program does not use it.</source>
      <extracomment>secrets.unchosen_file</extracomment>
      <translation>Le trousseau utilisé ({backend}) écrirait les secrets dans un fichier sans que vous l’ayez choisi explicitement : ce programme ne l’utilise donc pas.</translation>
    </message>
    <message>
      <source>Entra client secret</source>
      <extracomment>secrets.what.client_secret</extracomment>
      <translation>secret client Entra</translation>
    </message>
    <message>
      <source>Microsoft sign-in cache</source>
      <extracomment>secrets.what.msal_cache</extracomment>
      <translation>cache de connexion Microsoft</translation>
    </message>
    <message>
      <source>SMTP password</source>
      <extracomment>secrets.what.smtp_password</extracomment>
      <translation>mot de passe SMTP</translation>
    </message>
    <message>
      <source>Webex token</source>
      <extracomment>secrets.what.webex_token</extracomment>
      <translation>jeton Webex</translation>
    </message>
    <message>
      <source>Open {url} and enter {code}.</source>
      <extracomment>sign_in.device_code.open</extracomment>
      <translation>Ouvrez {url} et saisissez {code}.</translation>
    </message>
    <message>
      <source>Waiting for the sign-in...</source>
      <extracomment>sign_in.device_code.waiting</extracomment>
      <translation>En attente de la connexion…</translation>
    </message>
    <message>
      <source>The source kind {kind} is not known.</source>
      <extracomment>source.kind.unknown</extracomment>
      <translation>Le type de source {kind} est inconnu.</translation>
    </message>
    <message>
      <source>Choose csv or entra (--source).</source>
      <extracomment>source.kind.unknown.next</extracomment>
      <translation>Choisissez csv ou entra (--source).</translation>
    </message>
    <message>
      <source>A cycle of this profile is already running.</source>
      <extracomment>sync.engine.already_running</extracomment>
      <translation>Un cycle de ce profil est déjà en cours.</translation>
    </message>
    <message>
      <source>Wait for it to finish.</source>
      <extracomment>sync.engine.already_running_next</extracomment>
      <translation>Attendez qu’il se termine.</translation>
    </message>
    <message>
      <source>The token may not write groups (roles: {roles}): the users are provisioned, the groups are skipped. Use a full admin's or a group admin's token to provision groups.</source>
      <extracomment>sync.engine.groups_denied</extracomment>
      <translation>Le jeton ne peut pas écrire les groupes (rôles : {roles}) : les utilisateurs sont provisionnés, les groupes sont ignorés. Utilisez le jeton d’un administrateur complet ou d’un administrateur de groupes pour provisionner les groupes.</translation>
    </message>
    <message numerus="yes">
      <source>{count} operation of an interrupted cycle will be resumed first.</source>
      <extracomment>sync.engine.resumed_first</extracomment>
      <translation>
        <numerusform>{count} opération d’un cycle interrompu sera reprise d’abord.</numerusform>
        <numerusform>{count} opérations d’un cycle interrompu seront reprises d’abord.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Resuming {count} operation left unfinished by an interrupted cycle.</source>
      <extracomment>sync.engine.resuming</extracomment>
      <translation>
        <numerusform>Reprise de {count} opération laissée inachevée par un cycle interrompu.</numerusform>
        <numerusform>Reprise de {count} opérations laissées inachevées par un cycle interrompu.</numerusform>
      </translation>
    </message>
    <message>
      <source>The source could not be read ({problem}).</source>
      <extracomment>sync.engine.source_unreadable</extracomment>
      <translation>La source n’a pas pu être lue ({problem}).</translation>
    </message>
    <message>
      <source>Check that the file or directory is reachable, then run the cycle again.</source>
      <extracomment>sync.engine.source_unreadable_next</extracomment>
      <translation>Vérifiez que le fichier ou l’annuaire est accessible, puis relancez le cycle.</translation>
    </message>
    <message>
      <source>Check the source (a wrong file or filter removes many users at once). If the removals are intended, run `webex-provisioner sync --profile {profile} --allow-deletes` or press Allow the removals and run in the dashboard.</source>
      <extracomment>sync.held.next_step</extracomment>
      <translation>Vérifiez la source (un mauvais fichier ou filtre retire beaucoup d’utilisateurs d’un coup). Si les retraits sont voulus, exécutez `webex-provisioner sync --profile {profile} --allow-deletes` ou appuyez sur « Autoriser les retraits et exécuter » dans le tableau de bord.</translation>
    </message>
    <message>
      <source>Check the source (a wrong file or filter removes many users at once). If the removals of {profile} are intended, press "Allow the removals and run…".</source>
      <extracomment>sync.held.next_step</extracomment>
      <translation>Vérifiez la source (un mauvais fichier ou filtre retire beaucoup d’utilisateurs d’un coup). Si les retraits de {profile} sont voulus, appuyez sur « Autoriser les retraits et exécuter… ».</translation>
    </message>
    <message>
      <source>held by the accidental-deletion threshold: the cycle sent nothing</source>
      <extracomment>sync.held.operation</extracomment>
      <translation>retenu par le seuil de suppression accidentelle : le cycle n’a rien envoyé</translation>
    </message>
    <message>
      <source>{detail}; held by the accidental-deletion threshold</source>
      <extracomment>sync.held.operation_detail</extracomment>
      <translation>{detail} ; retenu par le seuil de suppression accidentelle</translation>
    </message>
    <message>
      <source>Run `webex-provisioner sync --allow-deletes` if the removals are intended.</source>
      <extracomment>sync.held.operation_next</extracomment>
      <translation>Exécutez `webex-provisioner sync --allow-deletes` si les retraits sont voulus.</translation>
    </message>
    <message>
      <source>Press "Allow the removals and run…" if the removals are intended.</source>
      <extracomment>sync.held.operation_next</extracomment>
      <translation>Appuyez sur « Autoriser les retraits et exécuter… » si les retraits sont voulus.</translation>
    </message>
    <message>
      <source>{reason} The cycle will be held: nothing will be sent until you allow the removals.</source>
      <extracomment>sync.held.plan_reason</extracomment>
      <translation>{reason} Le cycle sera retenu : rien ne sera envoyé tant que vous n’aurez pas autorisé les retraits.</translation>
    </message>
    <message>
      <source>{reason} The cycle is held: nothing was sent.</source>
      <extracomment>sync.held.reason</extracomment>
      <translation>{reason} Le cycle est retenu : rien n’a été envoyé.</translation>
    </message>
    <message>
      <source>Action: {action}.</source>
      <extracomment>sync.one.action</extracomment>
      <translation>Action : {action}.</translation>
    </message>
    <message>
      <source>Action: {action} ({why}).</source>
      <extracomment>sync.one.action_why</extracomment>
      <translation>Action : {action} ({why}).</translation>
    </message>
    <message>
      <source>  {path}: {old} -&gt; {new}</source>
      <extracomment>sync.one.change</extracomment>
      <translation>  {path} : {old} -&gt; {new}</translation>
    </message>
    <message>
      <source>Provisioning on demand of {user}.</source>
      <extracomment>sync.one.cycle_reason</extracomment>
      <translation>Provisionnement à la demande de {user}.</translation>
    </message>
    <message>
      <source>Nothing was sent (dry run).</source>
      <extracomment>sync.one.dry_run</extracomment>
      <translation>Rien n’a été envoyé (simulation).</translation>
    </message>
    <message>
      <source>Found in the source: {user} (source id {source_id}).</source>
      <extracomment>sync.one.found</extracomment>
      <translation>Trouvé dans la source : {user} (identifiant source {source_id}).</translation>
    </message>
    <message>
      <source>Found in the source: {user} (source id {source_id}) (disabled in the source).</source>
      <extracomment>sync.one.found_disabled</extracomment>
      <translation>Trouvé dans la source : {user} (identifiant source {source_id}) (désactivé dans la source).</translation>
    </message>
    <message>
      <source>Found in the source: {user} (source id {source_id}, row {row}).</source>
      <extracomment>sync.one.found_row</extracomment>
      <translation>Trouvé dans la source : {user} (identifiant source {source_id}, ligne {row}).</translation>
    </message>
    <message>
      <source>Found in the source: {user} (source id {source_id}, row {row}) (disabled in the source).</source>
      <extracomment>sync.one.found_row_disabled</extracomment>
      <translation>Trouvé dans la source : {user} (identifiant source {source_id}, ligne {row}) (désactivé dans la source).</translation>
    </message>
    <message>
      <source>In scope.</source>
      <extracomment>sync.one.in_scope</extracomment>
      <translation>Dans l’étendue.</translation>
    </message>
    <message>
      <source>Found in the source, but left out: {reason}.</source>
      <extracomment>sync.one.left_out</extracomment>
      <translation>Trouvé dans la source, mais écarté : {reason}.</translation>
    </message>
    <message>
      <source>Matched on the target: id {target_id}.</source>
      <extracomment>sync.one.matched</extracomment>
      <translation>Mis en correspondance sur la cible : identifiant {target_id}.</translation>
    </message>
    <message>
      <source>Matched on the target through its link: id {target_id}.</source>
      <extracomment>sync.one.matched_link</extracomment>
      <translation>Mis en correspondance sur la cible par son lien : identifiant {target_id}.</translation>
    </message>
    <message>
      <source>Not in scope: {why}.</source>
      <extracomment>sync.one.not_in_scope</extracomment>
      <translation>Hors étendue : {why}.</translation>
    </message>
    <message>
      <source>{user} is not in the source.</source>
      <extracomment>sync.one.not_in_source</extracomment>
      <translation>{user} n’est pas dans la source.</translation>
    </message>
    <message>
      <source>Check the spelling of the userName, or the source's scope.</source>
      <extracomment>sync.one.not_in_source_next</extracomment>
      <translation>Vérifiez l’orthographe du userName, ou l’étendue de la source.</translation>
    </message>
    <message>
      <source>Not matched: {why}.</source>
      <extracomment>sync.one.not_matched</extracomment>
      <translation>Pas de correspondance : {why}.</translation>
    </message>
    <message>
      <source>Not on the target yet.</source>
      <extracomment>sync.one.not_on_target</extracomment>
      <translation>Pas encore sur la cible.</translation>
    </message>
    <message>
      <source>Nothing to send.</source>
      <extracomment>sync.one.nothing_to_send</extracomment>
      <translation>Rien à envoyer.</translation>
    </message>
    <message>
      <source>Payload: {payload}</source>
      <extracomment>sync.one.payload</extracomment>
      <translation>Contenu envoyé : {payload}</translation>
    </message>
    <message>
      <source>Result: {status}.</source>
      <extracomment>sync.one.result</extracomment>
      <translation>Résultat : {status}.</translation>
    </message>
    <message>
      <source>Result: {status}: {message}.</source>
      <extracomment>sync.one.result_why</extracomment>
      <translation>Résultat : {status} : {message}.</translation>
    </message>
    <message>
      <source>The cycle was cancelled; the operations not sent yet are kept.</source>
      <extracomment>sync.outcome.cancelled</extracomment>
      <translation>Le cycle a été annulé ; les opérations pas encore envoyées sont conservées.</translation>
    </message>
    <message>
      <source>Run a cycle again to finish them.</source>
      <extracomment>sync.outcome.cancelled_next</extracomment>
      <translation>Relancez un cycle pour les terminer.</translation>
    </message>
    <message>
      <source>Press "Sync now" to finish them.</source>
      <extracomment>sync.outcome.cancelled_next</extracomment>
      <translation>Appuyez sur « Synchroniser maintenant » pour les terminer.</translation>
    </message>
    <message>
      <source>{failed} of {attempted} operations failed (more than 40 %): something is wrong with the target or the mappings, not with a few users.</source>
      <extracomment>sync.outcome.failure_rate</extracomment>
      <translation>{failed} des {attempted} opérations ont échoué (plus de 40 %) : le problème vient de la cible ou des correspondances, pas de quelques utilisateurs.</translation>
    </message>
    <message>
      <source>Read the failures in the provisioning log (`webex-provisioner logs`).</source>
      <extracomment>sync.outcome.failure_rate_next</extracomment>
      <translation>Lisez les échecs dans le journal de provisionnement (`webex-provisioner logs`).</translation>
    </message>
    <message>
      <source>Read the failures in the provisioning log (the Logs tab).</source>
      <extracomment>sync.outcome.failure_rate_next</extracomment>
      <translation>Lisez les échecs dans le journal de provisionnement (l’onglet Journaux).</translation>
    </message>
    <message numerus="yes">
      <source>{failed} operation failed.</source>
      <extracomment>sync.outcome.failures</extracomment>
      <translation>
        <numerusform>{failed} opération a échoué.</numerusform>
        <numerusform>{failed} opérations ont échoué.</numerusform>
      </translation>
    </message>
    <message>
      <source>Read the failures in the provisioning log; the next cycle retries them.</source>
      <extracomment>sync.outcome.failures_next</extracomment>
      <translation>Lisez les échecs dans le journal de provisionnement ; le prochain cycle les réessaie.</translation>
    </message>
    <message>
      <source>The program stopped before this cycle finished; the next cycle resumed its operations.</source>
      <extracomment>sync.outcome.interrupted</extracomment>
      <translation>Le programme s’est arrêté avant la fin de ce cycle ; le cycle suivant a repris ses opérations.</translation>
    </message>
    <message>
      <source>The last cycle ({cycle_id}) was interrupted at {done} of {planned} operations, at {when}.</source>
      <extracomment>sync.outcome.interrupted_at</extracomment>
      <translation>Le dernier cycle ({cycle_id}) a été interrompu à l’opération {done} sur {planned}, à {when}.</translation>
    </message>
    <message>
      <source>The cycle stopped on an unexpected error ({kind}).</source>
      <extracomment>sync.outcome.unexpected</extracomment>
      <translation>Le cycle s’est arrêté sur une erreur inattendue ({kind}).</translation>
    </message>
    <message>
      <source>See the program log; the next cycle resumes from the journal.</source>
      <extracomment>sync.outcome.unexpected_next</extracomment>
      <translation>Consultez le journal du programme ; le prochain cycle reprend à partir du journal des opérations.</translation>
    </message>
    <message>
      <source>{users} and {count} more</source>
      <extracomment>sync.plan.and_more</extracomment>
      <translation>{users} et {count} de plus</translation>
    </message>
    <message>
      <source>deleted in the source</source>
      <extracomment>sync.plan.deleted_in_source</extracomment>
      <translation>supprimé dans la source</translation>
    </message>
    <message>
      <source>deleted in the source (the profile does not allow deletes)</source>
      <extracomment>sync.plan.deleted_not_allowed</extracomment>
      <translation>supprimé dans la source (le profil n’autorise pas les suppressions)</translation>
    </message>
    <message>
      <source>disabled in the source</source>
      <extracomment>sync.plan.disabled_in_source</extracomment>
      <translation>désactivé dans la source</translation>
    </message>
    <message>
      <source>{count} target groups share this {attribute} ({ids}); none was chosen</source>
      <extracomment>sync.plan.duplicate_groups</extracomment>
      <translation>{count} groupes de la cible partagent cet attribut {attribute} ({ids}) ; aucun n’a été choisi</translation>
    </message>
    <message>
      <source>{count} target users share this {attribute} ({ids}); none was chosen</source>
      <extracomment>sync.plan.duplicate_users</extracomment>
      <translation>{count} utilisateurs de la cible partagent cet attribut {attribute} ({ids}) ; aucun n’a été choisi</translation>
    </message>
    <message>
      <source>no longer in the source; kept on the target because the profile does not allow deletes</source>
      <extracomment>sync.plan.group_kept</extracomment>
      <translation>n’est plus dans la source ; conservé sur la cible car le profil n’autorise pas les suppressions</translation>
    </message>
    <message>
      <source>the group left the target while it was read; the next cycle looks for it again</source>
      <extracomment>sync.plan.group_left</extracomment>
      <translation>le groupe a quitté la cible pendant sa lecture ; le prochain cycle le cherchera de nouveau</translation>
    </message>
    <message>
      <source>the token may not write groups: {error}</source>
      <extracomment>sync.plan.groups_not_writable sync.write.groups_not_writable</extracomment>
      <translation>le jeton ne peut pas écrire les groupes : {error}</translation>
    </message>
    <message>
      <source>no longer in the source</source>
      <extracomment>sync.plan.missing_from_source</extracomment>
      <translation>n’est plus dans la source</translation>
    </message>
    <message>
      <source>out of scope</source>
      <extracomment>sync.plan.out_of_scope</extracomment>
      <translation>hors étendue</translation>
    </message>
    <message>
      <source>out of scope: {why}</source>
      <extracomment>sync.plan.out_of_scope_why</extracomment>
      <translation>hors étendue : {why}</translation>
    </message>
    <message>
      <source>{label} {name} is not provisioned</source>
      <extracomment>sync.plan.reference_missing</extracomment>
      <translation>{label} {name} n’est pas provisionné</translation>
    </message>
    <message>
      <source>{who} is not provisioned: the {label} of {users} is left as it is.</source>
      <extracomment>sync.plan.reference_note</extracomment>
      <translation>{who} n’est pas provisionné : l’attribut {label} de {users} est laissé tel quel.</translation>
    </message>
    <message>
      <source>{label} {key} is provisioned in this cycle: set after it</source>
      <extracomment>sync.plan.reference_set_after</extracomment>
      <translation>{label} {key} est provisionné dans ce cycle : défini après lui</translation>
    </message>
    <message numerus="yes">
      <source>... and {count} more referenced user is not provisioned.</source>
      <extracomment>sync.plan.references_more</extracomment>
      <translation>
        <numerusform>… et {count} autre utilisateur référencé n’est pas provisionné.</numerusform>
        <numerusform>… et {count} autres utilisateurs référencés ne sont pas provisionnés.</numerusform>
      </translation>
    </message>
    <message>
      <source>would be disabled, but the profile skips out-of-scope deletions; left as it is</source>
      <extracomment>sync.plan.skipped_removal</extracomment>
      <translation>serait désactivé, mais le profil ignore les suppressions hors étendue ; laissé tel quel</translation>
    </message>
    <message>
      <source>unassigned in the source</source>
      <extracomment>sync.plan.unassigned</extracomment>
      <translation>non attribué dans la source</translation>
    </message>
    <message>
      <source>the target's group could not be read ({error}); it was left as it is</source>
      <extracomment>sync.plan.unreadable_group</extracomment>
      <translation>le groupe de la cible n’a pas pu être lu ({error}) ; il a été laissé tel quel</translation>
    </message>
    <message>
      <source>the target's user {target_id} does not match Webex's schema; it was neither matched nor changed. Fix or remove it in Control Hub.</source>
      <extracomment>sync.plan.unreadable_user</extracomment>
      <translation>l’utilisateur {target_id} de la cible ne respecte pas le schéma de Webex ; il n’a été ni mis en correspondance ni modifié. Corrigez-le ou supprimez-le dans Control Hub.</translation>
    </message>
    <message>
      <source>the target's user {target_id} does not match Webex's schema ({problem}); it was neither matched nor changed. Fix or remove it in Control Hub.</source>
      <extracomment>sync.plan.unreadable_user_why</extracomment>
      <translation>l’utilisateur {target_id} de la cible ne respecte pas le schéma de Webex ({problem}) ; il n’a été ni mis en correspondance ni modifié. Corrigez-le ou supprimez-le dans Control Hub.</translation>
    </message>
    <message>
      <source>{next_step} Then run `webex-provisioner restart --profile {profile}` to try again at once.</source>
      <extracomment>sync.quarantine.next_step</extracomment>
      <translation>{next_step} Puis exécutez `webex-provisioner restart --profile {profile}` pour réessayer tout de suite.</translation>
    </message>
    <message>
      <source>{next_step} Then press "Restart provisioning…" for {profile} to try again at once.</source>
      <extracomment>sync.quarantine.next_step</extracomment>
      <translation>{next_step} Puis appuyez sur « Redémarrer le provisionnement… » pour {profile} afin de réessayer tout de suite.</translation>
    </message>
    <message>
      <source>The profile is quarantined: {reason} The next attempt is at {when}.</source>
      <extracomment>sync.quarantine.reason</extracomment>
      <translation>Le profil est en quarantaine : {reason} La prochaine tentative aura lieu le {when}.</translation>
    </message>
    <message>
      <source>{next_step} Once fixed, run `webex-provisioner restart --profile {profile}` to try again at once.</source>
      <extracomment>sync.quarantine.waiting_next_step</extracomment>
      <translation>{next_step} Une fois corrigé, exécutez `webex-provisioner restart --profile {profile}` pour réessayer tout de suite.</translation>
    </message>
    <message>
      <source>{next_step} Once fixed, press "Restart provisioning…" for {profile} to try again at once.</source>
      <extracomment>sync.quarantine.waiting_next_step</extracomment>
      <translation>{next_step} Une fois corrigé, appuyez sur « Redémarrer le provisionnement… » pour {profile} afin de réessayer tout de suite.</translation>
    </message>
    <message>
      <source>a square bracket is not closed</source>
      <extracomment>sync.scim_path.bracket</extracomment>
      <translation>un crochet n’est pas fermé</translation>
    </message>
    <message>
      <source>it is empty</source>
      <extracomment>sync.scim_path.empty</extracomment>
      <translation>il est vide</translation>
    </message>
    <message>
      <source>The target attribute "{path}" is not a valid SCIM path: {problem}.</source>
      <extracomment>sync.scim_path.error</extracomment>
      <translation>L’attribut cible « {path} » n’est pas un chemin SCIM valide : {problem}.</translation>
    </message>
    <message>
      <source>the filter must read [type eq "value"]</source>
      <extracomment>sync.scim_path.filter</extracomment>
      <translation>le filtre doit s’écrire [type eq "value"]</translation>
    </message>
    <message>
      <source>attribute names are letters, digits and _ joined by dots</source>
      <extracomment>sync.scim_path.names</extracomment>
      <translation>les noms d’attributs sont faits de lettres, de chiffres et de _, joints par des points</translation>
    </message>
    <message>
      <source>Write it like userName, name.givenName or emails[type eq "work"].value.</source>
      <extracomment>sync.scim_path.next_step</extracomment>
      <translation>Écrivez-le comme userName, name.givenName ou emails[type eq "work"].value.</translation>
    </message>
    <message>
      <source>the schema URN is not followed by an attribute name</source>
      <extracomment>sync.scim_path.no_attribute</extracomment>
      <translation>l’URN du schéma n’est pas suivi d’un nom d’attribut</translation>
    </message>
    <message>
      <source>{clause} was false ({attribute} is {shown})</source>
      <extracomment>sync.scope.clause_false</extracomment>
      <translation>{clause} était faux ({attribute} : {shown})</translation>
    </message>
    <message>
      <source>empty</source>
      <extracomment>sync.scope.empty</extracomment>
      <translation>vide</translation>
    </message>
    <message>
      <source>Scoping filter "{name}", clause {number}: {problem}</source>
      <extracomment>sync.scope.error</extracomment>
      <translation>Filtre d’étendue « {name} », clause {number} : {problem}</translation>
    </message>
    <message>
      <source>Correct the clause on the Scoping filters page and save again.</source>
      <extracomment>sync.scope.error_next</extracomment>
      <translation>Corrigez la clause sur la page Filtres d’étendue et enregistrez de nouveau.</translation>
    </message>
    <message>
      <source>#{index}</source>
      <extracomment>sync.scope.filter_hash</extracomment>
      <translation>n° {index}</translation>
    </message>
    <message>
      <source>filter {index}</source>
      <extracomment>sync.scope.filter_number</extracomment>
      <translation>filtre {index}</translation>
    </message>
    <message>
      <source>{clause} (ignoring case)</source>
      <extracomment>sync.scope.ignoring_case</extracomment>
      <translation>{clause} (sans tenir compte de la casse)</translation>
    </message>
    <message>
      <source>{name}: {reason}</source>
      <extracomment>sync.scope.named</extracomment>
      <translation>{name} : {reason}</translation>
    </message>
    <message>
      <source>out of scope: {reasons}</source>
      <extracomment>sync.scope.out</extracomment>
      <translation>hors étendue : {reasons}</translation>
    </message>
    <message>
      <source>choose the attribute to test.</source>
      <extracomment>sync.scope.problem.attribute</extracomment>
      <translation>choisissez l’attribut à tester.</translation>
    </message>
    <message>
      <source>the regular expression "{pattern}" is not valid: {detail}.</source>
      <extracomment>sync.scope.problem.bad_regex</extracomment>
      <translation>l’expression régulière « {pattern} » n’est pas valide : {detail}.</translation>
    </message>
    <message>
      <source>the regular expression "{pattern}" is not valid at position {position}: {detail}.</source>
      <extracomment>sync.scope.problem.bad_regex_at</extracomment>
      <translation>l’expression régulière « {pattern} » n’est pas valide à la position {position} : {detail}.</translation>
    </message>
    <message>
      <source>Includes needs a comma-separated list of values.</source>
      <extracomment>sync.scope.problem.includes_list</extracomment>
      <translation>Includes demande une liste de valeurs séparées par des virgules.</translation>
    </message>
    <message>
      <source>{operator} needs a value.</source>
      <extracomment>sync.scope.problem.needs_value</extracomment>
      <translation>{operator} a besoin d’une valeur.</translation>
    </message>
    <message>
      <source>{operator} needs a whole number as its mask, not "{value}".</source>
      <extracomment>sync.scope.problem.not_a_mask</extracomment>
      <translation>{operator} demande un nombre entier comme masque, et non « {value} ».</translation>
    </message>
    <message>
      <source>{operator} compares numbers, and "{value}" is not a number.</source>
      <extracomment>sync.scope.problem.not_a_number</extracomment>
      <translation>{operator} compare des nombres, et « {value} » n’est pas un nombre.</translation>
    </message>
    <message>
      <source>The state file {path} is damaged (it is not a readable SQLite database).</source>
      <extracomment>sync.state_file.damaged</extracomment>
      <translation>Le fichier d’état {path} est endommagé (ce n’est pas une base SQLite lisible).</translation>
    </message>
    <message>
      <source>Restore {name} from a backup; or move it aside, and the next cycle starts with fresh state (it matches the users already in Webex by userName).</source>
      <extracomment>sync.state_file.damaged_next</extracomment>
      <translation>Restaurez {name} depuis une sauvegarde ; ou mettez-le de côté, et le prochain cycle repart d’un état vierge (il met en correspondance les utilisateurs déjà présents dans Webex par leur userName).</translation>
    </message>
    <message>
      <source>The state file {path} could not be written: the disk is full or failing (nothing of the failed write was kept; the journal is as the last good write left it).</source>
      <extracomment>sync.state_file.full</extracomment>
      <translation>Le fichier d’état {path} n’a pas pu être écrit : le disque est plein ou défaillant (rien de l’écriture échouée n’a été gardé ; le journal est tel que la dernière écriture réussie l’a laissé).</translation>
    </message>
    <message>
      <source>Free space on the disk that holds {folder} (or check the disk), then run the command again: it resumes where it stopped.</source>
      <extracomment>sync.state_file.full_next</extracomment>
      <translation>Libérez de l’espace sur le disque qui contient {folder} (ou vérifiez le disque), puis relancez la commande : elle reprend là où elle s’est arrêtée.</translation>
    </message>
    <message>
      <source>The state file {path} cannot be opened for writing (read-only, or a folder this user may not write).</source>
      <extracomment>sync.state_file.read_only</extracomment>
      <translation>Le fichier d’état {path} ne peut pas être ouvert en écriture (lecture seule, ou dossier où cet utilisateur ne peut pas écrire).</translation>
    </message>
    <message>
      <source>Give this user write permission on {path} and its folder {folder} (and their -wal and -shm files), then run the command again.</source>
      <extracomment>sync.state_file.read_only_next</extracomment>
      <translation>Donnez à cet utilisateur le droit d’écrire sur {path} et son dossier {folder} (ainsi que leurs fichiers -wal et -shm), puis relancez la commande.</translation>
    </message>
    <message>
      <source>The state file {path} could not be used ({kind}: {problem}).</source>
      <extracomment>sync.state_file.unusable</extracomment>
      <translation>Le fichier d’état {path} n’a pas pu être utilisé ({kind} : {problem}).</translation>
    </message>
    <message>
      <source>Check the file and its folder {folder}; restore it from a backup, or move it aside to start with fresh state.</source>
      <extracomment>sync.state_file.unusable_next</extracomment>
      <translation>Vérifiez le fichier et son dossier {folder} ; restaurez-le depuis une sauvegarde, ou mettez-le de côté pour repartir d’un état vierge.</translation>
    </message>
    <message>
      <source>Cycle {cycle_id} {outcome}: {done}.</source>
      <extracomment>sync.summary</extracomment>
      <translation>Cycle {cycle_id} {outcome} : {done}.</translation>
    </message>
    <message>
      <source>{summary} {count} failed.</source>
      <extracomment>sync.summary.failed</extracomment>
      <translation>{summary} {count} en échec.</translation>
    </message>
    <message>
      <source>{summary} {reason}</source>
      <extracomment>sync.summary.reason</extracomment>
      <translation>{summary} {reason}</translation>
    </message>
    <message>
      <source>{users} {groups}</source>
      <extracomment>sync.threshold.both</extracomment>
      <translation>{users} {groups}</translation>
    </message>
    <message>
      <source>more than {count}</source>
      <extracomment>sync.threshold.limit.count</extracomment>
      <translation>plus de {count}</translation>
    </message>
    <message>
      <source>{first} or {second}</source>
      <extracomment>sync.threshold.limit.either</extracomment>
      <translation>{first} ou {second}</translation>
    </message>
    <message>
      <source>no limit</source>
      <extracomment>sync.threshold.limit.none</extracomment>
      <translation>aucune limite</translation>
    </message>
    <message>
      <source>more than {percent} % (from {minimum} removals)</source>
      <extracomment>sync.threshold.limit.percent</extracomment>
      <translation>plus de {percent} % (à partir de {minimum} retraits)</translation>
    </message>
    <message>
      <source>{removals} of {linked} provisioned groups ({percent} %)</source>
      <extracomment>sync.threshold.share.groups</extracomment>
      <translation>{removals} des {linked} groupes provisionnés ({percent} %)</translation>
    </message>
    <message>
      <source>{removals} of {linked} provisioned users ({percent} %)</source>
      <extracomment>sync.threshold.share.users</extracomment>
      <translation>{removals} des {linked} utilisateurs provisionnés ({percent} %)</translation>
    </message>
    <message>
      <source>This cycle would disable or delete {share}; the threshold is {limit}.</source>
      <extracomment>sync.threshold.would_remove</extracomment>
      <translation>Ce cycle désactiverait ou supprimerait {share} ; le seuil est de {limit}.</translation>
    </message>
    <message>
      <source>a full-width form of {plain} (it looks like {plain} but is another address)</source>
      <extracomment>sync.user_name.full_width</extracomment>
      <translation>une forme pleine chasse de {plain} (elle ressemble à {plain} mais c’est une autre adresse)</translation>
    </message>
    <message>
      <source>an invisible character (nobody could see or type it)</source>
      <extracomment>sync.user_name.invisible</extracomment>
      <translation>un caractère invisible (personne ne pourrait le voir ni le taper)</translation>
    </message>
    <message>
      <source>a {odd} letter among {main} ones (it looks like another letter, so the address looks like one it is not)</source>
      <extracomment>sync.user_name.mixed_scripts</extracomment>
      <translation>une lettre de l’écriture {odd} parmi des lettres de l’écriture {main} (elle ressemble à une autre lettre, et l’adresse ressemble donc à une adresse qu’elle n’est pas)</translation>
    </message>
    <message>
      <source>Write that part of the address in {main} letters only, then sync again.</source>
      <extracomment>sync.user_name.one_script</extracomment>
      <translation>Écrivez cette partie de l’adresse uniquement avec des lettres de l’écriture {main}, puis synchronisez de nouveau.</translation>
    </message>
    <message>
      <source>The userName {user_name} holds {character} at position {position}, {reason}, so this user was not sent.</source>
      <extracomment>sync.user_name.refused</extracomment>
      <translation>Le userName {user_name} contient {character} à la position {position}, {reason} : cet utilisateur n’a donc pas été envoyé.</translation>
    </message>
    <message>
      <source>Row {row}: the userName {user_name} holds {character} at position {position}, {reason}, so this user was not sent.</source>
      <extracomment>sync.user_name.refused_row</extracomment>
      <translation>Ligne {row} : le userName {user_name} contient {character} à la position {position}, {reason} : cet utilisateur n’a donc pas été envoyé.</translation>
    </message>
    <message>
      <source>Remove it from the userName in the source (retype the address), then sync again.</source>
      <extracomment>sync.user_name.remove_it</extracomment>
      <translation>Retirez-le du userName dans la source (retapez l’adresse), puis synchronisez de nouveau.</translation>
    </message>
    <message>
      <source>a space (an address holds none)</source>
      <extracomment>sync.user_name.space</extracomment>
      <translation>une espace (une adresse n’en contient aucune)</translation>
    </message>
    <message>
      <source>Write it as {plain} in the source, then sync again.</source>
      <extracomment>sync.user_name.write_plain</extracomment>
      <translation>Écrivez-le {plain} dans la source, puis synchronisez de nouveau.</translation>
    </message>
    <message>
      <source>already gone from the target</source>
      <extracomment>sync.write.already_gone</extracomment>
      <translation>déjà absent de la cible</translation>
    </message>
    <message>
      <source>already on the target; linked to it</source>
      <extracomment>sync.write.already_there</extracomment>
      <translation>déjà sur la cible ; lié à celle-ci</translation>
    </message>
    <message>
      <source>already on the target (an interrupted run had created it)</source>
      <extracomment>sync.write.created_before</extracomment>
      <translation>déjà sur la cible (une exécution interrompue l’avait créé)</translation>
    </message>
    <message numerus="yes">
      <source>{count} member is not on the target yet (its own operation failed); the next cycle adds it</source>
      <extracomment>sync.write.members_missing</extracomment>
      <translation>
        <numerusform>{count} membre n’est pas encore sur la cible (sa propre opération a échoué) ; le prochain cycle l’ajoute</numerusform>
        <numerusform>{count} membres ne sont pas encore sur la cible (leur propre opération a échoué) ; le prochain cycle les ajoute</numerusform>
      </translation>
    </message>
    <message>
      <source>The target gave no answer for it.</source>
      <extracomment>sync.write.no_answer</extracomment>
      <translation>La cible n’a donné aucune réponse pour cette opération.</translation>
    </message>
    <message>
      <source>not on the target (its own operation did not succeed); the next cycle sets it once the user is there</source>
      <extracomment>sync.write.not_on_target</extracomment>
      <translation>pas sur la cible (sa propre opération n’a pas réussi) ; le prochain cycle le définit une fois l’utilisateur présent</translation>
    </message>
    <message>
      <source>not sent: the user's own operation failed; the next cycle sends both</source>
      <extracomment>sync.write.own_failed</extracomment>
      <translation>non envoyé : l’opération propre à l’utilisateur a échoué ; le prochain cycle envoie les deux</translation>
    </message>
    <message>
      <source>{label} {shown}</source>
      <extracomment>sync.write.reference</extracomment>
      <translation>{label} {shown}</translation>
    </message>
    <message>
      <source>{missing} not on the target (its own operation did not succeed); the next cycle sets it</source>
      <extracomment>sync.write.references_missing</extracomment>
      <translation>{missing} pas sur la cible (sa propre opération n’a pas réussi) ; le prochain cycle le définit</translation>
    </message>
    <message>
      <source>Unexpected error ({kind}); see the program log.</source>
      <extracomment>sync.write.unexpected</extracomment>
      <translation>Erreur inattendue ({kind}) ; consultez le journal du programme.</translation>
    </message>
    <message>
      <source>{message} ({detail})</source>
      <extracomment>sync.write.with_detail</extracomment>
      <translation>{message} ({detail})</translation>
    </message>
    <message>
      <source>{what} contains {kind} at position {position}, which a token cannot hold.</source>
      <extracomment>token.error.bad_character</extracomment>
      <translation>{what} contient {kind} à la position {position}, ce qu’un jeton ne peut pas contenir.</translation>
    </message>
    <message>
      <source>{what} contains spaces or line breaks.</source>
      <extracomment>token.error.spaces</extracomment>
      <translation>{what} contient des espaces ou des sauts de ligne.</translation>
    </message>
    <message>
      <source>{what} is {length} characters long; an access token has at most {most}.</source>
      <extracomment>token.error.too_long</extracomment>
      <translation>{what} fait {length} caractères ; un jeton d’accès en a au plus {most}.</translation>
    </message>
    <message>
      <source>a control character</source>
      <extracomment>token.kind.control</extracomment>
      <translation>un caractère de contrôle</translation>
    </message>
    <message>
      <source>a character that is not plain ASCII</source>
      <extracomment>token.kind.not_ascii</extracomment>
      <translation>un caractère qui n’est pas de l’ASCII simple</translation>
    </message>
    <message>
      <source>Copy the token again from where it was made (developer.webex.com or your integration); an editor or a chat may have changed a character.</source>
      <extracomment>token.step.bad_character</extracomment>
      <translation>Copiez de nouveau le jeton là où il a été créé (developer.webex.com ou votre intégration) ; un éditeur ou une messagerie a pu modifier un caractère.</translation>
    </message>
    <message>
      <source>Paste the admin's Webex access token.</source>
      <extracomment>token.step.none</extracomment>
      <translation>Collez le jeton d’accès Webex de l’administrateur.</translation>
    </message>
    <message>
      <source>Copy the token again, in one piece, and paste it.</source>
      <extracomment>token.step.spaces</extracomment>
      <translation>Copiez de nouveau le jeton, d’un seul tenant, et collez-le.</translation>
    </message>
    <message>
      <source>Copy only the token (not a file or a whole page) and paste it again.</source>
      <extracomment>token.step.too_long</extracomment>
      <translation>Copiez uniquement le jeton (pas un fichier ni une page entière) et collez-le de nouveau.</translation>
    </message>
    <message>
      <source>The token</source>
      <extracomment>token.what.default</extracomment>
      <translation>Le jeton</translation>
    </message>
    <message>
      <source>The tenant URL uses {scheme}://, which cannot be used.</source>
      <extracomment>url.error.bad_scheme</extracomment>
      <translation>L’URL du locataire utilise {scheme}://, qui ne peut pas être utilisé.</translation>
    </message>
    <message>
      <source>The tenant URL contains a user name or password.</source>
      <extracomment>url.error.credentials</extracomment>
      <translation>L’URL du locataire contient un nom d’utilisateur ou un mot de passe.</translation>
    </message>
    <message>
      <source>The tenant URL has a fragment (after '#').</source>
      <extracomment>url.error.fragment</extracomment>
      <translation>L’URL du locataire contient un fragment (après « # »).</translation>
    </message>
    <message>
      <source>The tenant URL is not a valid URL.</source>
      <extracomment>url.error.invalid</extracomment>
      <translation>L’URL du locataire n’est pas une URL valide.</translation>
    </message>
    <message>
      <source>The host {host} looks like Webex's API host but is not one (a typo, or a letter from another alphabet).</source>
      <extracomment>url.error.lookalike</extracomment>
      <translation>L’hôte {host} ressemble à l’hôte de l’API Webex mais n’en est pas un (une faute de frappe, ou une lettre d’un autre alphabet).</translation>
    </message>
    <message>
      <source>The tenant URL has no host name.</source>
      <extracomment>url.error.no_host</extracomment>
      <translation>L’URL du locataire n’a pas de nom d’hôte.</translation>
    </message>
    <message>
      <source>The tenant URL has no orgId.</source>
      <extracomment>url.error.no_org</extracomment>
      <translation>L’URL du locataire n’a pas d’orgId.</translation>
    </message>
    <message>
      <source>This is not a Webex tenant URL, so it has no people/me to ask for an orgId.</source>
      <extracomment>url.error.no_people_me</extracomment>
      <translation>Ce n’est pas une URL de locataire Webex : elle n’a donc pas de people/me à qui demander un orgId.</translation>
    </message>
    <message>
      <source>The tenant URL does not start with https://.</source>
      <extracomment>url.error.no_scheme</extracomment>
      <translation>L’URL du locataire ne commence pas par https://.</translation>
    </message>
    <message>
      <source>{host} is not a Webex API host: the token would be sent there.</source>
      <extracomment>url.error.not_webex_host</extracomment>
      <translation>{host} n’est pas un hôte de l’API Webex : le jeton y serait envoyé.</translation>
    </message>
    <message>
      <source>The tenant URL still holds the placeholder (such as [Tenant ID]).</source>
      <extracomment>url.error.placeholder</extracomment>
      <translation>L’URL du locataire contient encore l’espace réservé (comme [Tenant ID]).</translation>
    </message>
    <message>
      <source>Plain http:// is only allowed for this computer (the sandbox).</source>
      <extracomment>url.error.plain_http</extracomment>
      <translation>Le simple http:// n’est autorisé que pour cet ordinateur (le bac à sable).</translation>
    </message>
    <message>
      <source>The tenant URL has a query string (after '?').</source>
      <extracomment>url.error.query</extracomment>
      <translation>L’URL du locataire contient une chaîne de requête (après « ? »).</translation>
    </message>
    <message>
      <source>The tenant URL contains spaces.</source>
      <extracomment>url.error.spaces</extracomment>
      <translation>L’URL du locataire contient des espaces.</translation>
    </message>
    <message>
      <source>This is not a Webex tenant URL, so it takes no orgId.</source>
      <extracomment>url.error.takes_no_org</extracomment>
      <translation>Ce n’est pas une URL de locataire Webex : elle ne prend donc pas d’orgId.</translation>
    </message>
    <message>
      <source>This Webex URL has no orgId.</source>
      <extracomment>url.error.webex_no_org</extracomment>
      <translation>Cette URL Webex n’a pas d’orgId.</translation>
    </message>
    <message>
      <source>Use an https:// URL.</source>
      <extracomment>url.step.bad_scheme</extracomment>
      <translation>Utilisez une URL en https://.</translation>
    </message>
    <message>
      <source>Remove them: the token is given separately.</source>
      <extracomment>url.step.credentials</extracomment>
      <translation>Supprimez-les : le jeton est fourni séparément.</translation>
    </message>
    <message>
      <source>Paste {example} with your orgId.</source>
      <extracomment>url.step.empty</extracomment>
      <translation>Collez {example} avec votre orgId.</translation>
    </message>
    <message>
      <source>Use "Get my orgId" (people/me) or copy the orgId from Control Hub.</source>
      <extracomment>url.step.find_org</extracomment>
      <translation>Utilisez « Obtenir mon orgId » (people/me) ou copiez l’orgId depuis Control Hub.</translation>
    </message>
    <message>
      <source>Remove everything from the '#'.</source>
      <extracomment>url.step.fragment</extracomment>
      <translation>Supprimez tout à partir du « # ».</translation>
    </message>
    <message>
      <source>Check the host name and the port number.</source>
      <extracomment>url.step.invalid</extracomment>
      <translation>Vérifiez le nom d’hôte et le numéro de port.</translation>
    </message>
    <message>
      <source>Use {example}; type the host name rather than copying it from a message.</source>
      <extracomment>url.step.lookalike</extracomment>
      <translation>Utilisez {example} ; tapez le nom d’hôte au lieu de le copier depuis un message.</translation>
    </message>
    <message>
      <source>Paste the whole URL.</source>
      <extracomment>url.step.no_host</extracomment>
      <translation>Collez l’URL entière.</translation>
    </message>
    <message>
      <source>For Webex, use {example}; another SCIM app needs no orgId.</source>
      <extracomment>url.step.no_people_me</extracomment>
      <translation>Pour Webex, utilisez {example} ; une autre application SCIM n’a pas besoin d’orgId.</translation>
    </message>
    <message>
      <source>Paste the whole URL, starting with https://.</source>
      <extracomment>url.step.no_scheme</extracomment>
      <translation>Collez l’URL entière, en commençant par https://.</translation>
    </message>
    <message>
      <source>Use {example} (a loopback address such as 127.0.0.1 works for the sandbox), or choose another SCIM 2.0 application.</source>
      <extracomment>url.step.not_webex_host</extracomment>
      <translation>Utilisez {example} (une adresse locale comme 127.0.0.1 convient pour le bac à sable), ou choisissez une autre application SCIM 2.0.</translation>
    </message>
    <message>
      <source>Replace it with your orgId. {where}</source>
      <extracomment>url.step.placeholder</extracomment>
      <translation>Remplacez-le par votre orgId. {where}</translation>
    </message>
    <message>
      <source>Use https:// for a real tenant.</source>
      <extracomment>url.step.plain_http</extracomment>
      <translation>Utilisez https:// pour un vrai locataire.</translation>
    </message>
    <message>
      <source>Remove everything from the '?'.</source>
      <extracomment>url.step.query</extracomment>
      <translation>Supprimez tout à partir du « ? ».</translation>
    </message>
    <message>
      <source>Remove the spaces and paste the URL again.</source>
      <extracomment>url.step.spaces</extracomment>
      <translation>Supprimez les espaces et collez l’URL de nouveau.</translation>
    </message>
    <message>
      <source>Use {example} for Webex.</source>
      <extracomment>url.step.takes_no_org</extracomment>
      <translation>Utilisez {example} pour Webex.</translation>
    </message>
    <message>
      <source>Use {example} with your orgId. {where}</source>
      <extracomment>url.step.webex_no_org</extracomment>
      <translation>Utilisez {example} avec votre orgId. {where}</translation>
    </message>
    <message>
      <source>an HTML page</source>
      <extracomment>webex.body.html</extracomment>
      <translation>une page HTML</translation>
    </message>
    <message>
      <source>a JSON body</source>
      <extracomment>webex.body.json</extracomment>
      <translation>un contenu JSON</translation>
    </message>
    <message>
      <source>a body that is not JSON</source>
      <extracomment>webex.body.not_json</extracomment>
      <translation>un contenu qui n’est pas du JSON</translation>
    </message>
    <message>
      <source>The target refused the request as invalid.</source>
      <extracomment>webex.error.bad_request</extracomment>
      <translation>La cible a refusé la requête comme non valide.</translation>
    </message>
    <message>
      <source>A user or group with this name already exists in the target.</source>
      <extracomment>webex.error.conflict</extracomment>
      <translation>Un utilisateur ou un groupe de ce nom existe déjà dans la cible.</translation>
    </message>
    <message>
      <source>({detail})</source>
      <extracomment>webex.error.detail</extracomment>
      <translation>({detail})</translation>
    </message>
    <message>
      <source>The target answered with an error.</source>
      <extracomment>webex.error.generic</extracomment>
      <translation>La cible a répondu par une erreur.</translation>
    </message>
    <message>
      <source>The token lacks a scope needed to provision (identity:people_rw).</source>
      <extracomment>webex.error.missing_scope</extracomment>
      <translation>Il manque au jeton une étendue nécessaire au provisionnement (identity:people_rw).</translation>
    </message>
    <message>
      <source>The token's user is not an admin who can provision users.</source>
      <extracomment>webex.error.not_admin</extracomment>
      <translation>L’utilisateur du jeton n’est pas un administrateur autorisé à provisionner des utilisateurs.</translation>
    </message>
    <message>
      <source>The token is not allowed to do this.</source>
      <extracomment>webex.error.not_allowed</extracomment>
      <translation>Le jeton n’a pas le droit de faire cela.</translation>
    </message>
    <message>
      <source>The user or group does not exist (any more) in the target.</source>
      <extracomment>webex.error.not_found</extracomment>
      <translation>L’utilisateur ou le groupe n’existe pas (ou plus) dans la cible.</translation>
    </message>
    <message>
      <source>The target answered HTTP {status} with {body} instead of JSON.</source>
      <extracomment>webex.error.not_json</extracomment>
      <translation>La cible a répondu par HTTP {status} avec {body} au lieu de JSON.</translation>
    </message>
    <message>
      <source>The target answered something that is not SCIM or Webex JSON.</source>
      <extracomment>webex.error.protocol</extracomment>
      <translation>La cible a répondu autre chose que du JSON SCIM ou Webex.</translation>
    </message>
    <message>
      <source>The target asked us to slow down (too many requests).</source>
      <extracomment>webex.error.rate_limited</extracomment>
      <translation>La cible nous a demandé de ralentir (trop de requêtes).</translation>
    </message>
    <message>
      <source>The target refused the request (HTTP {status}).</source>
      <extracomment>webex.error.refused_status</extracomment>
      <translation>La cible a refusé la requête (HTTP {status}).</translation>
    </message>
    <message>
      <source>The target refused the request (HTTP {status}, {scim_type}).</source>
      <extracomment>webex.error.refused_status_type</extracomment>
      <translation>La cible a refusé la requête (HTTP {status}, {scim_type}).</translation>
    </message>
    <message>
      <source>The target had an internal error.</source>
      <extracomment>webex.error.server</extracomment>
      <translation>La cible a subi une erreur interne.</translation>
    </message>
    <message>
      <source>The token has expired.</source>
      <extracomment>webex.error.token_expired</extracomment>
      <translation>Le jeton a expiré.</translation>
    </message>
    <message>
      <source>The token is not valid (mistyped, revoked or expired).</source>
      <extracomment>webex.error.token_invalid</extracomment>
      <translation>Le jeton n’est pas valide (mal saisi, révoqué ou expiré).</translation>
    </message>
    <message>
      <source>The token was refused.</source>
      <extracomment>webex.error.token_refused</extracomment>
      <translation>Le jeton a été refusé.</translation>
    </message>
    <message>
      <source>[TrackingID {tracking_id}]</source>
      <extracomment>webex.error.tracking</extracomment>
      <translation>[TrackingID {tracking_id}]</translation>
    </message>
    <message>
      <source>The target is unavailable (HTTP {status}).</source>
      <extracomment>webex.error.unavailable</extracomment>
      <translation>La cible est indisponible (HTTP {status}).</translation>
    </message>
    <message>
      <source>The target answered an unexpected HTTP {status}.</source>
      <extracomment>webex.error.unexpected_status</extracomment>
      <translation>La cible a répondu par un code HTTP inattendu : {status}.</translation>
    </message>
    <message>
      <source>The target could not be reached.</source>
      <extracomment>webex.error.unreachable</extracomment>
      <translation>La cible est injoignable.</translation>
    </message>
    <message>
      <source>The token belongs to another Webex organisation than the tenant URL.</source>
      <extracomment>webex.error.wrong_org</extracomment>
      <translation>Le jeton appartient à une autre organisation Webex que celle de l’URL du locataire.</translation>
    </message>
    <message>
      <source>The certificate of {host} is not trusted.</source>
      <extracomment>webex.net.cert</extracomment>
      <translation>Le certificat de {host} n’est pas reconnu comme fiable.</translation>
    </message>
    <message>
      <source>If your network inspects TLS, set SSL_CERT_FILE to your corporate CA bundle (PEM).</source>
      <extracomment>webex.net.cert.step</extracomment>
      <translation>Si votre réseau inspecte le TLS, faites pointer SSL_CERT_FILE vers le paquet d’autorités de certification de votre entreprise (PEM).</translation>
    </message>
    <message>
      <source>Could not connect to {host}.</source>
      <extracomment>webex.net.connect</extracomment>
      <translation>Impossible de se connecter à {host}.</translation>
    </message>
    <message>
      <source>Check the network and the proxy settings (HTTPS_PROXY).</source>
      <extracomment>webex.net.connect.step</extracomment>
      <translation>Vérifiez le réseau et les paramètres du proxy (HTTPS_PROXY).</translation>
    </message>
    <message>
      <source>The host {host} was not found (DNS).</source>
      <extracomment>webex.net.dns</extracomment>
      <translation>L’hôte {host} est introuvable (DNS).</translation>
    </message>
    <message>
      <source>Check the host name in the tenant URL, the network and the DNS settings.</source>
      <extracomment>webex.net.dns.step</extracomment>
      <translation>Vérifiez le nom d’hôte dans l’URL du locataire, le réseau et les paramètres DNS.</translation>
    </message>
    <message>
      <source>{host} refused the connection.</source>
      <extracomment>webex.net.refused</extracomment>
      <translation>{host} a refusé la connexion.</translation>
    </message>
    <message>
      <source>Check the port in the tenant URL, that the service runs, and the proxy settings.</source>
      <extracomment>webex.net.refused.step</extracomment>
      <translation>Vérifiez le port dans l’URL du locataire, que le service fonctionne, ainsi que les paramètres du proxy.</translation>
    </message>
    <message>
      <source>The connection to {host} was lost before the answer arrived.</source>
      <extracomment>webex.net.reset</extracomment>
      <translation>La connexion à {host} a été perdue avant l’arrivée de la réponse.</translation>
    </message>
    <message>
      <source>Try again; if it persists, check the network and the proxy settings.</source>
      <extracomment>webex.net.reset.step</extracomment>
      <translation>Réessayez ; si le problème persiste, vérifiez le réseau et les paramètres du proxy.</translation>
    </message>
    <message>
      <source>the target</source>
      <extracomment>webex.net.the_target</extracomment>
      <translation>la cible</translation>
    </message>
    <message>
      <source>{host} did not answer in time.</source>
      <extracomment>webex.net.timeout</extracomment>
      <translation>{host} n’a pas répondu à temps.</translation>
    </message>
    <message>
      <source>Check the network and the proxy settings (HTTPS_PROXY), then try again.</source>
      <extracomment>webex.net.timeout.step</extracomment>
      <translation>Vérifiez le réseau et les paramètres du proxy (HTTPS_PROXY), puis réessayez.</translation>
    </message>
    <message>
      <source>The TLS handshake with {host} failed.</source>
      <extracomment>webex.net.tls</extracomment>
      <translation>La négociation TLS avec {host} a échoué.</translation>
    </message>
    <message>
      <source>Check that the URL is https:// on the right port, and the proxy settings.</source>
      <extracomment>webex.net.tls.step</extracomment>
      <translation>Vérifiez que l’URL est en https:// sur le bon port, ainsi que les paramètres du proxy.</translation>
    </message>
    <message>
      <source>Check the attribute mappings for this value.</source>
      <extracomment>webex.step.bad_request</extracomment>
      <translation>Vérifiez les correspondances d’attributs pour cette valeur.</translation>
    </message>
    <message>
      <source>Match it on userName (or displayName for groups), or rename one of them.</source>
      <extracomment>webex.step.conflict</extracomment>
      <translation>Associez-le par userName (ou displayName pour les groupes), ou renommez l’un des deux.</translation>
    </message>
    <message>
      <source>Create a token with the scopes identity:people_rw, spark:people_read and Identity:SCIM, and paste it.</source>
      <extracomment>webex.step.missing_scope</extracomment>
      <translation>Créez un jeton avec les étendues identity:people_rw, spark:people_read et Identity:SCIM, puis collez-le.</translation>
    </message>
    <message>
      <source>Create a new token (developer.webex.com, or your integration) as a full or user admin, and paste it.</source>
      <extracomment>webex.step.new_token</extracomment>
      <translation>Créez un nouveau jeton (developer.webex.com, ou votre intégration) en tant qu’administrateur complet ou administrateur des utilisateurs, puis collez-le.</translation>
    </message>
    <message>
      <source>Run a new cycle: it will find or create it again.</source>
      <extracomment>webex.step.not_found</extracomment>
      <translation>Lancez un nouveau cycle : il le retrouvera ou le recréera.</translation>
    </message>
    <message>
      <source>Check the tenant URL; a proxy or a sign-in page may stand in the way.</source>
      <extracomment>webex.step.protocol</extracomment>
      <translation>Vérifiez l’URL du locataire ; un proxy ou une page de connexion peut faire obstacle.</translation>
    </message>
    <message>
      <source>Wait a few minutes, or lower the concurrency of the profile.</source>
      <extracomment>webex.step.rate_limited</extracomment>
      <translation>Attendez quelques minutes, ou réduisez la concurrence du profil.</translation>
    </message>
    <message>
      <source>Use the token of an admin with the full admin or user admin role in Control Hub (scopes identity:people_rw and spark:people_read).</source>
      <extracomment>webex.step.role</extracomment>
      <translation>Utilisez le jeton d’un administrateur ayant le rôle d’administrateur complet ou d’administrateur des utilisateurs dans Control Hub (étendues identity:people_rw et spark:people_read).</translation>
    </message>
    <message>
      <source>Try again later; if it persists, contact Cisco support with the TrackingID.</source>
      <extracomment>webex.step.server</extracomment>
      <translation>Réessayez plus tard ; si le problème persiste, contactez le support Cisco avec le TrackingID.</translation>
    </message>
    <message>
      <source>Try again in a few minutes.</source>
      <extracomment>webex.step.try_in_minutes</extracomment>
      <translation>Réessayez dans quelques minutes.</translation>
    </message>
    <message>
      <source>Try again later; if it persists, contact Cisco support.</source>
      <extracomment>webex.step.try_later</extracomment>
      <translation>Réessayez plus tard ; si le problème persiste, contactez le support Cisco.</translation>
    </message>
    <message>
      <source>Check the network connection and the proxy settings (HTTPS_PROXY).</source>
      <extracomment>webex.step.unreachable</extracomment>
      <translation>Vérifiez la connexion réseau et les paramètres du proxy (HTTPS_PROXY).</translation>
    </message>
    <message>
      <source>Use a token of an admin of this organisation, or fix the orgId in the tenant URL.</source>
      <extracomment>webex.step.wrong_org</extracomment>
      <translation>Utilisez le jeton d’un administrateur de cette organisation, ou corrigez l’orgId dans l’URL du locataire.</translation>
    </message>
    <message>
      <source>note: a bot cannot provision; use an admin's token.</source>
      <extracomment>whoami.bot_note</extracomment>
      <translation>remarque : un bot ne peut pas provisionner ; utilisez le jeton d’un administrateur.</translation>
    </message>
    <message>
      <source>org UUID:</source>
      <extracomment>whoami.label.org_uuid</extracomment>
      <translation>UUID de l’organisation :</translation>
    </message>
    <message>
      <source>roles:</source>
      <extracomment>whoami.label.roles</extracomment>
      <translation>rôles :</translation>
    </message>
    <message>
      <source>tenant URL:</source>
      <extracomment>whoami.label.tenant_url</extracomment>
      <translation>URL du locataire :</translation>
    </message>
    <message>
      <source>type:</source>
      <extracomment>whoami.label.type</extracomment>
      <translation>type :</translation>
    </message>
    <message>
      <source>{type}, status {status}</source>
      <extracomment>whoami.type_status</extracomment>
      <translation>{type}, statut {status}</translation>
    </message>
    <message>
      <source>Create</source>
      <extracomment>word.action.create</extracomment>
      <translation>Création</translation>
    </message>
    <message>
      <source>Delete</source>
      <extracomment>word.action.delete</extracomment>
      <translation>Suppression</translation>
    </message>
    <message>
      <source>Disable</source>
      <extracomment>word.action.disable</extracomment>
      <translation>Désactivation</translation>
    </message>
    <message>
      <source>NoChange</source>
      <extracomment>word.action.no_change</extracomment>
      <translation>Sans changement</translation>
    </message>
    <message>
      <source>Skip</source>
      <extracomment>word.action.skip</extracomment>
      <translation>Ignoré</translation>
    </message>
    <message>
      <source>Update</source>
      <extracomment>word.action.update</extracomment>
      <translation>Mise à jour</translation>
    </message>
    <message>
      <source>Group</source>
      <extracomment>word.object.group</extracomment>
      <translation>Groupe</translation>
    </message>
    <message>
      <source>{word}</source>
      <extracomment>word.other</extracomment>
      <translation>{word}</translation>
    </message>
    <message>
      <source>Failure</source>
      <extracomment>word.status.failure</extracomment>
      <translation>Échec</translation>
    </message>
    <message>
      <source>Held</source>
      <extracomment>word.status.held</extracomment>
      <translation>Suspendu</translation>
    </message>
    <message>
      <source>Skipped</source>
      <extracomment>word.status.skipped</extracomment>
      <translation>Ignoré</translation>
    </message>
    <message>
      <source>Success</source>
      <extracomment>word.status.success</extracomment>
      <translation>Réussite</translation>
    </message>
    <message>
      <source>Warning</source>
      <extracomment>word.status.warning</extracomment>
      <translation>Avertissement</translation>
    </message>
  </context>
</TS>
