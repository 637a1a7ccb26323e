<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../app/ui/about.py" line="101"/>
        <source>About Webex Provisioner</source>
        <translation>À propos de Webex Provisioner</translation>
    </message>
    <message>
        <location filename="../../app/ui/about.py" line="123"/>
        <source>Program icon</source>
        <translation>Icône du programme</translation>
    </message>
    <message>
        <location filename="../../app/ui/about.py" line="126"/>
        <source>&lt;h2&gt;Webex Provisioner&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Webex Provisioner&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/about.py" line="128"/>
        <location filename="../../app/ui/about.py" line="203"/>
        <source>Version {version}</source>
        <translation>Version {version}</translation>
    </message>
    <message>
        <location filename="../../app/ui/about.py" line="133"/>
        <source>Provisions users and groups from a directory (a CSV file, Microsoft Entra ID) into Cisco Webex over SCIM 2.0, from this computer. Distributed under the MIT licence.</source>
        <translation>Provisionne les utilisateurs et les groupes d’un annuaire (un fichier CSV, Microsoft Entra ID) dans Cisco Webex par SCIM 2.0, depuis cet ordinateur. Distribué sous licence MIT.</translation>
    </message>
    <message>
        <location filename="../../app/ui/about.py" line="151"/>
        <source>This program includes the following libraries. Select one to read its licence.</source>
        <translation>Ce programme inclut les bibliothèques suivantes. Sélectionnez-en une pour lire sa licence.</translation>
    </message>
    <message>
        <location filename="../../app/ui/about.py" line="160"/>
        <source>Bundled libraries</source>
        <translation>Bibliothèques incluses</translation>
    </message>
    <message>
        <location filename="../../app/ui/about.py" line="164"/>
        <source>Licence of the selected library</source>
        <translation>Licence de la bibliothèque sélectionnée</translation>
    </message>
    <message>
        <location filename="../../app/ui/about.py" line="111"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../app/ui/about.py" line="191"/>
        <source>The licence files are missing from {folder}.</source>
        <translation>Les fichiers de licence manquent dans {folder}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/about.py" line="204"/>
        <source>Licence: {license}</source>
        <translation>Licence : {license}</translation>
    </message>
</context>
<context>
    <name>ActivityView</name>
    <message>
        <location filename="../../app/ui/activity.py" line="105"/>
        <source>Sync progress in users</source>
        <translation>Progression de la synchronisation, en utilisateurs</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity.py" line="107"/>
        <source>%v of %m users</source>
        <translation>%v utilisateurs sur %m</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity.py" line="111"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity.py" line="116"/>
        <source>Ca&amp;ncel sync</source>
        <translation>A&amp;nnuler la synchronisation</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity.py" line="143"/>
        <source>Filter by user, action or details</source>
        <translation>Filtrer par utilisateur, action ou détails</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity.py" line="144"/>
        <source>Filter the activity</source>
        <translation>Filtrer l’activité</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity.py" line="148"/>
        <source>Show status</source>
        <translation>Afficher l’état</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity.py" line="149"/>
        <source>All statuses</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity.py" line="164"/>
        <source>Provisioning activity</source>
        <translation>Activité du provisionnement</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity.py" line="177"/>
        <source>Details of the selected event</source>
        <translation>Détails de l’événement sélectionné</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity.py" line="180"/>
        <source>Select a row to see its steps and details.</source>
        <translation>Sélectionnez une ligne pour voir ses étapes et ses détails.</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity.py" line="319"/>
        <source>The sync was cancelled.</source>
        <translation>La synchronisation a été annulée.</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity.py" line="328"/>
        <source>The sync completed</source>
        <translation>La synchronisation est terminée</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity.py" line="329"/>
        <source>The sync completed with failures</source>
        <translation>La synchronisation est terminée avec des échecs</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity.py" line="330"/>
        <source>The sync is held</source>
        <translation>La synchronisation est retenue</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity.py" line="331"/>
        <source>Provisioning is quarantined</source>
        <translation>Le provisionnement est en quarantaine</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity.py" line="332"/>
        <source>The sync was cancelled</source>
        <translation>La synchronisation a été annulée</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity.py" line="333"/>
        <source>The sync failed</source>
        <translation>La synchronisation a échoué</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity.py" line="336"/>
        <source>{action} {count}</source>
        <translation>{action} {count}</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity.py" line="341"/>
        <source>{outcome}: {counts}.</source>
        <translation>{outcome} : {counts}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity.py" line="112"/>
        <source>&amp;Resume</source>
        <translation>&amp;Reprendre</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity.py" line="395"/>
        <location filename="../../app/ui/activity.py" line="410"/>
        <source>Cancel the sync</source>
        <translation>Annuler la synchronisation</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity.py" line="396"/>
        <source>Cancel the sync now?</source>
        <translation>Annuler la synchronisation maintenant ?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/activity.py" line="399"/>
        <source>%n users not reached yet are not sent now.</source>
        <translation>
            <numerusform>%n utilisateur pas encore atteint n’est pas envoyé maintenant.</numerusform>
            <numerusform>%n utilisateurs pas encore atteints ne sont pas envoyés maintenant.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/activity.py" line="401"/>
        <source>The operations not sent yet are not sent now.</source>
        <translation>Les opérations pas encore envoyées ne sont pas envoyées maintenant.</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity.py" line="405"/>
        <source>The operations already sent to Webex finish and are recorded. {not_sent} Nothing is lost: the next cycle (Sync now, or the next scheduled one) sends them, without creating anyone twice.</source>
        <translation>Les opérations déjà envoyées à Webex se terminent et sont enregistrées. {not_sent} Rien n’est perdu : le cycle suivant (Synchroniser maintenant, ou le prochain cycle planifié) les envoie, sans créer personne deux fois.</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity.py" line="412"/>
        <source>Keep syncing</source>
        <translation>Continuer la synchronisation</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity.py" line="434"/>
        <source>Cancelling: the operations in flight finish first…</source>
        <translation>Annulation : les opérations en cours se terminent d’abord…</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity.py" line="458"/>
        <source>Nothing to send</source>
        <translation>Rien à envoyer</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity.py" line="461"/>
        <source>{status}: {count}</source>
        <translation>{status} : {count}</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity.py" line="470"/>
        <source>Paused.</source>
        <translation>En pause.</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity.py" line="473"/>
        <source>{done} users in {time}.</source>
        <translation>{done} utilisateurs en {time}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity.py" line="477"/>
        <source>Reading the source and the target…</source>
        <translation>Lecture de la source et de la cible…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/activity.py" line="479"/>
        <source>Planning; %n users sent so far.</source>
        <translation>
            <numerusform>Planification ; %n utilisateur envoyé jusqu’ici.</numerusform>
            <numerusform>Planification ; %n utilisateurs envoyés jusqu’ici.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/activity.py" line="482"/>
        <source>{rate:.1f} users/s, about {left} left.</source>
        <translation>{rate:.1f} utilisateurs/s, encore {left} environ.</translation>
    </message>
</context>
<context>
    <name>CloseDuringCycle</name>
    <message>
        <location filename="../../app/ui/activity.py" line="509"/>
        <source>A cycle is running</source>
        <translation>Un cycle est en cours</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity.py" line="511"/>
        <source>A provisioning cycle is running. What should happen to it?</source>
        <translation>Un cycle de provisionnement est en cours. Que faut-il en faire ?</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity.py" line="516"/>
        <source>Stop: the operations already sent to Webex finish and are recorded; the next cycle sends the rest, without creating anyone twice.</source>
        <translation>Arrêter : les opérations déjà envoyées à Webex se terminent et sont enregistrées ; le cycle suivant envoie le reste, sans créer personne deux fois.</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity.py" line="524"/>
        <source>Keep running: the window hides and the cycle goes on in the tray.</source>
        <translation>Continuer : la fenêtre se masque et le cycle se poursuit dans la zone de notification.</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity.py" line="531"/>
        <source>&amp;Stop after the operations in flight</source>
        <translation>&amp;Arrêter après les opérations en cours</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity.py" line="538"/>
        <source>&amp;Keep running in the tray</source>
        <translation>&amp;Continuer dans la zone de notification</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity.py" line="543"/>
        <source>&amp;Cancel closing</source>
        <translation>&amp;Ne pas fermer</translation>
    </message>
</context>
<context>
    <name>CredentialsPage</name>
    <message>
        <location filename="../../app/ui/pages/credentials.py" line="38"/>
        <source>Admin credentials</source>
        <translation>Informations d’identification de l’administrateur</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/credentials.py" line="63"/>
        <source>Where the token is kept</source>
        <translation>Où le jeton est conservé</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/credentials.py" line="75"/>
        <source>&amp;Tenant URL:</source>
        <translation>&amp;URL du locataire :</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/credentials.py" line="87"/>
        <location filename="../../app/ui/pages/credentials.py" line="98"/>
        <source>Secret token</source>
        <translation>Jeton secret</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/credentials.py" line="94"/>
        <source>From the environment variable {variable}</source>
        <translation>Depuis la variable d’environnement {variable}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/credentials.py" line="100"/>
        <source>Type &amp;another token</source>
        <translation>Sa&amp;isir un autre jeton</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/credentials.py" line="102"/>
        <source>Type another token</source>
        <translation>Saisir un autre jeton</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/credentials.py" line="79"/>
        <source>&amp;Secret token:</source>
        <translation>&amp;Jeton secret :</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/credentials.py" line="115"/>
        <source>&amp;Get my orgId</source>
        <translation>&amp;Obtenir mon orgId</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/credentials.py" line="118"/>
        <source>Calls “Get My Own Details” (people/me) with the token and fills the orgId in.</source>
        <translation>Appelle « Get My Own Details » (people/me) avec le jeton et renseigne l’orgId.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/credentials.py" line="120"/>
        <source>Test &amp;connection</source>
        <translation>&amp;Tester la connexion</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/credentials.py" line="138"/>
        <source>Connection test results</source>
        <translation>Résultats du test de connexion</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/credentials.py" line="157"/>
        <source>Stored in the keyring; paste a new one to replace it</source>
        <translation>Enregistré dans le trousseau ; collez-en un nouveau pour le remplacer</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/credentials.py" line="180"/>
        <source>Enter the tenant URL and the secret token of a Webex administrator. Next tests the connection first.</source>
        <translation>Entrez l’URL du locataire et le jeton secret d’un administrateur Webex. Suivant teste d’abord la connexion.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/credentials.py" line="186"/>
        <source>The tenant URL has the form https://webexapis.com/identity/scim/[orgId]/v2/ (the tutorial&apos;s https://api.webex.com/v1/scim/[Tenant ID]/ works too). The secret token is the access token of an administrator: sign in at developer.webex.com with your admin account and copy it. &lt;b&gt;Get my orgId&lt;/b&gt; then fills the orgId in for you.</source>
        <translation>L’URL du locataire a la forme https://webexapis.com/identity/scim/[orgId]/v2/ (celle du tutoriel, https://api.webex.com/v1/scim/[Tenant ID]/, fonctionne aussi). Le jeton secret est le jeton d’accès d’un administrateur : connectez-vous à developer.webex.com avec votre compte d’administrateur et copiez-le. &lt;b&gt;Obtenir mon orgId&lt;/b&gt; renseigne ensuite l’orgId pour vous.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/credentials.py" line="196"/>
        <source>Enter the SCIM 2.0 base URL of the application and its bearer token. Next tests the connection first.</source>
        <translation>Entrez l’URL de base SCIM 2.0 de l’application et son jeton du porteur. Suivant teste d’abord la connexion.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/credentials.py" line="202"/>
        <source>The base URL is the address the application documents for SCIM 2.0, e.g. https://scim.example.com/scim/v2/.</source>
        <translation>L’URL de base est l’adresse que l’application indique pour SCIM 2.0, par exemple https://scim.example.com/scim/v2/.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/credentials.py" line="243"/>
        <source>This computer has no keyring to keep secrets. The profile is saved without the token: every cycle reads it from the environment variable {variable}, as this wizard does now.</source>
        <translation>Cet ordinateur n’a pas de trousseau pour conserver les secrets. Le profil est enregistré sans le jeton : chaque cycle le lit dans la variable d’environnement {variable}, comme le fait maintenant cet assistant.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/credentials.py" line="251"/>
        <source>This computer has no keyring to keep secrets, so a token typed here cannot be saved with the profile.</source>
        <translation>Cet ordinateur n’a pas de trousseau pour conserver les secrets : un jeton saisi ici ne peut pas être enregistré avec le profil.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/credentials.py" line="255"/>
        <source>Set the environment variable {variable} to the token and start the program again: the profile is then saved without it and every cycle reads it from there.</source>
        <translation>Donnez le jeton dans la variable d’environnement {variable} et relancez le programme : le profil est alors enregistré sans lui et chaque cycle l’y lit.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/credentials.py" line="277"/>
        <source>The token typed here replaces the stored one when you save.</source>
        <translation>Le jeton saisi ici remplace celui qui est enregistré quand vous enregistrez.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/credentials.py" line="282"/>
        <source>A token is stored in the keyring for this profile; it is used unless you paste a new one.</source>
        <translation>Un jeton est enregistré dans le trousseau pour ce profil ; il est utilisé à moins que vous n’en colliez un nouveau.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/credentials.py" line="300"/>
        <source>This is not a Webex tenant URL.</source>
        <translation>Ce n’est pas une URL de locataire Webex.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/credentials.py" line="302"/>
        <source>Use https://webexapis.com/identity/scim/[orgId]/v2/, or go back and choose “Another SCIM 2.0 application”.</source>
        <translation>Utilisez https://webexapis.com/identity/scim/[orgId]/v2/, ou revenez en arrière et choisissez « Une autre application SCIM 2.0 ».</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/credentials.py" line="353"/>
        <source>Paste the secret token first.</source>
        <translation>Collez d’abord le jeton secret.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/credentials.py" line="363"/>
        <source>Asking the sandbox who this token belongs to…</source>
        <translation>Demande au bac à sable à qui appartient ce jeton…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/credentials.py" line="365"/>
        <source>Asking Webex who this token belongs to…</source>
        <translation>Webex est interrogé sur le titulaire de ce jeton…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/credentials.py" line="401"/>
        <source>The sandbox says the token belongs to {who}; the sandbox&apos;s tenant URL with orgId {org} filled in.</source>
        <translation>Selon le bac à sable, le jeton appartient à {who} ; l’URL du locataire du bac à sable est remplie avec l’orgId {org}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/credentials.py" line="405"/>
        <source>The token belongs to {who}; orgId {org} filled in.</source>
        <translation>Le jeton appartient à {who} ; orgId {org} renseigné.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/credentials.py" line="422"/>
        <source>Testing the connection…</source>
        <translation>Test de la connexion…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/credentials.py" line="439"/>
        <source>The connection works: every check passed or could not be told.</source>
        <translation>La connexion fonctionne : chaque vérification a réussi ou ne pouvait pas être déterminée.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/credentials.py" line="452"/>
        <source>Checks that failed: {titles}.</source>
        <translation>Vérifications en échec : {titles}.</translation>
    </message>
