<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../client/qml/AuditPage.qml" line="13"/>
        <source>Audit trail</source>
        <translation>Historique des changements</translation>
    </message>
    <message>
        <location filename="../client/qml/AuditPage.qml" line="19"/>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <location filename="../client/qml/AuditPage.qml" line="20"/>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <location filename="../client/qml/AuditPage.qml" line="21"/>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <location filename="../client/qml/AuditPage.qml" line="22"/>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <location filename="../client/qml/AuditPage.qml" line="27"/>
        <source>SKU or barcode</source>
        <translation>Référence ou code-barres</translation>
    </message>
    <message>
        <location filename="../client/qml/AuditPage.qml" line="27"/>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <location filename="../client/qml/AuditPage.qml" line="31"/>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
</context>
<context>
    <name>CatalogPage</name>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="25"/>
        <source>Search by name, SKU or barcode (Ctrl+F)</source>
        <translation>Rechercher par nom, référence ou code-barres (Ctrl+F)</translation>
    </message>
    <message numerus="yes">
        <location filename="../client/qml/CatalogPage.qml" line="29"/>
        <source>%n product(s)</source>
        <translation>
            <numerusform>%n produit</numerusform>
            <numerusform>%n produits</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="56"/>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="27"/>
        <source>Stock value</source>
        <translation>Valeur du stock</translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="28"/>
        <source>Below reorder point</source>
        <translation>Sous le seuil de réapprovisionnement</translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="29"/>
        <source>Products</source>
        <translation>Produits</translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="31"/>
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="32"/>
        <source>up to date</source>
        <translation>à jour</translation>
    </message>
    <message numerus="yes">
        <location filename="../client/qml/DashboardPage.qml" line="32"/>
        <source>%n waiting</source>
        <translation>
            <numerusform>%n en attente</numerusform>
            <numerusform>%n en attente</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="42"/>
        <source>Stock value per warehouse</source>
        <translation>Valeur du stock par entrepôt</translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="48"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="54"/>
        <source>Most units on hand</source>
        <translation>Plus grands stocks</translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="60"/>
        <source>Units</source>
        <translation>Unités</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../client/qml/Main.qml" line="11"/>
        <location filename="../client/qml/Main.qml" line="28"/>
        <source>TossErp</source>
        <translation>TossErp</translation>
    </message>
    <message>
        <location filename="../client/qml/Main.qml" line="36"/>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <location filename="../client/qml/Main.qml" line="37"/>
        <source>Catalog</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <location filename="../client/qml/Main.qml" line="38"/>
        <source>Stock</source>
        <translation>Stock</translation>
    </message>
    <message>
        <location filename="../client/qml/Main.qml" line="39"/>
        <source>Orders</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <location filename="../client/qml/Main.qml" line="40"/>
        <source>Audit</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location filename="../client/qml/Main.qml" line="41"/>
        <source>Sync</source>
        <translation>Synchro</translation>
    </message>
    <message>
        <location filename="../client/qml/Main.qml" line="42"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../client/qml/Main.qml" line="45"/>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <location filename="../client/qml/Main.qml" line="45"/>
        <source>Sync now</source>
        <translation>Synchroniser maintenant</translation>
    </message>
    <message>
        <location filename="../client/qml/Main.qml" line="58"/>
        <location filename="../client/app/main.cpp" line="174"/>
        <source>All work synced</source>
        <translation>Tout est synchronisé</translation>
    </message>
    <message>
        <location filename="../client/qml/Main.qml" line="58"/>
        <source>last sync %1</source>
        <translation>dernière synchronisation à %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../client/qml/Main.qml" line="59"/>
        <source>%n change(s) waiting to sync</source>
        <translation>
            <numerusform>%n modification en attente de synchronisation</numerusform>
            <numerusform>%n modifications en attente de synchronisation</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="26"/>
        <source>Orders</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="28"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="38"/>
        <source>No orders yet.</source>
        <translation>Aucune commande pour l’instant.</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="69"/>
        <location filename="../client/qml/OrdersPage.qml" line="144"/>
        <source>Order %1</source>
        <translation>Commande %1</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="75"/>
        <source>payment %1</source>
        <translation>paiement %1</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="88"/>
        <source>Your role may look at orders, not change them.</source>
        <translation>Votre rôle permet de consulter les commandes, pas de les modifier.</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="98"/>
        <source>New order</source>
        <translation>Nouvelle commande</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="106"/>
        <location filename="../client/qml/OrdersPage.qml" line="107"/>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="116"/>
        <source>Warehouse</source>
        <translation>Entrepôt</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="122"/>
        <source>Product: scan or type SKU or barcode</source>
        <translation>Produit : scanner ou saisir la référence ou le code-barres</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="129"/>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="137"/>
        <source>Place order</source>
        <translation>Passer la commande</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="144"/>
        <source>Select an order</source>
        <translation>Choisir une commande</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="152"/>
        <source>Why it is cancelled</source>
        <translation>Motif de l’annulation</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="157"/>
        <source>Cancel order</source>
        <translation>Annuler la commande</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="166"/>
        <source>Refund up to %1</source>
        <translation>Rembourser jusqu’à %1</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="166"/>
        <source>Refund amount</source>
        <translation>Montant à rembourser</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="172"/>
        <source>Refund</source>
        <translation>Rembourser</translation>
    </message>
