<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
  <context>
    <name>Messages</name>
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
      <extracomment>check.entra.count.groups</extracomment>
      <translation>
        <numerusform>{count} groupe</numerusform>
        <numerusform>{count} groupes</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{count} user</source>
      <extracomment>check.entra.count.users</extracomment>
      <translation>
        <numerusform>{count} utilisateur</numerusform>
        <numerusform>{count} utilisateurs</numerusform>
      </translation>
    </message>
    <message>
      <source>application</source>
      <extracomment>check.entra.permission.application</extracomment>
      <translation>application</translation>
    </message>
    <message>
      <source>delegated</source>
      <extracomment>check.entra.permission.delegated</extracomment>
      <translation>déléguée</translation>
    </message>
    <message>
      <source>{permission} is granted.</source>
      <extracomment>check.entra.permission.granted</extracomment>
      <translation>{permission} est accordée.</translation>
    </message>
    <message>
      <source>In the Microsoft Entra admin center, open App registrations &gt; your app &gt; API permissions, add Microsoft Graph {permission} ({kind}) and click Grant admin consent.</source>
      <extracomment>check.entra.permission.next</extracomment>
      <translation>Dans le centre d’administration Microsoft Entra, ouvrez Inscriptions d’applications &gt; votre application &gt; Autorisations d’API, ajoutez Microsoft Graph {permission} ({kind}) puis cliquez sur Accorder un consentement d’administrateur.</translation>
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
      <extracomment>check.reachable.tls</extracomment>
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
      <extracomment>check.report.mark.skipped</extracomment>
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
      <extracomment>check.scim_read.not_found.next</extracomment>
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
      <extracomment>check.token.missing</extracomment>
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
      <source>note: a bot cannot provision; use an admin's token.</source>
      <extracomment>whoami.bot_note</extracomment>
      <translation>remarque : un bot ne peut pas provisionner ; utilisez le jeton d’un administrateur.</translation>
    </message>
    <message>
      <source>orgId:</source>
      <extracomment>whoami.label.org_id</extracomment>
      <translation>orgId :</translation>
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
      <source>none</source>
      <extracomment>whoami.no_roles</extracomment>
      <translation>aucun</translation>
    </message>
    <message>
      <source>{type}, status {status}</source>
      <extracomment>whoami.type_status</extracomment>
      <translation>{type}, statut {status}</translation>
    </message>
  </context>
</TS>