</context>
<context>
    <name>CycleChart</name>
    <message>
        <location filename="../../app/ui/chart.py" line="93"/>
        <source>Chart of the last cycles</source>
        <translation>Graphique des derniers cycles</translation>
    </message>
    <message>
        <location filename="../../app/ui/chart.py" line="115"/>
        <location filename="../../app/ui/chart.py" line="162"/>
        <source>No cycle has run yet.</source>
        <translation>Aucun cycle n’a encore été exécuté.</translation>
    </message>
    <message>
        <location filename="../../app/ui/chart.py" line="120"/>
        <source>{count} cycles shown. The last one, at {time}, was interrupted after {sent} operations.</source>
        <translation>{count} cycles affichés. Le dernier, à {time}, a été interrompu après {sent} opérations.</translation>
    </message>
    <message>
        <location filename="../../app/ui/chart.py" line="127"/>
        <source>{count} cycles shown. The last one, at {time}: {sent} sent, {failed} failed, {skipped} skipped, {unchanged} unchanged.</source>
        <translation>{count} cycles affichés. Le dernier, à {time} : {sent} envoyés, {failed} en échec, {skipped} ignorés, {unchanged} inchangés.</translation>
    </message>
    <message>
        <location filename="../../app/ui/chart.py" line="227"/>
        <source>Sent</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <location filename="../../app/ui/chart.py" line="228"/>
        <source>Failed</source>
        <translation>En échec</translation>
    </message>
    <message>
        <location filename="../../app/ui/chart.py" line="229"/>
        <source>Skipped or held</source>
        <translation>Ignorés ou retenus</translation>
    </message>
    <message>
        <location filename="../../app/ui/chart.py" line="236"/>
        <source>Interrupted</source>
        <translation>Interrompu</translation>
    </message>