</context>
<context>
    <name>ProductForm</name>
    <message>
        <location filename="../client/qml/ProductForm.qml" line="21"/>
        <source>Changes of this product wait to sync.</source>
        <translation>Des modifications de ce produit attendent la synchronisation.</translation>
    </message>
    <message>
        <location filename="../client/qml/ProductForm.qml" line="27"/>
        <source>Saved; it goes to the server at the next sync.</source>
        <translation>Enregistré&#xa0;; envoyé au serveur à la prochaine synchronisation.</translation>
    </message>
    <message>
        <location filename="../client/qml/ProductForm.qml" line="35"/>
        <source>Product %1</source>
        <translation>Produit %1</translation>
    </message>
    <message>
        <location filename="../client/qml/ProductForm.qml" line="36"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../client/qml/ProductForm.qml" line="43"/>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <location filename="../client/qml/ProductForm.qml" line="54"/>
        <source>Active (can be sold)</source>
        <translation>Actif (peut être vendu)</translation>
    </message>
    <message>
        <location filename="../client/qml/ProductForm.qml" line="56"/>
        <source>Save (Ctrl+S)</source>
        <translation>Enregistrer (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../client/qml/ProductForm.qml" line="57"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../client/qml/SettingsPage.qml" line="10"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../client/qml/SettingsPage.qml" line="13"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../client/qml/SettingsPage.qml" line="20"/>
        <source>As the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <location filename="../client/qml/SettingsPage.qml" line="30"/>
        <source>Dark theme</source>
        <translation>Thème sombre</translation>
    </message>
    <message>
        <location filename="../client/qml/SettingsPage.qml" line="35"/>
        <source>About</source>
        <translation>À propos</translation>
    </message>
    <message>
        <location filename="../client/qml/SettingsPage.qml" line="39"/>
        <source>TossErp %1</source>
        <translation>TossErp %1</translation>
    </message>
    <message>
        <location filename="../client/qml/SettingsPage.qml" line="40"/>
        <source>Server: %1</source>
        <translation>Serveur&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../client/qml/SettingsPage.qml" line="40"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location filename="../client/qml/SettingsPage.qml" line="41"/>
        <source>Products in this replica: %1</source>
        <translation>Produits dans cette réplique&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../client/qml/SignInPage.qml" line="13"/>
        <source>Sign in to TossErp</source>
        <translation>Connexion à TossErp</translation>
    </message>
    <message>
        <location filename="../client/qml/SignInPage.qml" line="17"/>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <location filename="../client/qml/SignInPage.qml" line="25"/>
        <source>Username</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <location filename="../client/qml/SignInPage.qml" line="33"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../client/qml/SignInPage.qml" line="49"/>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <location filename="../client/qml/SignInPage.qml" line="55"/>
        <source>Work offline</source>
        <translation>Travailler hors ligne</translation>
    </message>
</context>
<context>
    <name>StockPage</name>
    <message>
        <location filename="../client/qml/StockPage.qml" line="22"/>
        <source>Receive goods</source>
        <translation>Réception</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="23"/>
        <source>Move stock</source>
        <translation>Déplacer</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="23"/>
        <source>Move (works offline)</source>
        <translation>Déplacer (fonctionne hors ligne)</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="24"/>
        <source>Adjust stock</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="24"/>
        <source>Adjust (works offline)</source>
        <translation>Ajuster (fonctionne hors ligne)</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="25"/>
        <source>Count stock</source>
        <translation>Inventorier</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="25"/>
        <source>Record count (works offline)</source>
        <translation>Enregistrer le comptage (fonctionne hors ligne)</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="51"/>
        <source>Scan or type a barcode or SKU, then Enter</source>
        <translation>Scannez ou saisissez un code-barres ou une référence, puis appuyez sur Entrée</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="62"/>
        <source>Found %1</source>
        <translation>Trouvé&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="62"/>
        <source>No product with this code</source>
        <translation>Aucun produit avec ce code</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="70"/>
        <source>Change (negative for a loss)</source>
        <translation>Variation (négative pour une perte)</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="71"/>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="22"/>
        <source>Receive (works offline)</source>
        <translation>Réceptionner (fonctionne hors ligne)</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="71"/>
        <source>Counted quantity</source>
        <translation>Quantité comptée</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="79"/>
        <source>From location</source>
        <translation>Depuis l’emplacement</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="79"/>
        <source>Location</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="88"/>
        <source>To location</source>
        <translation>Vers l’emplacement</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="100"/>
        <source>Reason (required)</source>
        <translation>Motif (obligatoire)</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="100"/>
        <source>Note (optional)</source>
        <translation>Note (facultative)</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="105"/>
        <source>damaged, found, expired…</source>
        <translation>abîmé, retrouvé, périmé…</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="117"/>
        <source>Queued; it goes to the server at the next sync.</source>
        <translation>Mis en attente&#xa0;; envoi au serveur lors de la prochaine synchronisation.</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="139"/>
        <source>Stock on hand</source>
        <translation>Stock disponible</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="161"/>
        <source>(%1 pending)</source>
        <translation>(%1 en attente)</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../client/qml/SyncPage.qml" line="13"/>
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <location filename="../client/qml/SyncPage.qml" line="16"/>
        <source>Server: %1</source>
        <translation>Serveur&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../client/qml/SyncPage.qml" line="16"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location filename="../client/qml/SyncPage.qml" line="17"/>
        <source>Signed in as: %1</source>
        <translation>Connecté en tant que&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../client/qml/SyncPage.qml" line="17"/>
        <source>nobody</source>
        <translation>personne</translation>
    </message>
    <message>
        <location filename="../client/qml/SyncPage.qml" line="18"/>
        <source>Waiting to sync: %1</source>
        <translation>En attente de synchronisation&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../client/qml/SyncPage.qml" line="31"/>
        <source>No conflicts.</source>
        <translation>Aucun conflit.</translation>
    </message>
    <message numerus="yes">
        <location filename="../client/qml/SyncPage.qml" line="32"/>
        <source>%n conflict(s): someone else changed the same field. Keep one.</source>
        <translation>
            <numerusform>%n conflit&#xa0;: quelqu’un d’autre a modifié le même champ. Gardez une version.</numerusform>
            <numerusform>%n conflits&#xa0;: quelqu’un d’autre a modifié les mêmes champs. Gardez une version de chacun.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../client/qml/SyncPage.qml" line="54"/>
        <source>Was</source>
        <translation>Avant</translation>
    </message>
    <message>
        <location filename="../client/qml/SyncPage.qml" line="56"/>
        <source>Mine</source>
        <translation>La mienne</translation>
    </message>
    <message>
        <location filename="../client/qml/SyncPage.qml" line="58"/>
        <source>Keep mine</source>
        <translation>Garder la mienne</translation>
    </message>
    <message>
        <location filename="../client/qml/SyncPage.qml" line="60"/>
        <source>Theirs</source>
        <translation>L’autre</translation>
    </message>
    <message>
        <location filename="../client/qml/SyncPage.qml" line="62"/>
        <source>Keep theirs</source>
        <translation>Garder l’autre</translation>
    </message>
    <message>
        <location filename="../client/qml/SyncPage.qml" line="19"/>
        <source>Last sync: %1</source>
        <translation>Dernière synchronisation&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../client/qml/SyncPage.qml" line="19"/>
        <source>not in this session</source>
        <translation>pas encore dans cette session</translation>
    </message>
    <message>
        <location filename="../client/qml/SyncPage.qml" line="26"/>
        <source>Sync now</source>
        <translation>Synchroniser maintenant</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../client/app/main.cpp" line="86"/>
        <source>TossErp desktop client</source>
        <translation>Client de bureau TossErp</translation>
    </message>
    <message>
        <location filename="../client/app/main.cpp" line="89"/>
        <source>Replica file.</source>
        <translation>Fichier de réplique.</translation>
    </message>
    <message>
        <location filename="../client/app/main.cpp" line="90"/>
        <source>Server address.</source>
        <translation>Adresse du serveur.</translation>
    </message>
    <message>
        <location filename="../client/app/main.cpp" line="92"/>
        <source>Load every page offscreen and quit; non-zero on any QML warning.</source>
        <translation>Charger chaque page hors écran puis quitter&#xa0;; code de sortie non nul en cas d&apos;avertissement QML.</translation>
    </message>
    <message>
        <location filename="../client/app/main.cpp" line="94"/>
        <source>With --self-test: save a PNG per page here.</source>
        <translation>Avec --self-test&#xa0;: enregistrer ici un PNG par page.</translation>
    </message>
    <message>
        <location filename="../client/app/main.cpp" line="96"/>
        <source>Interface language for this run (en, de, fr, es).</source>
        <translation>Langue de l’interface pour ce lancement (en, de, fr, es).</translation>
    </message>
</context>
<context>
    <name>tosserp::client::AppState</name>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="147"/>
        <source>This product is no longer in the catalog.</source>
        <translation>Ce produit n’est plus au catalogue.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="152"/>
        <source>A name is required.</source>
        <translation>Un nom est obligatoire.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="153"/>
        <source>At most 200 characters, on one line.</source>
        <translation>Au plus 200 caractères, sur une ligne.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="158"/>
        <source>A price such as 12.90 (at most %1 decimals).</source>
        <translation>Un prix comme 12.90 (au plus %1 décimales).</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="160"/>
        <source>A price cannot be negative.</source>
        <translation>Un prix ne peut pas être négatif.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="220"/>
        <source>Give the server address, your username and your password.</source>
        <translation>Saisissez l&apos;adresse du serveur, votre nom d&apos;utilisateur et votre mot de passe.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="226"/>
        <source>Signing in…</source>
        <translation>Connexion en cours…</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="234"/>
        <source>Working offline: your work is kept and sent at the next sync.</source>
        <translation>Mode hors ligne&#xa0;: votre travail est conservé et sera envoyé lors de la prochaine synchronisation.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="244"/>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="301"/>
        <source>No product with the code %1.</source>
        <translation>Aucun produit avec le code %1.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="307"/>
        <source>Give a quantity in %1.</source>
        <translation>Indiquez une quantité en %1.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="319"/>
        <source>Give a positive quantity in %1.</source>
        <translation>Saisissez une quantité positive en %1.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="326"/>
        <source>Choose the location the goods go to.</source>
        <translation>Choisissez l’emplacement de destination.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="329"/>
        <source>The goods must go to another location.</source>
        <translation>La marchandise doit aller vers un autre emplacement.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="338"/>
        <source>Give the change in %1, negative for a loss.</source>
        <translation>Indiquez la variation en %1, négative pour une perte.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="341"/>
        <source>Say why the stock changes (damaged, found, …).</source>
        <translation>Indiquez pourquoi le stock change (abîmé, retrouvé, …).</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="348"/>
        <source>A count cannot be negative.</source>
        <translation>Un comptage ne peut pas être négatif.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="357"/>
        <source>Unknown kind of movement: %1.</source>
        <translation>Type de mouvement inconnu : %1.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="313"/>
        <source>Choose a location.</source>
        <translation>Choisissez un emplacement.</translation>
    </message>
</context>
<context>
    <name>tosserp::client::AuditModel</name>
    <message>
        <location filename="../client/src/ui/audit_model.cpp" line="96"/>
        <source>No product with the code %1.</source>
        <translation>Aucun produit avec le code %1.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/audit_model.cpp" line="97"/>
        <source>Give the number of the order or user.</source>
        <translation>Indiquez le numéro de la commande ou de l’utilisateur.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/audit_model.cpp" line="125"/>
        <source>Nothing recorded yet.</source>
        <translation>Rien d’enregistré pour l’instant.</translation>
    </message>
</context>
<context>
    <name>tosserp::client::OrderModel</name>
    <message>
        <location filename="../client/src/ui/order_model.cpp" line="95"/>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <location filename="../client/src/ui/order_model.cpp" line="107"/>
        <source>No product with the code %1.</source>
        <translation>Aucun produit avec le code %1.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/order_model.cpp" line="113"/>
        <source>Choose a customer and a warehouse.</source>
        <translation>Choisissez un client et un entrepôt.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/order_model.cpp" line="132"/>
        <source>Say why the order is cancelled.</source>
        <translation>Indiquez pourquoi la commande est annulée.</translation>
    </message>
</context>
<context>
    <name>tosserp::client::SyncWorker</name>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="25"/>
        <location filename="../client/src/ui/sync_worker.cpp" line="67"/>
        <source>The server cannot be reached (%1).</source>
        <translation>Le serveur est injoignable (%1).</translation>
    </message>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="27"/>
        <source>The username or password is not right.</source>
        <translation>Nom d&apos;utilisateur ou mot de passe incorrect.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="29"/>
        <source>This account is locked after too many attempts; try again later.</source>
        <translation>Ce compte est verrouillé après trop de tentatives&#xa0;; réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="31"/>
        <source>This account is disabled; ask an administrator.</source>
        <translation>Ce compte est désactivé&#xa0;; contactez un administrateur.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="33"/>
        <source>Sign-in refused (%1).</source>
        <translation>Connexion refusée (%1).</translation>
    </message>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="43"/>
        <source>Signed in.</source>
        <translation>Connecté.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="73"/>
        <source>The server refused (HTTP %1).</source>
        <translation>Le serveur a refusé (HTTP %1).</translation>
    </message>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="119"/>
        <location filename="../client/src/ui/sync_worker.cpp" line="123"/>
        <source>Order %1 placed: stock and payment follow.</source>
        <translation>Commande %1 passée : réservation et paiement suivent.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="127"/>
        <source>Order %1 cancelled.</source>
        <translation>Commande %1 annulée.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="131"/>
        <source>Refunded %1.</source>
        <translation>%1 remboursé.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="186"/>
        <source>Synced.</source>
        <translation>Synchronisé.</translation>
    </message>
</context>
</TS>