</context>
<context>
    <name>DashboardBridge</name>
    <message>
        <location filename="../../app/ui/dashboard/bridge.py" line="148"/>
        <source>Could not write {path}: {why}.</source>
        <translation>Impossible d’écrire {path} : {why}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/bridge.py" line="151"/>
        <source>Choose another folder or file name.</source>
        <translation>Choisissez un autre dossier ou un autre nom de fichier.</translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message>
        <location filename="../../app/ui/dashboard/words.py" line="25"/>
        <source>Completed</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/words.py" line="26"/>
        <source>Completed with failures</source>
        <translation>Terminé avec des échecs</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/words.py" line="29"/>
        <source>Held by the accidental-deletion threshold</source>
        <translation>Retenu par le seuil de suppression accidentelle</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/words.py" line="32"/>
        <location filename="../../app/ui/dashboard/words.py" line="48"/>
        <source>Quarantined</source>
        <translation>En quarantaine</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/words.py" line="33"/>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/words.py" line="34"/>
        <source>Failed</source>
        <translation>En échec</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/words.py" line="36"/>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/words.py" line="41"/>
        <source>Idle</source>
        <translation>Au repos</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/words.py" line="42"/>
        <source>A cycle is running</source>
        <translation>Un cycle est en cours</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/words.py" line="45"/>
        <source>Held: removals wait for your decision</source>
        <translation>Retenu : les retraits attendent votre décision</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/words.py" line="51"/>
        <source>The last cycle failed</source>
        <translation>Le dernier cycle a échoué</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/words.py" line="68"/>
        <source>({count} failed)</source>
        <translation>({count} en échec)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/words.py" line="73"/>
        <source>({count} held)</source>
        <translation>({count} suspendus)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/words.py" line="78"/>
        <source>({count} not done)</source>
        <translation>(non faites : {count})</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/words.py" line="82"/>
        <source>nothing to do</source>
        <translation>rien à faire</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/window.py" line="78"/>
        <source>Webex Provisioner</source>
        <translation>Webex Provisioner</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/layout.py" line="97"/>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil :</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/layout.py" line="101"/>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/layout.py" line="111"/>
        <source>&amp;New profile…</source>
        <translation>&amp;Nouveau profil…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/layout.py" line="114"/>
        <source>Se&amp;ttings…</source>
        <translation>Para&amp;mètres…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/layout.py" line="117"/>
        <source>Settings of this profile</source>
        <translation>Paramètres de ce profil</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/layout.py" line="120"/>
        <source>A&amp;bout</source>
        <translation>&amp;À propos</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/layout.py" line="163"/>
        <location filename="../../app/ui/dashboard/layout.py" line="170"/>
        <source>Last cycle</source>
        <translation>Dernier cycle</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/layout.py" line="167"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/layout.py" line="173"/>
        <source>Counts</source>
        <translation>Décomptes</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/layout.py" line="176"/>
        <source>Next cycle</source>
        <translation>Prochain cycle</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/layout.py" line="179"/>
        <source>State:</source>
        <translation>État :</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/layout.py" line="180"/>
        <source>When:</source>
        <translation>Quand :</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/layout.py" line="181"/>
        <source>Done:</source>
        <translation>Effectué :</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/layout.py" line="182"/>
        <source>Next cycle:</source>
        <translation>Prochain cycle :</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/layout.py" line="197"/>
        <location filename="../../app/ui/dashboard/layout.py" line="203"/>
        <source>Statistics to date</source>
        <translation>Statistiques à ce jour</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/layout.py" line="212"/>
        <source>Last cycles</source>
        <translation>Derniers cycles</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/layout.py" line="224"/>
        <source>&amp;Sync now</source>
        <translation>&amp;Synchroniser maintenant</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/layout.py" line="228"/>
        <source>&amp;Allow the removals and run…</source>
        <translation>&amp;Autoriser les retraits et exécuter…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/layout.py" line="232"/>
        <source>Allow the removals held by the threshold and run the cycle</source>
        <translation>Autoriser les retraits retenus par le seuil et exécuter le cycle</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/layout.py" line="238"/>
        <source>Provision on &amp;demand…</source>
        <translation>Provisionner à la &amp;demande…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/layout.py" line="243"/>
        <source>&amp;Restart provisioning…</source>
        <translation>&amp;Redémarrer le provisionnement…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/layout.py" line="140"/>
        <source>&amp;Keep running in the system tray when this window is closed</source>
        <translation>&amp;Continuer dans la zone de notification quand cette fenêtre est fermée</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/layout.py" line="147"/>
        <source>Keep running in the system tray when this window is closed</source>
        <translation>Continuer dans la zone de notification quand cette fenêtre est fermée</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/layout.py" line="292"/>
        <source>Logs or the running cycle</source>
        <translation>Journaux ou cycle en cours</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/layout.py" line="298"/>
        <source>Provisioning &amp;logs</source>
        <translation>&amp;Journaux de provisionnement</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/layout.py" line="303"/>
        <source>The cycle running now</source>
        <translation>Le cycle en cours</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/layout.py" line="307"/>
        <source>Pa&amp;use</source>
        <translation>Pa&amp;use</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/layout.py" line="308"/>
        <source>Res&amp;ume</source>
        <translation>Contin&amp;uer</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/layout.py" line="309"/>
        <source>Cancel s&amp;ync</source>
        <translation>Annuler la s&amp;ynchronisation</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/layout.py" line="312"/>
        <source>&amp;Current cycle</source>
        <translation>Cycle en c&amp;ours</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/window.py" line="114"/>
        <source>This desktop has no system tray.</source>
        <translation>Ce bureau n’a pas de zone de notification.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/layout.py" line="261"/>
        <location filename="../../app/ui/dashboard/layout.py" line="271"/>
        <source>Interrupted cycle</source>
        <translation>Cycle interrompu</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/layout.py" line="277"/>
        <source>Resu&amp;me the interrupted cycle</source>
        <translation>Reprendre le cycle &amp;interrompu</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/window.py" line="224"/>
        <source>No profile yet: create one with New profile.</source>
        <translation>Aucun profil pour l’instant : créez-en un avec Nouveau profil.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/window.py" line="237"/>
        <source>{source} → {target}</source>
        <translation>{source} → {target}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/words.py" line="104"/>
        <source>{when}: interrupted, it never finished</source>
        <translation>{when} : interrompu, il ne s’est jamais terminé</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/words.py" line="107"/>
        <source>{done} of {planned} operations answered</source>
        <translation>{done} opérations sur {planned} ont reçu une réponse</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/words.py" line="112"/>
        <source>No cycle has run yet.</source>
        <translation>Aucun cycle n’a encore été exécuté.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/words.py" line="116"/>
        <source>full</source>
        <translation>complet</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/words.py" line="117"/>
        <source>incremental</source>
        <translation>incrémentiel</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/words.py" line="120"/>
        <source>{when}, took {took} ({mode}): {outcome}</source>
        <translation>{when}, durée {took} ({mode}) : {outcome}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/words.py" line="135"/>
        <source>Quarantined since {since}: {reason}</source>
        <translation>En quarantaine depuis {since} : {reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/words.py" line="138"/>
        <source>{next_step} The next attempt is at {time}; Restart provisioning tries again at once.</source>
        <translation>{next_step} La prochaine tentative a lieu à {time} ; Redémarrer le provisionnement réessaie tout de suite.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/words.py" line="146"/>
        <source>Held: {reason}</source>
        <translation>Retenu : {reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/words.py" line="149"/>
        <source>Nothing was disabled or deleted. If these removals are intended, press Allow the removals and run; otherwise fix the source or the scoping filters.</source>
        <translation>Rien n’a été désactivé ni supprimé. Si ces retraits sont voulus, appuyez sur Autoriser les retraits et exécuter ; sinon, corrigez la source ou les filtres d’étendue.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/words.py" line="159"/>
        <source>{count} operations of an interrupted cycle wait; the next cycle finishes them.</source>
        <translation>{count} opérations d’un cycle interrompu attendent ; le prochain cycle les termine.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/words.py" line="185"/>
        <source>The last cycle was interrupted at {done} of {planned} operations, at {time}.</source>
        <translation>Le dernier cycle a été interrompu à {done} opérations sur {planned}, le {time}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/words.py" line="194"/>
        <source>Resume finishes it: the operations that were not answered are sent once more, and nobody is created twice.</source>
        <translation>Reprendre le termine : les opérations restées sans réponse sont envoyées une nouvelle fois, et personne n’est créé deux fois.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/window.py" line="337"/>
        <source>A cycle of {name} starts now and resumes the interrupted one.</source>
        <translation>Un cycle de {name} démarre maintenant et reprend celui qui a été interrompu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/words.py" line="205"/>
        <source>Nothing yet: statistics start with the first cycle.</source>
        <translation>Rien pour l’instant : les statistiques commencent avec le premier cycle.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/words.py" line="210"/>
        <source>Users provisioned: {active} active, {total} in all</source>
        <translation>Utilisateurs provisionnés : {active} actifs, {total} au total</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/words.py" line="213"/>
        <source>Groups provisioned: {count}</source>
        <translation>Groupes provisionnés : {count}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/words.py" line="216"/>
        <source>Cycles: {count}</source>
        <translation>Cycles : {count}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/words.py" line="221"/>
        <source>Logged operations: {counts}</source>
        <translation>Opérations journalisées : {counts}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/words.py" line="229"/>
        <source>Since {time}</source>
        <translation>Depuis {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/words.py" line="243"/>
        <source>({done} of {total} users)</source>
        <translation>({done} utilisateurs sur {total})</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/words.py" line="247"/>
        <source>; another cycle is queued</source>
        <translation> ; un autre cycle est en attente</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/words.py" line="256"/>
        <source>Only when you press Sync now (provisioning status is off).</source>
        <translation>Seulement quand vous appuyez sur Synchroniser maintenant (l’état du provisionnement est désactivé).</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/words.py" line="260"/>
        <source>Not scheduled</source>
        <translation>Non planifié</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/words.py" line="261"/>
        <source>{time} (every {minutes} minutes)</source>
        <translation>{time} (toutes les {minutes} minutes)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/window.py" line="424"/>
        <source>The profile {name} changed on disk; this cycle uses the saved settings.</source>
        <translation>Le profil {name} a changé sur le disque ; ce cycle utilise les paramètres enregistrés.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/window.py" line="467"/>
        <source>next cycle at {time}</source>
        <translation>prochain cycle à {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/dialogs.py" line="40"/>
        <source>Provisioning is off</source>
        <translation>L’approvisionnement est désactivé</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/dialogs.py" line="42"/>
        <source>Provisioning status of {name} is Off. Run one cycle now anyway?</source>
        <translation>L’état de l’approvisionnement de {name} est Désactivé. Exécuter quand même un cycle maintenant ?</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/dialogs.py" line="47"/>
        <source>While the status is Off no cycle runs by itself and nothing is sent. This runs one cycle, once; the status stays Off. To keep the profile in sync, turn provisioning on in Settings.</source>
        <translation>Tant que l’état est Désactivé, aucun cycle ne s’exécute de lui-même et rien n’est envoyé. Ceci exécute un cycle, une seule fois ; l’état reste Désactivé. Pour garder le profil synchronisé, activez l’approvisionnement dans les Paramètres.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/dialogs.py" line="57"/>
        <source>&amp;Run one cycle</source>
        <translation>&amp;Exécuter un cycle</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/window.py" line="509"/>
        <source>A cycle of {name} starts now.</source>
        <translation>Un cycle de {name} démarre maintenant.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/dialogs.py" line="68"/>
        <source>Allow the removals</source>
        <translation>Autoriser les retraits</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/dialogs.py" line="70"/>
        <source>Run a cycle of {name} that disables or deletes the users held back?</source>
        <translation>Exécuter un cycle de {name} qui désactive ou supprime les utilisateurs retenus ?</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/dialogs.py" line="77"/>
        <source>This is done once, for this cycle only; the threshold stays in force.</source>
        <translation>Cela ne vaut qu’une fois, pour ce cycle ; le seuil reste en vigueur.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/dialogs.py" line="84"/>
        <source>Run with the removals</source>
        <translation>Exécuter avec les retraits</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/window.py" line="524"/>
        <source>A cycle of {name} with the removals starts now.</source>
        <translation>Un cycle de {name} avec les retraits démarre maintenant.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/dialogs.py" line="94"/>
        <source>Restart provisioning</source>
        <translation>Redémarrer le provisionnement</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/dialogs.py" line="96"/>
        <source>Restart the provisioning of {name}?</source>
        <translation>Redémarrer le provisionnement de {name} ?</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/dialogs.py" line="101"/>
        <source>The quarantine is lifted, the source is read in full at the next cycle and operations left by an interrupted cycle are dropped. The links between users and the provisioning logs are kept.</source>
        <translation>La quarantaine est levée, la source est lue entièrement au prochain cycle et les opérations laissées par un cycle interrompu sont abandonnées. Les liens entre utilisateurs et les journaux de provisionnement sont conservés.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/dialogs.py" line="109"/>
        <source>Restart</source>
        <translation>Redémarrer</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/window.py" line="544"/>
        <source>Provisioning of {name} restarted: the quarantine is lifted and the next cycle reads the whole source.</source>
        <translation>Provisionnement de {name} redémarré : la quarantaine est levée et le prochain cycle lit toute la source.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/window.py" line="549"/>
        <source>Provisioning of {name} restarted: the next cycle reads the whole source.</source>
        <translation>Provisionnement de {name} redémarré : le prochain cycle lit toute la source.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/window.py" line="638"/>
        <source>Stopping after the operations in flight; the window closes once they are recorded.</source>
        <translation>Arrêt après les opérations en cours ; la fenêtre se ferme une fois qu’elles sont enregistrées.</translation>
    </message>
</context>
<context>
    <name>DeviceCodeDialog</name>
    <message>
        <location filename="../../app/ui/sign_in.py" line="49"/>
        <source>Sign in to Microsoft Entra ID</source>
        <translation>Connexion à Microsoft Entra ID</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_in.py" line="54"/>
        <source>Sign in as an administrator of your tenant: on this or any other device, open the page below, enter the code, and sign in. This window closes by itself once you are signed in.</source>
        <translation>Connectez-vous en tant qu’administrateur de votre locataire : sur cet appareil ou sur un autre, ouvrez la page ci-dessous, saisissez le code et connectez-vous. Cette fenêtre se ferme d’elle-même une fois la connexion faite.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_in.py" line="65"/>
        <source>Sign-in page</source>
        <translation>Page de connexion</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_in.py" line="77"/>
        <source>Code to enter</source>
        <translation>Code à saisir</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_in.py" line="85"/>
        <source>&amp;Copy the code</source>
        <translation>&amp;Copier le code</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_in.py" line="93"/>
        <source>The code can be used until {time}.</source>
        <translation>Le code est valable jusqu’à {time}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_in.py" line="97"/>
        <source>Waiting for you to sign in…</source>
        <translation>En attente de votre connexion…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_in.py" line="103"/>
        <source>Cancel the sign-in</source>
        <translation>Annuler la connexion</translation>
    </message>
    <message>
        <location filename="../../app/ui/sign_in.py" line="119"/>
        <source>Code copied. Paste it on the sign-in page.</source>
        <translation>Code copié. Collez-le sur la page de connexion.</translation>
    </message>
</context>
<context>
    <name>EngineBridge</name>
    <message>
        <location filename="../../app/ui/bridge.py" line="53"/>
        <source>Something unexpected went wrong.</source>
        <translation>Une erreur inattendue s’est produite.</translation>
    </message>
    <message>
        <location filename="../../app/ui/bridge.py" line="54"/>
        <source>The details are in the log file in {folder}; try again.</source>
        <translation>Les détails figurent dans le fichier journal du dossier {folder} ; réessayez.</translation>
    </message>
    <message>
        <location filename="../../app/ui/bridge.py" line="63"/>
        <source>Webex token</source>
        <translation>jeton Webex</translation>
    </message>
    <message>
        <location filename="../../app/ui/bridge.py" line="64"/>
        <source>Entra client secret</source>
        <translation>secret client Entra</translation>
    </message>
    <message>
        <location filename="../../app/ui/bridge.py" line="65"/>
        <source>SMTP password</source>
        <translation>mot de passe SMTP</translation>
    </message>
    <message>
        <location filename="../../app/ui/bridge.py" line="557"/>
        <source>This computer has no keyring, so the {what} typed here cannot be saved.</source>
        <translation>Cet ordinateur n’a pas de trousseau : le {what} saisi ici ne peut pas être enregistré.</translation>
    </message>
    <message>
        <location filename="../../app/ui/bridge.py" line="562"/>
        <source>Set the environment variable {variable} to it and start the program again (every cycle reads it from there), or make a keyring available.</source>
        <translation>Donnez-le dans la variable d’environnement {variable} et relancez le programme (chaque cycle l’y lit), ou rendez un trousseau disponible.</translation>
    </message>
    <message>
        <location filename="../../app/ui/bridge.py" line="640"/>
        <source>Could not write {path}: {why}.</source>
        <translation>Impossible d’écrire {path} : {why}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/bridge.py" line="643"/>
        <source>Choose another folder or file name.</source>
        <translation>Choisissez un autre dossier ou un autre nom de fichier.</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <location filename="../../app/ui/crash.py" line="35"/>
        <source>Something unexpected went wrong.</source>
        <translation>Une erreur inattendue s’est produite.</translation>
    </message>
    <message>
        <location filename="../../app/ui/crash.py" line="36"/>
        <source>The details are in the log file in {folder}; try again.</source>
        <translation>Les détails figurent dans le fichier journal du dossier {folder} ; réessayez.</translation>
    </message>
    <message>
        <location filename="../../app/ui/crash.py" line="92"/>
        <source>{count} errors happened; the last one: {message} {step}</source>
        <translation>{count} erreurs se sont produites ; la dernière : {message} {step}</translation>
    </message>
    <message>
        <location filename="../../app/ui/crash.py" line="101"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
</context>
<context>
    <name>LogModel</name>
    <message>
        <location filename="../../app/ui/logs_view.py" line="80"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location filename="../../app/ui/logs_view.py" line="81"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../app/ui/logs_view.py" line="82"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../app/ui/logs_view.py" line="83"/>
        <source>User or group</source>
        <translation>Utilisateur ou groupe</translation>
    </message>
    <message>
        <location filename="../../app/ui/logs_view.py" line="84"/>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
</context>
<context>
    <name>LogsView</name>
    <message>
        <location filename="../../app/ui/logs_view.py" line="163"/>
        <source>{label}: {value}</source>
        <translation>{label} : {value}</translation>
    </message>
    <message>
        <location filename="../../app/ui/logs_view.py" line="169"/>
        <source>User or group</source>
        <translation>Utilisateur ou groupe</translation>
    </message>
    <message>
        <location filename="../../app/ui/logs_view.py" line="172"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../app/ui/logs_view.py" line="173"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../app/ui/logs_view.py" line="174"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location filename="../../app/ui/logs_view.py" line="175"/>
        <source>Cycle</source>
        <translation>Cycle</translation>
    </message>
    <message>
        <location filename="../../app/ui/logs_view.py" line="176"/>
        <source>Source id</source>
        <translation>ID source</translation>
    </message>
    <message>
        <location filename="../../app/ui/logs_view.py" line="177"/>
        <source>Webex id</source>
        <translation>ID Webex</translation>
    </message>
    <message>
        <location filename="../../app/ui/logs_view.py" line="180"/>
        <source>Modified properties:</source>
        <translation>Propriétés modifiées :</translation>
    </message>
    <message>
        <location filename="../../app/ui/logs_view.py" line="183"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../app/ui/logs_view.py" line="184"/>
        <source>Error code</source>
        <translation>Code d’erreur</translation>
    </message>
    <message>
        <location filename="../../app/ui/logs_view.py" line="185"/>
        <source>Next step</source>
        <translation>Étape suivante</translation>
    </message>
    <message>
        <location filename="../../app/ui/logs_view.py" line="186"/>
        <source>Tracking id</source>
        <translation>ID de suivi</translation>
    </message>
    <message>
        <location filename="../../app/ui/logs_view.py" line="210"/>
        <source>&lt;b&gt;Provisioning logs&lt;/b&gt;</source>
        <translation>&lt;b&gt;Journaux de provisionnement&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/logs_view.py" line="215"/>
        <source>Filter by user, id or message</source>
        <translation>Filtrer par utilisateur, identifiant ou message</translation>
    </message>
    <message>
        <location filename="../../app/ui/logs_view.py" line="216"/>
        <source>Filter the provisioning logs</source>
        <translation>Filtrer les journaux de provisionnement</translation>
    </message>
    <message>
        <location filename="../../app/ui/logs_view.py" line="221"/>
        <source>Show the rows with status</source>
        <translation>Afficher les lignes dont l’état est</translation>
    </message>
    <message>
        <location filename="../../app/ui/logs_view.py" line="222"/>
        <source>All statuses</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <location filename="../../app/ui/logs_view.py" line="226"/>
        <source>&amp;Export to CSV…</source>
        <translation>&amp;Exporter en CSV…</translation>
    </message>
    <message>
        <location filename="../../app/ui/logs_view.py" line="228"/>
        <source>Export the provisioning logs to CSV</source>
        <translation>Exporter les journaux de provisionnement en CSV</translation>
    </message>
    <message>
        <location filename="../../app/ui/logs_view.py" line="241"/>
        <source>Provisioning logs</source>
        <translation>Journaux de provisionnement</translation>
    </message>
    <message>
        <location filename="../../app/ui/logs_view.py" line="254"/>
        <source>Details of the selected log row</source>
        <translation>Détails de la ligne de journal sélectionnée</translation>
    </message>
    <message>
        <location filename="../../app/ui/logs_view.py" line="257"/>
        <source>Select a row to see everything it recorded.</source>
        <translation>Sélectionnez une ligne pour voir tout ce qu’elle a enregistré.</translation>
    </message>
    <message>
        <location filename="../../app/ui/logs_view.py" line="327"/>
        <source>No row matches these filters.</source>
        <translation>Aucune ligne ne correspond à ces filtres.</translation>
    </message>
    <message>
        <location filename="../../app/ui/logs_view.py" line="329"/>
        <source>The log is empty: no cycle has run yet.</source>
        <translation>Le journal est vide : aucun cycle n’a encore été exécuté.</translation>
    </message>
    <message>
        <location filename="../../app/ui/logs_view.py" line="332"/>
        <source>The newest {count} rows; the export has them all.</source>
        <translation>Les {count} lignes les plus récentes ; l’export les contient toutes.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/logs_view.py" line="336"/>
        <source>%n row(s).</source>
        <translation>
            <numerusform>%n ligne.</numerusform>
            <numerusform>%n lignes.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/logs_view.py" line="353"/>
        <source>Export the provisioning logs</source>
        <translation>Exporter les journaux de provisionnement</translation>
    </message>
    <message>
        <location filename="../../app/ui/logs_view.py" line="356"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../app/ui/logs_view.py" line="379"/>
        <source>Exported to {path}.</source>
        <translation>Exporté dans {path}.</translation>
    </message>
</context>
<context>
    <name>MappingEditor</name>
    <message>
        <location filename="../../app/ui/mapping_editor.py" line="48"/>
        <source>Edit attribute mapping</source>
        <translation>Modifier le mappage d’attribut</translation>
    </message>
    <message>
        <location filename="../../app/ui/mapping_editor.py" line="48"/>
        <source>Add attribute mapping</source>
        <translation>Ajouter un mappage d’attribut</translation>
    </message>
    <message>
        <location filename="../../app/ui/mapping_editor.py" line="84"/>
        <source>Mapping &amp;type:</source>
        <translation>&amp;Type de mappage :</translation>
    </message>
    <message>
        <location filename="../../app/ui/mapping_editor.py" line="92"/>
        <source>Source attribute</source>
        <translation>Attribut source</translation>
    </message>
    <message>
        <location filename="../../app/ui/mapping_editor.py" line="95"/>
        <source>Constant value</source>
        <translation>Valeur constante</translation>
    </message>
    <message>
        <location filename="../../app/ui/mapping_editor.py" line="98"/>
        <source>Expression</source>
        <translation>Expression</translation>
    </message>
    <message>
        <location filename="../../app/ui/mapping_editor.py" line="103"/>
        <source>(nothing is sent)</source>
        <translation>(rien n’est envoyé)</translation>
    </message>
    <message>
        <location filename="../../app/ui/mapping_editor.py" line="105"/>
        <source>No value</source>
        <translation>Aucune valeur</translation>
    </message>
    <message>
        <location filename="../../app/ui/mapping_editor.py" line="108"/>
        <location filename="../../app/ui/mapping_editor.py" line="179"/>
        <source>&amp;Source attribute:</source>
        <translation>Attribut &amp;source :</translation>
    </message>
    <message>
        <location filename="../../app/ui/mapping_editor.py" line="121"/>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <location filename="../../app/ui/mapping_editor.py" line="123"/>
        <source>&amp;Default value if empty:</source>
        <translation>Valeur par &amp;défaut si vide :</translation>
    </message>
    <message>
        <location filename="../../app/ui/mapping_editor.py" line="130"/>
        <source>Target &amp;attribute:</source>
        <translation>&amp;Attribut cible :</translation>
    </message>
    <message>
        <location filename="../../app/ui/mapping_editor.py" line="133"/>
        <source>Always</source>
        <translation>Toujours</translation>
    </message>
    <message>
        <location filename="../../app/ui/mapping_editor.py" line="134"/>
        <source>Only during object creation</source>
        <translation>Uniquement à la création de l’objet</translation>
    </message>
    <message>
        <location filename="../../app/ui/mapping_editor.py" line="136"/>
        <source>A&amp;pply this mapping:</source>
        <translation>A&amp;ppliquer ce mappage :</translation>
    </message>
    <message>
        <location filename="../../app/ui/mapping_editor.py" line="141"/>
        <source>Not a matching attribute</source>
        <translation>Pas un attribut de correspondance</translation>
    </message>
    <message>
        <location filename="../../app/ui/mapping_editor.py" line="142"/>
        <source>&amp;Matching precedence:</source>
        <translation>Priorité de &amp;correspondance :</translation>
    </message>
    <message>
        <location filename="../../app/ui/mapping_editor.py" line="180"/>
        <source>Constant &amp;value:</source>
        <translation>&amp;Valeur constante :</translation>
    </message>
    <message>
        <location filename="../../app/ui/mapping_editor.py" line="181"/>
        <source>E&amp;xpression:</source>
        <translation>E&amp;xpression :</translation>
    </message>
    <message>
        <location filename="../../app/ui/mapping_editor.py" line="182"/>
        <source>Value:</source>
        <translation>Valeur :</translation>
    </message>
    <message>
        <location filename="../../app/ui/mapping_editor.py" line="231"/>
        <source>Choose the target attribute.</source>
        <translation>Choisissez l’attribut cible.</translation>
    </message>
    <message>
        <location filename="../../app/ui/mapping_editor.py" line="233"/>
        <source>Choose the source attribute.</source>
        <translation>Choisissez l’attribut source.</translation>
    </message>
    <message>
        <location filename="../../app/ui/mapping_editor.py" line="237"/>
        <source>Write the expression.</source>
        <translation>Écrivez l’expression.</translation>
    </message>
    <message>
        <location filename="../../app/ui/mapping_editor.py" line="250"/>
        <source>Note: {problem} It is empty for every user of this source.</source>
        <translation>Remarque : {problem} Il est vide pour tous les utilisateurs de cette source.</translation>
    </message>
</context>
<context>
    <name>MappingsPage</name>
    <message>
        <location filename="../../app/ui/pages/mappings.py" line="43"/>
        <location filename="../../app/ui/pages/mappings.py" line="83"/>
        <source>Attribute mappings</source>
        <translation>Mappages des attributs</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/mappings.py" line="46"/>
        <source>Review the user attributes that are synchronized to Cisco Webex. The attributes selected as Matching properties are used to match the user accounts in Cisco Webex for update operations.</source>
        <translation>Passez en revue les attributs utilisateur synchronisés avec Cisco Webex. Les attributs sélectionnés comme propriétés de correspondance servent à faire correspondre les comptes d’utilisateur dans Cisco Webex lors des mises à jour.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/mappings.py" line="94"/>
        <source>&amp;Add mapping</source>
        <translation>&amp;Ajouter un mappage</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/mappings.py" line="96"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/mappings.py" line="98"/>
        <source>&amp;Remove</source>
        <translation>Suppr&amp;imer</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/mappings.py" line="100"/>
        <source>Restore &amp;defaults</source>
        <translation>Rétablir les valeurs par &amp;défaut</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/mappings.py" line="102"/>
        <source>Und&amp;o</source>
        <translation>Défai&amp;re</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/mappings.py" line="118"/>
        <source>Preview on a source user</source>
        <translation>Aperçu sur un utilisateur de la source</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/mappings.py" line="123"/>
        <source>Type part of a userName</source>
        <translation>Tapez une partie d’un userName</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/mappings.py" line="125"/>
        <source>Searc&amp;h:</source>
        <translation>Rec&amp;hercher :</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/mappings.py" line="130"/>
        <source>&amp;User:</source>
        <translation>&amp;Utilisateur :</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/mappings.py" line="138"/>
        <source>What the target would receive</source>
        <translation>Ce que la cible recevrait</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/mappings.py" line="146"/>
        <source>The SCIM body the target would receive if this user were created now.</source>
        <translation>Le corps SCIM que la cible recevrait si cet utilisateur était créé maintenant.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/mappings.py" line="220"/>
        <source>Reading the users of the source directory…</source>
        <translation>Lecture des utilisateurs de l’annuaire source…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/mappings.py" line="233"/>
        <source>The source has no user to preview.</source>
        <translation>La source ne contient aucun utilisateur à prévisualiser.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/mappings.py" line="305"/>
        <source>The mapping to {target} was removed.</source>
        <translation>Le mappage vers {target} a été supprimé.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/mappings.py" line="310"/>
        <source>The default mappings were restored.</source>
        <translation>Les mappages par défaut ont été rétablis.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/mappings.py" line="321"/>
        <source>{what} Undo brings the previous mappings back.</source>
        <translation>{what} Défaire rétablit les mappages précédents.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/mappings.py" line="336"/>
        <source>The previous mappings are back.</source>
        <translation>Les mappages précédents sont rétablis.</translation>
    </message>
</context>
<context>
    <name>NotificationsPage</name>
    <message>
        <location filename="../../app/ui/pages/notifications.py" line="47"/>
        <source>Notification e-mail</source>
        <translation>E-mail de notification</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/notifications.py" line="50"/>
        <source>Enter the e-mail address of a person or group who should receive provisioning error notifications, and tick the box to send them.</source>
        <translation>Entrez l’adresse e-mail d’une personne ou d’un groupe qui doit recevoir les notifications d’erreur de provisionnement, puis cochez la case pour les envoyer.</translation>
    </message>
    <message>
        <location filename="../../app/config/settings.py" line="156"/>
        <source>e.g. it-team@example.com</source>
        <translation>par ex. equipe-it@example.com</translation>
    </message>
    <message>
        <location filename="../../app/config/settings.py" line="155"/>
        <source>Notification &amp;e-mail:</source>
        <translation>&amp;E-mail de notification :</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/notifications.py" line="103"/>
        <source>Mail server (SMTP)</source>
        <translation>Serveur de messagerie (SMTP)</translation>
    </message>
    <message>
        <location filename="../../app/config/settings.py" line="164"/>
        <source>e.g. smtp.example.com</source>
        <translation>par ex. smtp.example.com</translation>
    </message>
    <message>
        <location filename="../../app/config/settings.py" line="159"/>
        <source>Send an e-mail notification when a &amp;failure occurs</source>
        <translation>Envoyer une notification par e-mail en cas de &amp;défaillance</translation>
    </message>
    <message>
        <location filename="../../app/config/settings.py" line="163"/>
        <source>Se&amp;rver:</source>
        <translation>Ser&amp;veur :</translation>
    </message>
    <message>
        <location filename="../../app/config/settings.py" line="172"/>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <location filename="../../app/config/settings.py" line="173"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location filename="../../app/config/settings.py" line="189"/>
        <source>E-mail &amp;language:</source>
        <translation>&amp;Langue de l’e-mail :</translation>
    </message>
    <message>
        <location filename="../../app/config/settings.py" line="191"/>
        <source>The system&apos;s language</source>
        <translation>La langue du système</translation>
    </message>
    <message>
        <location filename="../../app/config/settings.py" line="192"/>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <location filename="../../app/config/settings.py" line="193"/>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <location filename="../../app/config/settings.py" line="171"/>
        <source>None (this computer only)</source>
        <translation>Aucune (cet ordinateur uniquement)</translation>
    </message>
    <message>
        <location filename="../../app/config/settings.py" line="169"/>
        <source>Connection security</source>
        <translation>Sécurité de la connexion</translation>
    </message>
    <message>
        <location filename="../../app/config/settings.py" line="166"/>
        <source>&amp;Port and security:</source>
        <translation>P&amp;ort et sécurité :</translation>
    </message>
    <message>
        <location filename="../../app/config/settings.py" line="176"/>
        <source>&amp;User (optional):</source>
        <translation>&amp;Utilisateur (facultatif) :</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/notifications.py" line="130"/>
        <source>SMTP password</source>
        <translation>Mot de passe SMTP</translation>
    </message>
    <message>
        <location filename="../../app/config/settings.py" line="180"/>
        <source>Pass&amp;word:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
        <location filename="../../app/config/settings.py" line="183"/>
        <source>e.g. webex-provisioner@example.com</source>
        <translation>par ex. webex-provisioner@example.com</translation>
    </message>
    <message>
        <location filename="../../app/config/settings.py" line="182"/>
        <source>&amp;Sender:</source>
        <translation>E&amp;xpéditeur :</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/notifications.py" line="58"/>
        <source>Send &amp;test e-mail</source>
        <translation>Envoyer un e-mail de &amp;test</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/notifications.py" line="75"/>
        <source>Stored in the keyring; type a new one to replace it</source>
        <translation>Enregistré dans le trousseau ; saisissez-en un nouveau pour le remplacer</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/notifications.py" line="189"/>
        <source>{address} is not an e-mail address.</source>
        <translation>{address} n’est pas une adresse e-mail.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/notifications.py" line="192"/>
        <source>Enter the address that receives the notifications.</source>
        <translation>Entrez l’adresse qui reçoit les notifications.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/notifications.py" line="194"/>
        <source>Enter the mail server (SMTP) that sends the notifications.</source>
        <translation>Entrez le serveur de messagerie (SMTP) qui envoie les notifications.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/notifications.py" line="197"/>
        <source>The sender {address} is not an e-mail address.</source>
        <translation>L’expéditeur {address} n’est pas une adresse e-mail.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/notifications.py" line="234"/>
        <source>Sending a test e-mail…</source>
        <translation>Envoi d’un e-mail de test…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/notifications.py" line="237"/>
        <source>The test e-mail was sent to {to}.</source>
        <translation>L’e-mail de test a été envoyé à {to}.</translation>
    </message>
</context>
<context>
    <name>OnDemandDialog</name>
    <message>
        <location filename="../../app/ui/on_demand.py" line="63"/>
        <source>Provision on demand: {profile}</source>
        <translation>Provisionnement à la demande : {profile}</translation>
    </message>
    <message>
        <location filename="../../app/ui/on_demand.py" line="76"/>
        <source>Pick a user of the source directory. &lt;b&gt;See the plan&lt;/b&gt; shows what the next cycle would do for this user and sends nothing; &lt;b&gt;Provision this user&lt;/b&gt; does it now, without waiting for the next cycle.</source>
        <translation>Choisissez un utilisateur de l’annuaire source. &lt;b&gt;Voir le plan&lt;/b&gt; montre ce que le prochain cycle ferait pour cet utilisateur sans rien envoyer ; &lt;b&gt;Provisionner cet utilisateur&lt;/b&gt; le fait maintenant, sans attendre le prochain cycle.</translation>
    </message>
    <message>
        <location filename="../../app/ui/on_demand.py" line="115"/>
        <source>&amp;Search the source:</source>
        <translation>&amp;Rechercher dans la source :</translation>
    </message>
    <message>
        <location filename="../../app/ui/on_demand.py" line="118"/>
        <source>userName, e.g. alice@example.com</source>
        <translation>userName, par ex. alice@example.com</translation>
    </message>
    <message>
        <location filename="../../app/ui/on_demand.py" line="119"/>
        <source>Search the users of the source</source>
        <translation>Rechercher parmi les utilisateurs de la source</translation>
    </message>
    <message>
        <location filename="../../app/ui/on_demand.py" line="130"/>
        <source>Users of the source</source>
        <translation>Utilisateurs de la source</translation>
    </message>
    <message>
        <location filename="../../app/ui/on_demand.py" line="145"/>
        <source>Steps</source>
        <translation>Étapes</translation>
    </message>
    <message>
        <location filename="../../app/ui/on_demand.py" line="150"/>
        <source>Steps of provisioning on demand</source>
        <translation>Étapes du provisionnement à la demande</translation>
    </message>
    <message>
        <location filename="../../app/ui/on_demand.py" line="159"/>
        <source>See the &amp;plan</source>
        <translation>Voir le &amp;plan</translation>
    </message>
    <message>
        <location filename="../../app/ui/on_demand.py" line="161"/>
        <source>See the plan for this user; nothing is sent</source>
        <translation>Voir le plan pour cet utilisateur ; rien n’est envoyé</translation>
    </message>
    <message>
        <location filename="../../app/ui/on_demand.py" line="162"/>
        <source>P&amp;rovision this user</source>
        <translation>P&amp;rovisionner cet utilisateur</translation>
    </message>
    <message>
        <location filename="../../app/ui/on_demand.py" line="164"/>
        <source>Provision this user now</source>
        <translation>Provisionner cet utilisateur maintenant</translation>
    </message>
    <message>
        <location filename="../../app/ui/on_demand.py" line="168"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../app/ui/on_demand.py" line="180"/>
        <source>Reading the users of the source…</source>
        <translation>Lecture des utilisateurs de la source…</translation>
    </message>
    <message>
        <location filename="../../app/ui/on_demand.py" line="199"/>
        <source>{shown} of {total} users</source>
        <translation>{shown} sur {total} utilisateurs</translation>
    </message>
    <message>
        <location filename="../../app/ui/on_demand.py" line="227"/>
        <source>Reading {user} in the source and on the target…</source>
        <translation>Lecture de {user} dans la source et sur la cible…</translation>
    </message>
    <message>
        <location filename="../../app/ui/on_demand.py" line="234"/>
        <source>The plan for {user} (nothing was sent):</source>
        <translation>Le plan pour {user} (rien n’a été envoyé) :</translation>
    </message>
    <message>
        <location filename="../../app/ui/on_demand.py" line="241"/>
        <source>Press Provision this user to send it.</source>
        <translation>Appuyez sur Provisionner cet utilisateur pour l’envoyer.</translation>
    </message>
    <message>
        <location filename="../../app/ui/on_demand.py" line="243"/>
        <source>This user is up to date: nothing to send.</source>
        <translation>Cet utilisateur est à jour : rien à envoyer.</translation>
    </message>
    <message>
        <location filename="../../app/ui/on_demand.py" line="259"/>
        <source>Provisioning {user}…</source>
        <translation>Provisionnement de {user}…</translation>
    </message>
    <message>
        <location filename="../../app/ui/on_demand.py" line="266"/>
        <source>Provisioning of {user}:</source>
        <translation>Provisionnement de {user} :</translation>
    </message>
    <message>
        <location filename="../../app/ui/on_demand.py" line="272"/>
        <source>{action} of {user}: done.</source>
        <translation>{action} de {user} : terminé.</translation>
    </message>
</context>
<context>
    <name>ProfileRuntime</name>
    <message>
        <location filename="../../app/ui/dashboard/runtime.py" line="145"/>
        <source>The Microsoft sign-in was cancelled: the cycle did not run.</source>
        <translation>La connexion Microsoft a été annulée : le cycle n’a pas été exécuté.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/runtime.py" line="146"/>
        <source>Press Sync now and sign in with the code shown.</source>
        <translation>Cliquez sur Synchroniser maintenant et connectez-vous avec le code affiché.</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../app/ui/pages/review.py" line="56"/>
        <source>Review: dry run</source>
        <translation>Vérification : simulation</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/review.py" line="59"/>
        <source>This is what the first sync will do. Nothing has been sent yet: the source and the target were only read.</source>
        <translation>Voici ce que fera la première synchronisation. Rien n’a encore été envoyé : la source et la cible ont seulement été lues.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/review.py" line="71"/>
        <source>Dry run summary</source>
        <translation>Résumé de la simulation</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/review.py" line="78"/>
        <source>The sync will be held</source>
        <translation>La synchronisation sera suspendue</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/review.py" line="81"/>
        <source>Provisioning status is Off</source>
        <translation>L’état de l’approvisionnement est Désactivé</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/review.py" line="89"/>
        <source>Planned operations</source>
        <translation>Opérations prévues</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/review.py" line="103"/>
        <source>Show &amp;unchanged objects</source>
        <translation>Afficher les objets &amp;inchangés</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/review.py" line="106"/>
        <source>E&amp;xport to CSV…</source>
        <translation>E&amp;xporter en CSV…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/review.py" line="109"/>
        <source>Run the dry run a&amp;gain</source>
        <translation>&amp;Relancer la simulation</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/review.py" line="137"/>
        <source>Provisioning status is Off: nothing will be sent to Webex. Save without syncing saves the profile; no cycle runs until you turn provisioning on (or press Sync now in the dashboard, which runs one cycle after asking).</source>
        <translation>L’état de l’approvisionnement est Désactivé : rien ne sera envoyé à Webex. Enregistrer sans synchroniser enregistre le profil ; aucun cycle ne s’exécute tant que vous n’activez pas l’approvisionnement (ou que vous n’appuyez pas sur Synchroniser maintenant dans le tableau de bord, qui exécute un cycle après confirmation).</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/review.py" line="151"/>
        <source>Save &amp;without syncing</source>
        <translation>Enregistrer &amp;sans synchroniser</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/review.py" line="170"/>
        <source>Reading the source and the target to plan the sync…</source>
        <translation>Lecture de la source et de la cible pour planifier la synchronisation…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/review.py" line="196"/>
        <source>{action}: {count}</source>
        <translation>{action} : {count}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/review.py" line="209"/>
        <source>Nothing will be sent: provisioning status is Off.</source>
        <translation>Rien ne sera envoyé : l’état de l’approvisionnement est Désactivé.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/review.py" line="211"/>
        <source>Start sync will send nothing: the cycle will be held.</source>
        <translation>Démarrer la synchronisation n’enverra rien : le cycle sera suspendu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/review.py" line="213"/>
        <source>Everything is already in sync: nothing to send.</source>
        <translation>Tout est déjà synchronisé : rien à envoyer.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/review.py" line="216"/>
        <source>{count} objects will be written when you start the sync.</source>
        <translation>{count} objets seront écrits quand vous lancerez la synchronisation.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/review.py" line="231"/>
        <source>{removed} of {linked} provisioned users ({percent} %) would be disabled or deleted.</source>
        <translation>{removed} des {linked} utilisateurs approvisionnés ({percent} %) seraient désactivés ou supprimés.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/review.py" line="242"/>
        <source>{removed} of {linked} provisioned groups ({percent} %) would be deleted.</source>
        <translation>{removed} des {linked} groupes approvisionnés ({percent} %) seraient supprimés.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/review.py" line="253"/>
        <source>more than {count}</source>
        <translation>plus de {count}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/review.py" line="255"/>
        <source>more than {percent} %</source>
        <translation>plus de {percent} %</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/review.py" line="258"/>
        <source>The threshold is {limits}.</source>
        <translation>Le seuil est de {limits}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/review.py" line="258"/>
        <source> or </source>
        <translation> ou </translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/review.py" line="262"/>
        <source>The cycle will be held: nothing at all will be sent, no creation either, until you allow the removals (Allow the removals and run in the dashboard). Check the source first: a wrong file or filter removes many users at once.</source>
        <translation>Le cycle sera suspendu : rien du tout ne sera envoyé, aucune création non plus, tant que vous n’autorisez pas les retraits (Autoriser les retraits et exécuter, dans le tableau de bord). Vérifiez d’abord la source : un mauvais fichier ou filtre retire beaucoup d’utilisateurs d’un coup.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/review.py" line="272"/>
        <source>Export the dry run</source>
        <translation>Exporter la simulation</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/review.py" line="275"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/review.py" line="288"/>
        <source>The dry run was exported to {path}.</source>
        <translation>La simulation a été exportée dans {path}.</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <location filename="../../app/ui/pages/run.py" line="22"/>
        <source>Provisioning</source>
        <translation>Provisionnement</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/run.py" line="25"/>
        <source>The initial sync of every user in scope is running. It takes longer than the incremental cycles that follow. Finish saves the profile.</source>
        <translation>La synchronisation initiale de tous les utilisateurs dans l’étendue est en cours. Elle prend plus de temps que les cycles incrémentiels qui suivent. Terminer enregistre le profil.</translation>
    </message>
</context>
<context>
    <name>ScopePage</name>
    <message>
        <location filename="../../app/ui/pages/scope.py" line="35"/>
        <source>Scope and provisioning status</source>
        <translation>Étendue et état du provisionnement</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scope.py" line="38"/>
        <source>Choose which users and groups are provisioned, and whether provisioning keeps running: incremental cycles then run about every 40 minutes while the program is open or scheduled.</source>
        <translation>Choisissez les utilisateurs et les groupes à provisionner, et si le provisionnement continue : des cycles incrémentiels ont alors lieu toutes les 40 minutes environ tant que le programme est ouvert ou planifié.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scope.py" line="60"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../../app/config/settings.py" line="122"/>
        <source>Sync only assigned users and groups</source>
        <translation>Synchroniser uniquement les utilisateurs et groupes affectés</translation>
    </message>
    <message>
        <location filename="../../app/config/settings.py" line="123"/>
        <source>Sync all users and groups</source>
        <translation>Synchroniser tous les utilisateurs et groupes</translation>
    </message>
    <message>
        <location filename="../../app/config/settings.py" line="120"/>
        <source>&amp;Scope:</source>
        <translation>É&amp;tendue :</translation>
    </message>
    <message>
        <location filename="../../app/config/settings.py" line="129"/>
        <source>On</source>
        <translation>Activé</translation>
    </message>
    <message>
        <location filename="../../app/config/settings.py" line="130"/>
        <source>Off</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <location filename="../../app/config/settings.py" line="127"/>
        <source>Provisioning s&amp;tatus:</source>
        <translation>État du pro&amp;visionnement :</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scope.py" line="86"/>
        <source> minutes</source>
        <translation> minutes</translation>
    </message>
    <message>
        <location filename="../../app/config/settings.py" line="134"/>
        <source>Incremental cycle &amp;every:</source>
        <translation>Cycle incrémentiel t&amp;outes les :</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scope.py" line="93"/>
        <source>Prevent accidental deletions</source>
        <translation>Empêcher les suppressions accidentelles</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scope.py" line="97"/>
        <source>When one cycle would disable or delete more users than this (or more groups), counted against what was provisioned before the cycle, nothing at all is sent and the cycle is held until you allow it. Exactly at a limit is not held.</source>
        <translation>Quand un cycle désactiverait ou supprimerait plus d’utilisateurs que cela (ou plus de groupes), comptés par rapport à ce qui était approvisionné avant le cycle, rien du tout n’est envoyé et le cycle est suspendu jusqu’à ce que vous l’autorisiez. Exactement à la limite, il n’est pas suspendu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scope.py" line="109"/>
        <source>No limit by count</source>
        <translation>Pas de limite en nombre</translation>
    </message>
    <message>
        <location filename="../../app/config/settings.py" line="137"/>
        <source>Deletion threshold (&amp;users):</source>
        <translation>Seuil de suppression (&amp;utilisateurs) :</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scope.py" line="118"/>
        <source>No limit by share</source>
        <translation>Pas de limite en proportion</translation>
    </message>
    <message>
        <location filename="../../app/config/settings.py" line="141"/>
        <source>Deletion threshold (&amp;per cent):</source>
        <translation>Seuil de suppression (pour&amp;centage) :</translation>
    </message>
    <message>
        <location filename="../../app/config/settings.py" line="144"/>
        <source>S&amp;kip out-of-scope deletions (users leaving the scope stay active)</source>
        <translation>Ignorer les suppressions &amp;hors étendue (qui en sort reste actif)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scope.py" line="135"/>
        <source>On: a cycle runs at the interval below, while the program is open or from the system&apos;s scheduler.</source>
        <translation>Activé : un cycle s’exécute à l’intervalle ci-dessous, quand le programme est ouvert ou depuis le planificateur du système.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scope.py" line="142"/>
        <source>Off: no cycle runs by itself and nothing is sent. Sync now in the dashboard asks before running one cycle; from the command line, `sync --force` runs one.</source>
        <translation>Désactivé : aucun cycle ne s’exécute de lui-même et rien n’est envoyé. Synchroniser maintenant, dans le tableau de bord, demande confirmation avant d’exécuter un cycle ; en ligne de commande, `sync --force` en exécute un.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scope.py" line="155"/>
        <source>A CSV file lists exactly the users to provision: every row is in scope.</source>
        <translation>Un fichier CSV liste exactement les utilisateurs à provisionner : chaque ligne est dans l’étendue.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scope.py" line="160"/>
        <source>Assigned: the users and groups assigned to the enterprise application (users with the role Default Access are left out).</source>
        <translation>Affectés : les utilisateurs et groupes affectés à l’application d’entreprise (les utilisateurs dont le rôle est Accès par défaut sont exclus).</translation>
    </message>
</context>
<context>
    <name>ScopingPage</name>
    <message>
        <location filename="../../app/ui/pages/scoping.py" line="52"/>
        <source>Scoping filters</source>
        <translation>Filtres d’étendue</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoping.py" line="55"/>
        <source>Optionally, provision only the users who match a filter. The clauses of a filter must all hold (AND); a user in any filter is in scope (OR). Without a filter, every user is in scope.</source>
        <translation>Vous pouvez ne provisionner que les utilisateurs qui correspondent à un filtre. Les clauses d’un filtre doivent toutes être vraies (ET) ; un utilisateur retenu par l’un des filtres est dans l’étendue (OU). Sans filtre, tous les utilisateurs sont dans l’étendue.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoping.py" line="98"/>
        <source>Scoping filters and their clauses</source>
        <translation>Filtres d’étendue et leurs clauses</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoping.py" line="99"/>
        <source>Filter / clause</source>
        <translation>Filtre / clause</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoping.py" line="102"/>
        <source>Add &amp;filter</source>
        <translation>Ajouter un &amp;filtre</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoping.py" line="104"/>
        <source>Add &amp;clause</source>
        <translation>Ajouter une &amp;clause</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoping.py" line="106"/>
        <source>&amp;Remove</source>
        <translation>Suppr&amp;imer</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoping.py" line="116"/>
        <source>Clause</source>
        <translation>Clause</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoping.py" line="123"/>
        <source>Source &amp;attribute:</source>
        <translation>&amp;Attribut source :</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoping.py" line="129"/>
        <source>&amp;Operator:</source>
        <translation>&amp;Opérateur :</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoping.py" line="132"/>
        <source>Val&amp;ue:</source>
        <translation>&amp;Valeur :</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pages/scoping.py" line="300"/>
        <source>{count} of %Ln source user(s) in scope.</source>
        <translation>
            <numerusform>{count} sur %Ln utilisateur source dans l’étendue.</numerusform>
            <numerusform>{count} sur %Ln utilisateurs sources dans l’étendue.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoping.py" line="133"/>
        <source>I&amp;gnore case</source>
        <translation>I&amp;gnorer la casse</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoping.py" line="137"/>
        <source>Includes takes a comma-separated list; &amp; and !&amp; take an integer mask.</source>
        <translation>Includes prend une liste séparée par des virgules ; &amp; et !&amp; prennent un masque entier.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoping.py" line="73"/>
        <source>Users in scope</source>
        <translation>Utilisateurs dans l’étendue</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoping.py" line="166"/>
        <source>Filter {number}</source>
        <translation>Filtre {number}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoping.py" line="292"/>
        <source>The source users are not read yet; no count.</source>
        <translation>Les utilisateurs de la source ne sont pas encore lus ; pas de décompte.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/scoping.py" line="295"/>
        <source>Correct the clause to count the users in scope.</source>
        <translation>Corrigez la clause pour compter les utilisateurs dans l’étendue.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../app/ui/wizard.py" line="88"/>
        <source>Settings of the profile {name}</source>
        <translation>Paramètres du profil {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/wizard.py" line="94"/>
        <source>Webex provisioning set-up</source>
        <translation>Configuration du provisionnement Webex</translation>
    </message>
    <message>
        <location filename="../../app/ui/wizard.py" line="101"/>
        <source>&amp;Start sync</source>
        <translation>&amp;Lancer la synchronisation</translation>
    </message>
    <message>
        <location filename="../../app/ui/wizard.py" line="110"/>
        <source>Sa&amp;ve</source>
        <translation>E&amp;nregistrer</translation>
    </message>
    <message>
        <location filename="../../app/ui/wizard.py" line="191"/>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <location filename="../../app/ui/wizard.py" line="192"/>
        <source>Close the settings without saving your changes?</source>
        <translation>Fermer les paramètres sans enregistrer vos modifications ?</translation>
    </message>
    <message>
        <location filename="../../app/ui/wizard.py" line="194"/>
        <source>The profile keeps its saved settings; what you changed here is lost.</source>
        <translation>Le profil garde ses paramètres enregistrés ; ce que vous avez modifié ici est perdu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/wizard.py" line="197"/>
        <source>Leave the set-up</source>
        <translation>Quitter la configuration</translation>
    </message>
    <message>
        <location filename="../../app/ui/wizard.py" line="198"/>
        <source>Leave the set-up without saving?</source>
        <translation>Quitter la configuration sans enregistrer ?</translation>
    </message>
    <message>
        <location filename="../../app/ui/wizard.py" line="200"/>
        <source>Nothing has been saved yet; what you entered here is lost.</source>
        <translation>Rien n’est encore enregistré ; ce que vous avez saisi ici est perdu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/wizard.py" line="202"/>
        <source>&amp;Discard changes</source>
        <translation>A&amp;bandonner les modifications</translation>
    </message>
    <message>
        <location filename="../../app/ui/wizard.py" line="204"/>
        <source>&amp;Keep editing</source>
        <translation>&amp;Continuer la modification</translation>
    </message>
</context>
<context>
    <name>SourcePage</name>
    <message>
        <location filename="../../app/ui/pages/source.py" line="94"/>
        <source>Source directory and assignments</source>
        <translation>Annuaire source et affectations</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/source.py" line="97"/>
        <source>Choose where the users come from. With Microsoft Entra ID, only the users and groups assigned to the Cisco Webex application are provisioned; users assigned with the role “Default Access” are left out.</source>
        <translation>Choisissez d’où viennent les utilisateurs. Avec Microsoft Entra ID, seuls les utilisateurs et groupes affectés à l’application Cisco Webex sont provisionnés ; les utilisateurs affectés avec le rôle « Accès par défaut » sont exclus.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/source.py" line="104"/>
        <source>A &amp;CSV file</source>
        <translation>Un fichier &amp;CSV</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/source.py" line="106"/>
        <source>Microsoft &amp;Entra ID</source>
        <translation>Microsoft &amp;Entra ID</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/source.py" line="163"/>
        <source>Stored in the keyring; type a new one to replace it</source>
        <translation>Enregistré dans le trousseau ; saisissez-en un nouveau pour le remplacer</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/source.py" line="187"/>
        <source>The CSV export of your users</source>
        <translation>L’export CSV de vos utilisateurs</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/source.py" line="190"/>
        <source>Browse for the CSV file</source>
        <translation>Parcourir pour choisir le fichier CSV</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/source.py" line="193"/>
        <source>CSV &amp;file:</source>
        <translation>&amp;Fichier CSV :</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/source.py" line="196"/>
        <source>Automatic (UTF-8, UTF-16 or Windows-1252)</source>
        <translation>Automatique (UTF-8, UTF-16 ou Windows-1252)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/source.py" line="201"/>
        <source>How the file&apos;s letters are written. Automatic reads UTF-8 (“CSV UTF-8” in Excel) and UTF-16, else Windows-1252; choose another when accents look wrong.</source>
        <translation>Comment les lettres du fichier sont écrites. Automatique lit l’UTF-8 (« CSV UTF-8 » dans Excel) et l’UTF-16, sinon le Windows-1252 ; choisissez-en un autre si les accents s’affichent mal.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/source.py" line="205"/>
        <source>Enc&amp;oding:</source>
        <translation>Enc&amp;odage :</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/source.py" line="213"/>
        <source>The column that holds each user&apos;s sign-in e-mail address (the userName).</source>
        <translation>La colonne qui contient l’adresse e-mail de connexion de chaque utilisateur (le userName).</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/source.py" line="215"/>
        <source>&amp;userName column:</source>
        <translation>Colonne du &amp;userName :</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/source.py" line="217"/>
        <source>&amp;Skip invalid rows (they are logged) instead of stopping the sync</source>
        <translation>&amp;Ignorer les lignes non valides (elles sont journalisées) au lieu d’arrêter la synchronisation</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/source.py" line="231"/>
        <source>First rows of the CSV file</source>
        <translation>Premières lignes du fichier CSV</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/source.py" line="239"/>
        <source>Rows with errors</source>
        <translation>Lignes en erreur</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/source.py" line="255"/>
        <source>Choose the CSV file</source>
        <translation>Choisir le fichier CSV</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/source.py" line="257"/>
        <source>CSV files (*.csv *.txt)</source>
        <translation>Fichiers CSV (*.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/source.py" line="257"/>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/source.py" line="337"/>
        <source>There is no file at {path}.</source>
        <translation>Il n’y a pas de fichier à l’emplacement {path}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/source.py" line="338"/>
        <source>Check the path or use Browse…</source>
        <translation>Vérifiez le chemin ou utilisez Parcourir…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/source.py" line="344"/>
        <source>Reading the CSV file…</source>
        <translation>Lecture du fichier CSV…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/source.py" line="431"/>
        <source>Row {row}: {message}</source>
        <translation>Ligne {row} : {message}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/source.py" line="504"/>
        <source>Sign in as an a&amp;dministrator (device code)</source>
        <translation>Se connecter en tant qu’a&amp;dministrateur (code d’appareil)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/source.py" line="527"/>
        <source>Application (client) &amp;ID:</source>
        <translation>&amp;ID d’application (client) :</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/source.py" line="579"/>
        <source>An app registration in your tenant that allows public client flows, with the delegated permissions User.Read.All, Group.Read.All and Application.Read.All (admin consent granted). When the users are first read, you sign in as an administrator with a code shown here; the sign-in is then kept in the keyring.</source>
        <translation>Une inscription d’application de votre locataire qui autorise les flux de client public, avec les autorisations déléguées User.Read.All, Group.Read.All et Application.Read.All (consentement administrateur accordé). À la première lecture des utilisateurs, vous vous connectez en tant qu’administrateur avec un code affiché ici ; la connexion est ensuite gardée dans le trousseau.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/source.py" line="589"/>
        <source>An app registration in your tenant with the application permissions User.Read.All, Group.Read.All and Application.Read.All (admin consent granted) and a client secret.</source>
        <translation>Une inscription d’application dans votre locataire, avec les autorisations d’application User.Read.All, Group.Read.All et Application.Read.All (consentement administrateur accordé) et un secret client.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/source.py" line="523"/>
        <source>&amp;Tenant ID:</source>
        <translation>ID du &amp;locataire :</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/source.py" line="188"/>
        <source>B&amp;rowse…</source>
        <translation>Pa&amp;rcourir…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/source.py" line="317"/>
        <source>Choose the CSV file that lists your users: type its path or use Browse…</source>
        <translation>Choisissez le fichier CSV qui liste vos utilisateurs : saisissez son chemin ou utilisez Parcourir…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/source.py" line="323"/>
        <source>Choose the column that holds the userName in “userName column” (e.g. userPrincipalName).</source>
        <translation>Choisissez la colonne qui contient le userName dans « Colonne du userName » (par ex. userPrincipalName).</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/source.py" line="331"/>
        <source>{path} is a folder, not a CSV file.</source>
        <translation>{path} est un dossier, pas un fichier CSV.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/source.py" line="332"/>
        <source>Choose the CSV file inside it with Browse…</source>
        <translation>Choisissez le fichier CSV qu’il contient avec Parcourir…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/source.py" line="379"/>
        <source>Choose the file&apos;s encoding in “Encoding” (Windows-1252 for most older Excel exports), or save the file again as “CSV UTF-8”.</source>
        <translation>Choisissez l’encodage du fichier dans « Encodage » (Windows-1252 pour la plupart des anciens exports Excel), ou enregistrez de nouveau le fichier en « CSV UTF-8 ».</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/source.py" line="384"/>
        <source>Choose the column that holds each user&apos;s sign-in address in “userName column”, or save the file again separated by commas or semicolons.</source>
        <translation>Choisissez la colonne qui contient l’adresse de connexion de chaque utilisateur dans « Colonne du userName », ou enregistrez de nouveau le fichier séparé par des virgules ou des points-virgules.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/source.py" line="388"/>
        <source>Correct the file, or choose another one with Browse…</source>
        <translation>Corrigez le fichier, ou choisissez-en un autre avec Parcourir…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/source.py" line="426"/>
        <source>{row} ✗</source>
        <translation>{row} ✗</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/source.py" line="440"/>
        <source>The file has a header row but no users below it, so Next stays off.</source>
        <translation>Le fichier a une ligne d’en-tête mais aucun utilisateur en dessous : Suivant reste désactivé.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/source.py" line="442"/>
        <source>Add one row per user under the header, save the file, and it is read again.</source>
        <translation>Ajoutez une ligne par utilisateur sous l’en-tête et enregistrez le fichier : il sera relu.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pages/source.py" line="447"/>
        <source>%Ln user(s) read; no errors.</source>
        <translation>
            <numerusform>%Ln utilisateur lu ; aucune erreur.</numerusform>
            <numerusform>%Ln utilisateurs lus ; aucune erreur.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pages/source.py" line="451"/>
        <source>%Ln valid user(s);</source>
        <translation>
            <numerusform>%Ln utilisateur valide ;</numerusform>
            <numerusform>%Ln utilisateurs valides ;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pages/source.py" line="454"/>
        <source>%Ln row(s) with errors will be skipped and logged.</source>
        <translation>
            <numerusform>%Ln ligne en erreur sera ignorée et journalisée.</numerusform>
            <numerusform>%Ln lignes en erreur seront ignorées et journalisées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pages/source.py" line="461"/>
        <source>%Ln row(s) with errors, marked in the preview and listed below.</source>
        <translation>
            <numerusform>%Ln ligne en erreur, signalée dans l’aperçu et listée ci-dessous.</numerusform>
            <numerusform>%Ln lignes en erreur, signalées dans l’aperçu et listées ci-dessous.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/source.py" line="465"/>
        <source>Correct the file, or tick “Skip invalid rows”.</source>
        <translation>Corrigez le fichier, ou cochez « Ignorer les lignes non valides ».</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/source.py" line="507"/>
        <source>App &amp;registration client secret</source>
        <translation>Secret client de l’insc&amp;ription d’application</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/source.py" line="530"/>
        <source>Client secret</source>
        <translation>Secret client</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/source.py" line="532"/>
        <source>Client &amp;secret:</source>
        <translation>Secre&amp;t client :</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/source.py" line="538"/>
        <source>Enterprise &amp;application:</source>
        <translation>&amp;Application d’entreprise :</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/source.py" line="543"/>
        <source>Sign-in a&amp;uthority:</source>
        <translation>A&amp;utorité de connexion :</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/source.py" line="549"/>
        <source>Microsoft &amp;Graph:</source>
        <translation>Microsoft &amp;Graph :</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/source.py" line="614"/>
        <source>Give the tenant ID and the application (client) ID.</source>
        <translation>Indiquez l’ID du locataire et l’ID d’application (client).</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/source.py" line="616"/>
        <source>Paste the client secret of the app registration.</source>
        <translation>Collez le secret client de l’inscription d’application.</translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <location filename="../../app/ui/tray.py" line="147"/>
        <source>Webex Provisioner</source>
        <translation>Webex Provisioner</translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="148"/>
        <source>&amp;Sync now</source>
        <translation>&amp;Synchroniser maintenant</translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="150"/>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="152"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="203"/>
        <source>Webex Provisioner: {state}</source>
        <translation>Webex Provisioner : {state}</translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="205"/>
        <source>{profile}: {state}</source>
        <translation>{profile} : {state}</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../app/ui/pages/welcome.py" line="28"/>
        <source>Welcome</source>
        <translation>Bienvenue</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/welcome.py" line="31"/>
        <source>This wizard connects a directory to Cisco Webex and keeps its users provisioned over SCIM 2.0, step by step as in Microsoft&apos;s tutorial “Configure Cisco Webex for automatic user provisioning”.</source>
        <translation>Cet assistant relie un annuaire à Cisco Webex et y maintient ses utilisateurs provisionnés par SCIM 2.0, étape par étape comme dans le tutoriel de Microsoft « Configurer Cisco Webex pour le provisionnement automatique d’utilisateurs ».</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/welcome.py" line="49"/>
        <source>&lt;b&gt;What the wizard will do&lt;/b&gt;&lt;ol&gt;&lt;li&gt;Choose the source directory: Microsoft Entra ID or a CSV file.&lt;/li&gt;&lt;li&gt;Enter the admin credentials (tenant URL and secret token) and test the connection.&lt;/li&gt;&lt;li&gt;Choose who receives an e-mail when provisioning fails.&lt;/li&gt;&lt;li&gt;Review the attribute mappings and preview them on a real user.&lt;/li&gt;&lt;li&gt;Add scoping filters, choose the scope and the provisioning status.&lt;/li&gt;&lt;li&gt;Review a dry run of what will be created, updated and disabled, then start the first sync.&lt;/li&gt;&lt;/ol&gt;</source>
        <translation>&lt;b&gt;Ce que fera l’assistant&lt;/b&gt;&lt;ol&gt;&lt;li&gt;Choisir l’annuaire source : Microsoft Entra ID ou un fichier CSV.&lt;/li&gt;&lt;li&gt;Entrer les informations d’identification de l’administrateur (URL du locataire et jeton secret) et tester la connexion.&lt;/li&gt;&lt;li&gt;Choisir qui reçoit un e-mail quand le provisionnement échoue.&lt;/li&gt;&lt;li&gt;Passer en revue les mappages des attributs et les prévisualiser sur un vrai utilisateur.&lt;/li&gt;&lt;li&gt;Ajouter des filtres d’étendue, choisir l’étendue et l’état du provisionnement.&lt;/li&gt;&lt;li&gt;Vérifier une simulation de ce qui sera créé, mis à jour et désactivé, puis lancer la première synchronisation.&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/welcome.py" line="67"/>
        <source>&lt;b&gt;Prerequisites&lt;/b&gt;&lt;ul&gt;&lt;li&gt;A Cisco Webex tenant and a user account in it with administrator permissions (full or user administrator).&lt;/li&gt;&lt;li&gt;A source directory: a Microsoft Entra ID tenant with an app registration, or a CSV export of your users.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;b&gt;Prérequis&lt;/b&gt;&lt;ul&gt;&lt;li&gt;Un locataire Cisco Webex et, dans ce locataire, un compte d’utilisateur avec des autorisations d’administrateur (administrateur complet ou administrateur des utilisateurs).&lt;/li&gt;&lt;li&gt;Un annuaire source : un locataire Microsoft Entra ID avec une inscription d’application, ou un export CSV de vos utilisateurs.&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/welcome.py" line="81"/>
        <source>Provision users into</source>
        <translation>Provisionner les utilisateurs dans</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/welcome.py" line="83"/>
        <source>&amp;Cisco Webex</source>
        <translation>&amp;Cisco Webex</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/welcome.py" line="85"/>
        <source>&amp;Another SCIM 2.0 application</source>
        <translation>&amp;Une autre application SCIM 2.0</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/welcome.py" line="99"/>
        <source>e.g. acme</source>
        <translation>par ex. acme</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/welcome.py" line="100"/>
        <source>&amp;Profile name:</source>
        <translation>No&amp;m du profil :</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/welcome.py" line="111"/>
        <source>Settings of the profile {name}</source>
        <translation>Paramètres du profil {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/welcome.py" line="114"/>
        <source>The pages of the set-up, filled in with this profile&apos;s settings. Change what you need, then Save on any page; the changes apply from the next cycle.</source>
        <translation>Les pages de la configuration, remplies avec les paramètres de ce profil. Modifiez ce qu’il faut, puis Enregistrer sur n’importe quelle page ; les changements s’appliquent à partir du prochain cycle.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/welcome.py" line="121"/>
        <source>The name of a saved profile cannot change.</source>
        <translation>Le nom d’un profil enregistré ne peut pas changer.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/welcome.py" line="130"/>
        <source>Give the profile a name, e.g. acme.</source>
        <translation>Donnez un nom au profil, par ex. acme.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/welcome.py" line="132"/>
        <source>A profile name may contain only letters, digits, - and _ (at most 64).</source>
        <translation>Un nom de profil ne peut contenir que des lettres, des chiffres, - et _ (64 au plus).</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/welcome.py" line="137"/>
        <source>A profile named {name} already exists; choose another name.</source>
        <translation>Un profil nommé {name} existe déjà ; choisissez un autre nom.</translation>
    </message>
</context>
<context>
    <name>models</name>
    <message>
        <location filename="../../app/ui/models.py" line="56"/>
        <source>Success</source>
        <translation>Réussite</translation>
    </message>
    <message>
        <location filename="../../app/ui/models.py" line="57"/>
        <source>Failure</source>
        <translation>Échec</translation>
    </message>
    <message>
        <location filename="../../app/ui/models.py" line="58"/>
        <location filename="../../app/ui/models.py" line="291"/>
        <source>Skipped</source>
        <translation>Ignoré</translation>
    </message>
    <message>
        <location filename="../../app/ui/models.py" line="59"/>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <location filename="../../app/ui/models.py" line="60"/>
        <source>Held</source>
        <translation>Suspendu</translation>
    </message>
    <message>
        <location filename="../../app/ui/models.py" line="67"/>
        <source>Create</source>
        <translation>Création</translation>
    </message>
    <message>
        <location filename="../../app/ui/models.py" line="68"/>
        <source>Update</source>
        <translation>Mise à jour</translation>
    </message>
    <message>
        <location filename="../../app/ui/models.py" line="69"/>
        <source>Disable</source>
        <translation>Désactivation</translation>
    </message>
    <message>
        <location filename="../../app/ui/models.py" line="70"/>
        <source>Delete</source>
        <translation>Suppression</translation>
    </message>
    <message>
        <location filename="../../app/ui/models.py" line="71"/>
        <source>Skip</source>
        <translation>Ignoré</translation>
    </message>
    <message>
        <location filename="../../app/ui/models.py" line="72"/>
        <source>No change</source>
        <translation>Aucun changement</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity_model.py" line="85"/>
        <location filename="../../app/ui/activity_model.py" line="278"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity_model.py" line="86"/>
        <location filename="../../app/ui/activity_model.py" line="275"/>
        <location filename="../../app/ui/models.py" line="230"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity_model.py" line="87"/>
        <location filename="../../app/ui/activity_model.py" line="276"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity_model.py" line="88"/>
        <location filename="../../app/ui/activity_model.py" line="268"/>
        <location filename="../../app/ui/activity_model.py" line="271"/>
        <location filename="../../app/ui/logs_view.py" line="145"/>
        <location filename="../../app/ui/models.py" line="251"/>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity_model.py" line="89"/>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity_model.py" line="163"/>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity_model.py" line="270"/>
        <location filename="../../app/ui/models.py" line="228"/>
        <source>Object</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity_model.py" line="281"/>
        <source>Source id</source>
        <translation>ID source</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity_model.py" line="282"/>
        <source>Webex id</source>
        <translation>ID Webex</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity_model.py" line="283"/>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity_model.py" line="287"/>
        <source>{label}: {value}</source>
        <translation>{label} : {value}</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity_model.py" line="291"/>
        <source>Steps:</source>
        <translation>Étapes :</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity_model.py" line="296"/>
        <source>Modified properties:</source>
        <translation>Propriétés modifiées :</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity_model.py" line="300"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity_model.py" line="301"/>
        <source>Error code</source>
        <translation>Code d’erreur</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity_model.py" line="302"/>
        <location filename="../../app/ui/models.py" line="325"/>
        <source>Next step</source>
        <translation>Étape suivante</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity_model.py" line="303"/>
        <source>Tracking id</source>
        <translation>ID de suivi</translation>
    </message>
    <message>
        <location filename="../../app/ui/models.py" line="46"/>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <location filename="../../app/ui/models.py" line="133"/>
        <source>Direct</source>
        <translation>Direct</translation>
    </message>
    <message>
        <location filename="../../app/ui/models.py" line="134"/>
        <source>Constant</source>
        <translation>Constante</translation>
    </message>
    <message>
        <location filename="../../app/ui/models.py" line="135"/>
        <source>Expression</source>
        <translation>Expression</translation>
    </message>
    <message>
        <location filename="../../app/ui/models.py" line="136"/>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <location filename="../../app/ui/models.py" line="158"/>
        <source>Target attribute</source>
        <translation>Attribut cible</translation>
    </message>
    <message>
        <location filename="../../app/ui/models.py" line="159"/>
        <source>Mapping type</source>
        <translation>Type de mappage</translation>
    </message>
    <message>
        <location filename="../../app/ui/models.py" line="160"/>
        <source>Source attribute or value</source>
        <translation>Attribut source ou valeur</translation>
    </message>
    <message>
        <location filename="../../app/ui/models.py" line="161"/>
        <source>Default if empty</source>
        <translation>Valeur par défaut si vide</translation>
    </message>
    <message>
        <location filename="../../app/ui/models.py" line="162"/>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <location filename="../../app/ui/models.py" line="163"/>
        <source>Matching precedence</source>
        <translation>Priorité de correspondance</translation>
    </message>
    <message>
        <location filename="../../app/ui/models.py" line="207"/>
        <source>Always</source>
        <translation>Toujours</translation>
    </message>
    <message>
        <location filename="../../app/ui/models.py" line="209"/>
        <source>Only on create</source>
        <translation>Uniquement à la création</translation>
    </message>
    <message>
        <location filename="../../app/ui/models.py" line="229"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../app/ui/models.py" line="231"/>
        <source>Modified properties</source>
        <translation>Propriétés modifiées</translation>
    </message>
    <message>
        <location filename="../../app/ui/models.py" line="232"/>
        <location filename="../../app/ui/models.py" line="324"/>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <location filename="../../app/ui/activity_model.py" line="273"/>
        <location filename="../../app/ui/logs_view.py" line="147"/>
        <location filename="../../app/ui/models.py" line="253"/>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <location filename="../../app/ui/models.py" line="288"/>
        <source>Passed</source>
        <translation>Réussi</translation>
    </message>
    <message>
        <location filename="../../app/ui/models.py" line="289"/>
        <source>Failed</source>
        <translation>En échec</translation>
    </message>
    <message>
        <location filename="../../app/ui/models.py" line="290"/>
        <source>Unknown</source>
        <translation>Indéterminé</translation>
    </message>
    <message>
        <location filename="../../app/ui/models.py" line="299"/>
        <source>Tenant URL</source>
        <translation>URL du locataire</translation>
    </message>
    <message>
        <location filename="../../app/ui/models.py" line="300"/>
        <source>Network (DNS, TCP, TLS)</source>
        <translation>Réseau (DNS, TCP, TLS)</translation>
    </message>
    <message>
        <location filename="../../app/ui/models.py" line="301"/>
        <source>Token accepted (people/me)</source>
        <translation>Jeton accepté (people/me)</translation>
    </message>
    <message>
        <location filename="../../app/ui/models.py" line="302"/>
        <source>Token of a person, not a bot</source>
        <translation>Jeton d’une personne, pas d’un bot</translation>
    </message>
    <message>
        <location filename="../../app/ui/models.py" line="303"/>
        <source>Token of the URL&apos;s organisation</source>
        <translation>Jeton de l’organisation de l’URL</translation>
    </message>
    <message>
        <location filename="../../app/ui/models.py" line="304"/>
        <source>SCIM discovery (ServiceProviderConfig)</source>
        <translation>Découverte SCIM (ServiceProviderConfig)</translation>
    </message>
    <message>
        <location filename="../../app/ui/models.py" line="305"/>
        <source>SCIM read (Users)</source>
        <translation>Lecture SCIM (Users)</translation>
    </message>
    <message>
        <location filename="../../app/ui/models.py" line="306"/>
        <source>Permission to create and change users</source>
        <translation>Autorisation de créer et de modifier des utilisateurs</translation>
    </message>
    <message>
        <location filename="../../app/ui/models.py" line="307"/>
        <source>Permission to create and change groups</source>
        <translation>Autorisation de créer et de modifier des groupes</translation>
    </message>
    <message>
        <location filename="../../app/ui/models.py" line="310"/>
        <source>Token lifetime</source>
        <translation>Durée de validité du jeton</translation>
    </message>
    <message>
        <location filename="../../app/ui/models.py" line="322"/>
        <source>Check</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <location filename="../../app/ui/models.py" line="323"/>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
</context>
<context>
    <name>tray</name>
    <message>
        <location filename="../../app/ui/tray.py" line="50"/>
        <source>idle</source>
        <translation>au repos</translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="51"/>
        <source>a cycle is running</source>
        <translation>un cycle est en cours</translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="52"/>
        <source>held by the accidental-deletion threshold</source>
        <translation>retenu par le seuil de suppression accidentelle</translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="55"/>
        <source>quarantined</source>
        <translation>en quarantaine</translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="56"/>
        <source>the last cycle failed</source>
        <translation>le dernier cycle a échoué</translation>
    </message>
</context>
<context>
    <name>widgets</name>
    <message>
        <location filename="../../app/ui/widgets.py" line="122"/>
        <source>Something unexpected went wrong; the log file has the details.</source>
        <translation>Une erreur inattendue s’est produite ; le fichier journal contient les détails.</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets.py" line="208"/>
        <source>Working</source>
        <translation>Traitement en cours</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets.py" line="209"/>
        <source>Cance&amp;l</source>
        <translation>Annu&amp;ler</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets.py" line="245"/>
        <location filename="../../app/ui/widgets.py" line="260"/>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets.py" line="247"/>
        <source>Show {name}</source>
        <translation>Afficher : {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets.py" line="258"/>
        <source>Hide</source>
        <translation>Masquer</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets.py" line="292"/>
        <source>Sandbox: a Webex tenant and a directory simulated on this computer. Nothing leaves this computer; no real account is changed.</source>
        <translation>Bac à sable : un locataire Webex et un annuaire simulés sur cet ordinateur. Rien ne quitte cet ordinateur ; aucun compte réel n’est modifié.</translation>
    </message>
</context>
</TS>
