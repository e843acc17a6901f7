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
        <source>Import products from CSV</source>
        <translation>Importer des produits depuis un CSV</translation>
    </message>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="26"/>
        <location filename="../client/qml/CatalogPage.qml" line="34"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="31"/>
        <source>Export products to CSV</source>
        <translation>Exporter les produits en CSV</translation>
    </message>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="39"/>
        <location filename="../client/qml/CatalogPage.qml" line="101"/>
        <source>New category</source>
        <translation>Nouvelle catégorie</translation>
    </message>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="48"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="74"/>
        <source>Search by name, SKU or barcode (Ctrl+F)</source>
        <translation>Rechercher par nom, référence ou code-barres (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="81"/>
        <source>Newest last</source>
        <translation>Les plus récents en dernier</translation>
    </message>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="81"/>
        <source>By SKU</source>
        <translation>Par référence</translation>
    </message>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="81"/>
        <source>By name</source>
        <translation>Par nom</translation>
    </message>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="91"/>
        <source>All categories</source>
        <translation>Toutes les catégories</translation>
    </message>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="96"/>
        <source>New product (Ctrl+N)</source>
        <translation>Nouveau produit (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="106"/>
        <source>Import CSV…</source>
        <translation>Importer CSV…</translation>
    </message>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="112"/>
        <source>Export CSV…</source>
        <translation>Exporter CSV…</translation>
    </message>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="134"/>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="163"/>
        <source>The first %1 shown; search to narrow</source>
        <translation>Les %1 premiers affichés ; cherchez pour affiner</translation>
    </message>
    <message numerus="yes">
        <location filename="../client/qml/CatalogPage.qml" line="164"/>
        <source>%n product(s)</source>
        <translation>
            <numerusform>%n produit</numerusform>
            <numerusform>%n produits</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="192"/>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="29"/>
        <source>Figures of %1; updating…</source>
        <translation>Chiffres du %1 ; mise à jour…</translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="29"/>
        <source>Summing up the stock…</source>
        <translation>Calcul du stock…</translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="36"/>
        <source>Stock value</source>
        <translation>Valeur du stock</translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="37"/>
        <source>Below reorder point</source>
        <translation>Sous le seuil de réapprovisionnement</translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="38"/>
        <source>Products</source>
        <translation>Produits</translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="39"/>
        <source>Movements today</source>
        <translation>Mouvements du jour</translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="40"/>
        <source>Orders today</source>
        <translation>Commandes du jour</translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="42"/>
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="43"/>
        <source>up to date</source>
        <translation>à jour</translation>
    </message>
    <message numerus="yes">
        <location filename="../client/qml/DashboardPage.qml" line="43"/>
        <source>%n waiting</source>
        <translation>
            <numerusform>%n en attente</numerusform>
            <numerusform>%n en attente</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="53"/>
        <source>Stock value per warehouse</source>
        <translation>Valeur du stock par entrepôt</translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="59"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="65"/>
        <source>Most units on hand</source>
        <translation>Plus grands stocks</translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="71"/>
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
        <location filename="../client/qml/Main.qml" line="41"/>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <location filename="../client/qml/Main.qml" line="42"/>
        <source>Audit</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location filename="../client/qml/Main.qml" line="43"/>
        <source>Sync</source>
        <translation>Synchro</translation>
    </message>
    <message>
        <location filename="../client/qml/Main.qml" line="44"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../client/qml/Main.qml" line="61"/>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <location filename="../client/qml/Main.qml" line="61"/>
        <source>Sync now</source>
        <translation>Synchroniser maintenant</translation>
    </message>
    <message>
        <location filename="../client/qml/Main.qml" line="77"/>
        <location filename="../client/app/main.cpp" line="174"/>
        <source>All work synced</source>
        <translation>Tout est synchronisé</translation>
    </message>
    <message>
        <location filename="../client/qml/Main.qml" line="77"/>
        <source>last sync %1</source>
        <translation>dernière synchronisation à %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../client/qml/Main.qml" line="78"/>
        <source>%n change(s) waiting to sync</source>
        <translation>
            <numerusform>%n modification en attente de synchronisation</numerusform>
            <numerusform>%n modifications en attente de synchronisation</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewProductForm</name>
    <message>
        <location filename="../client/qml/NewProductForm.qml" line="34"/>
        <source>New product</source>
        <translation>Nouveau produit</translation>
    </message>
    <message>
        <location filename="../client/qml/NewProductForm.qml" line="35"/>
        <source>SKU</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location filename="../client/qml/NewProductForm.qml" line="38"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../client/qml/NewProductForm.qml" line="41"/>
        <source>Price and currency</source>
        <translation>Prix et devise</translation>
    </message>
    <message>
        <location filename="../client/qml/NewProductForm.qml" line="53"/>
        <source>Unit and category</source>
        <translation>Unité et catégorie</translation>
    </message>
    <message>
        <location filename="../client/qml/NewProductForm.qml" line="61"/>
        <source>No category</source>
        <translation>Sans catégorie</translation>
    </message>
    <message>
        <location filename="../client/qml/NewProductForm.qml" line="66"/>
        <source>Barcodes (scan or type, separated by spaces)</source>
        <translation>Codes-barres (scanner ou saisir, séparés par des espaces)</translation>
    </message>
    <message>
        <location filename="../client/qml/NewProductForm.qml" line="79"/>
        <source>Create (Ctrl+S)</source>
        <translation>Créer (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../client/qml/NewProductForm.qml" line="84"/>
        <source>Close</source>
        <translation>Fermer</translation>
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
        <location filename="../client/qml/ProductForm.qml" line="44"/>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <location filename="../client/qml/ProductForm.qml" line="55"/>
        <source>Active (can be sold)</source>
        <translation>Actif (peut être vendu)</translation>
    </message>
    <message>
        <location filename="../client/qml/ProductForm.qml" line="57"/>
        <source>Save (Ctrl+S)</source>
        <translation>Enregistrer (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../client/qml/ProductForm.qml" line="58"/>
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
        <location filename="../client/qml/SettingsPage.qml" line="44"/>
        <source>Server version %1, sync protocol %2</source>
        <translation>Version du serveur %1, protocole de synchronisation %2</translation>
    </message>
    <message>
        <location filename="../client/qml/SettingsPage.qml" line="45"/>
        <source>Server version: known after the next sync</source>
        <translation>Version du serveur : connue après la prochaine synchronisation</translation>
    </message>
    <message>
        <location filename="../client/qml/SettingsPage.qml" line="47"/>
        <source>This client speaks sync protocol %1</source>
        <translation>Ce client parle le protocole de synchronisation %1</translation>
    </message>
    <message>
        <location filename="../client/qml/SettingsPage.qml" line="48"/>
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
        <location filename="../client/qml/SignInPage.qml" line="26"/>
        <source>Username</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <location filename="../client/qml/SignInPage.qml" line="35"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../client/qml/SignInPage.qml" line="52"/>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <location filename="../client/qml/SignInPage.qml" line="58"/>
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
        <location filename="../client/qml/StockPage.qml" line="80"/>
        <source>From location</source>
        <translation>Depuis l’emplacement</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="80"/>
        <source>Location</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="89"/>
        <source>To location</source>
        <translation>Vers l’emplacement</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="101"/>
        <source>Reason (required)</source>
        <translation>Motif (obligatoire)</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="101"/>
        <source>Note (optional)</source>
        <translation>Note (facultative)</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="106"/>
        <source>damaged, found, expired…</source>
        <translation>abîmé, retrouvé, périmé…</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="118"/>
        <source>Queued; it goes to the server at the next sync.</source>
        <translation>Mis en attente&#xa0;; envoi au serveur lors de la prochaine synchronisation.</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="142"/>
        <source>Stock on hand</source>
        <translation>Stock disponible</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="148"/>
        <source>Only this SKU or barcode</source>
        <translation>Seulement cette référence ou ce code-barres</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="155"/>
        <source>The first %1 shown; enter a code to narrow</source>
        <translation>Les %1 premiers affichés ; saisissez un code pour affiner</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="177"/>
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
    <name>UsersPage</name>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="82"/>
        <source>Only administrators manage users and roles.</source>
        <translation>Seuls les administrateurs gèrent les utilisateurs et les rôles.</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="97"/>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="105"/>
        <location filename="../client/qml/UsersPage.qml" line="221"/>
        <source>New user</source>
        <translation>Nouvel utilisateur</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="113"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="150"/>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="150"/>
        <source>disabled</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="162"/>
        <source>API keys</source>
        <translation>Clés d’API</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="176"/>
        <source>revoked %1</source>
        <translation>révoquée %1</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="177"/>
        <source>last used %1</source>
        <translation>dernière utilisation %1</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="178"/>
        <source>never used</source>
        <translation>jamais utilisée</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="184"/>
        <source>Revoke</source>
        <translation>Révoquer</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="191"/>
        <source>Key name</source>
        <translation>Nom de la clé</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="198"/>
        <source>Create key</source>
        <translation>Créer la clé</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="221"/>
        <source>User %1</source>
        <translation>Utilisateur %1</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="225"/>
        <source>Username</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="227"/>
        <source>Display name</source>
        <translation>Nom affiché</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="229"/>
        <source>New password</source>
        <translation>Nouveau mot de passe</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="229"/>
        <source>Password (at least 8 characters)</source>
        <translation>Mot de passe (au moins 8 caractères)</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="234"/>
        <source>Reset</source>
        <translation>Réinitialiser</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="239"/>
        <source>Roles</source>
        <translation>Rôles</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="247"/>
        <source>per warehouse</source>
        <translation>par entrepôt</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="252"/>
        <source>Warehouses (for roles per warehouse)</source>
        <translation>Entrepôts (pour les rôles par entrepôt)</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="269"/>
        <source>Save roles</source>
        <translation>Enregistrer les rôles</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="269"/>
        <source>Create user</source>
        <translation>Créer l’utilisateur</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="279"/>
        <source>Disable</source>
        <translation>Désactiver</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="279"/>
        <source>Enable</source>
        <translation>Activer</translation>
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
        <location filename="../client/src/ui/app_state.cpp" line="92"/>
        <source>Syncing… %L1 changes received</source>
        <translation>Synchronisation… %L1 modifications reçues</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="202"/>
        <source>This product is no longer in the catalog.</source>
        <translation>Ce produit n’est plus au catalogue.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="207"/>
        <source>A name is required.</source>
        <translation>Un nom est obligatoire.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="208"/>
        <source>At most 200 characters, on one line.</source>
        <translation>Au plus 200 caractères, sur une ligne.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="213"/>
        <source>A price such as 12.90 (at most %1 decimals).</source>
        <translation>Un prix comme 12.90 (au plus %1 décimales).</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="215"/>
        <source>A price cannot be negative.</source>
        <translation>Un prix ne peut pas être négatif.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="275"/>
        <source>Give the server address, your username and your password.</source>
        <translation>Saisissez l&apos;adresse du serveur, votre nom d&apos;utilisateur et votre mot de passe.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="281"/>
        <source>Signing in…</source>
        <translation>Connexion en cours…</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="289"/>
        <source>Working offline: your work is kept and sent at the next sync.</source>
        <translation>Mode hors ligne&#xa0;: votre travail est conservé et sera envoyé lors de la prochaine synchronisation.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="299"/>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="356"/>
        <source>No product with the code %1.</source>
        <translation>Aucun produit avec le code %1.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="362"/>
        <source>Give a quantity in %1.</source>
        <translation>Indiquez une quantité en %1.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="374"/>
        <source>Give a positive quantity in %1.</source>
        <translation>Saisissez une quantité positive en %1.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="381"/>
        <source>Choose the location the goods go to.</source>
        <translation>Choisissez l’emplacement de destination.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="384"/>
        <source>The goods must go to another location.</source>
        <translation>La marchandise doit aller vers un autre emplacement.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="393"/>
        <source>Give the change in %1, negative for a loss.</source>
        <translation>Indiquez la variation en %1, négative pour une perte.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="396"/>
        <source>Say why the stock changes (damaged, found, …).</source>
        <translation>Indiquez pourquoi le stock change (abîmé, retrouvé, …).</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="403"/>
        <source>A count cannot be negative.</source>
        <translation>Un comptage ne peut pas être négatif.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="412"/>
        <source>Unknown kind of movement: %1.</source>
        <translation>Type de mouvement inconnu : %1.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="368"/>
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
        <location filename="../client/src/ui/audit_model.cpp" line="155"/>
        <source>Nothing recorded yet.</source>
        <translation>Rien d’enregistré pour l’instant.</translation>
    </message>
</context>
<context>
    <name>tosserp::client::CatalogActions</name>
    <message>
        <location filename="../client/src/ui/catalog_actions.cpp" line="48"/>
        <source>Letters, digits and - _ . / (starting with a letter or digit), at most 64.</source>
        <translation>Lettres, chiffres et - _ . / (commençant par une lettre ou un chiffre), 64 au plus.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/catalog_actions.cpp" line="51"/>
        <source>A name is required: at most 200 characters, on one line.</source>
        <translation>Un nom est requis : 200 caractères au plus, sur une ligne.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/catalog_actions.cpp" line="54"/>
        <source>A price such as 12.90, not negative.</source>
        <translation>Un prix tel que 12.90, non négatif.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/catalog_actions.cpp" line="57"/>
        <source>A currency code such as EUR.</source>
        <translation>Un code de devise tel que EUR.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/catalog_actions.cpp" line="60"/>
        <source>A unit such as pcs, kg or m.</source>
        <translation>Une unité telle que pcs, kg ou m.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/catalog_actions.cpp" line="63"/>
        <source>EAN-13, EAN-8 or UPC-A with its check digit, or a code without spaces.</source>
        <translation>EAN-13, EAN-8 ou UPC-A avec sa clé de contrôle, ou un code sans espaces.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/catalog_actions.cpp" line="65"/>
        <source>Not accepted.</source>
        <translation>Non accepté.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/catalog_actions.cpp" line="176"/>
        <location filename="../client/src/ui/catalog_actions.cpp" line="205"/>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <location filename="../client/src/ui/catalog_actions.cpp" line="187"/>
        <source>Product %1 created.</source>
        <translation>Produit %1 créé.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/catalog_actions.cpp" line="202"/>
        <source>A category needs a name.</source>
        <translation>Une catégorie a besoin d’un nom.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/catalog_actions.cpp" line="208"/>
        <source>Category %1 created.</source>
        <translation>Catégorie %1 créée.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/catalog_actions.cpp" line="221"/>
        <source>Importing…</source>
        <translation>Importation…</translation>
    </message>
    <message>
        <location filename="../client/src/ui/catalog_actions.cpp" line="231"/>
        <source>Exporting…</source>
        <translation>Exportation…</translation>
    </message>
</context>
<context>
    <name>tosserp::client::OrderModel</name>
    <message>
        <location filename="../client/src/ui/order_model.cpp" line="115"/>
        <location filename="../client/src/ui/order_model.cpp" line="146"/>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <location filename="../client/src/ui/order_model.cpp" line="135"/>
        <source>No product with the code %1.</source>
        <translation>Aucun produit avec le code %1.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/order_model.cpp" line="141"/>
        <source>Choose a customer and a warehouse.</source>
        <translation>Choisissez un client et un entrepôt.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/order_model.cpp" line="170"/>
        <source>Order %1 placed: stock and payment follow.</source>
        <translation>Commande %1 passée : réservation et paiement suivent.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/order_model.cpp" line="177"/>
        <source>Say why the order is cancelled.</source>
        <translation>Indiquez pourquoi la commande est annulée.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/order_model.cpp" line="182"/>
        <source>Order %1 cancelled.</source>
        <translation>Commande %1 annulée.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/order_model.cpp" line="189"/>
        <source>Refunded %1.</source>
        <translation>%1 remboursé.</translation>
    </message>
</context>
<context>
    <name>tosserp::client::SyncWorker</name>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="24"/>
        <source>The server&apos;s certificate is not trusted on this computer (%1). Check the address, or ask IT to install the company&apos;s certificate authority.</source>
        <translation>Le certificat du serveur n’est pas reconnu sur cet ordinateur (%1). Vérifiez l’adresse, ou demandez à l’informatique d’installer l’autorité de certification de l’entreprise.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="28"/>
        <location filename="../client/src/ui/sync_worker.cpp" line="70"/>
        <source>The server cannot be reached (%1).</source>
        <translation>Le serveur est injoignable (%1).</translation>
    </message>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="30"/>
        <source>The username or password is not right.</source>
        <translation>Nom d&apos;utilisateur ou mot de passe incorrect.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="32"/>
        <source>This account is locked after too many attempts; try again later.</source>
        <translation>Ce compte est verrouillé après trop de tentatives&#xa0;; réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="34"/>
        <source>This account is disabled; ask an administrator.</source>
        <translation>Ce compte est désactivé&#xa0;; contactez un administrateur.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="36"/>
        <source>Sign-in refused (%1).</source>
        <translation>Connexion refusée (%1).</translation>
    </message>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="46"/>
        <source>Signed in.</source>
        <translation>Connecté.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="76"/>
        <source>The server refused (HTTP %1).</source>
        <translation>Le serveur a refusé (HTTP %1).</translation>
    </message>
    <message numerus="yes">
        <location filename="../client/src/ui/sync_worker.cpp" line="107"/>
        <source>%n product(s) created</source>
        <translation>
            <numerusform>%n produit créé</numerusform>
            <numerusform>%n produits créés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../client/src/ui/sync_worker.cpp" line="108"/>
        <source>%n row(s) rejected</source>
        <translation>
            <numerusform>%n ligne refusée</numerusform>
            <numerusform>%n lignes refusées</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="110"/>
        <source>Stopped at %1.</source>
        <translation>Arrêté à %1.</translation>
    </message>
    <message numerus="yes">
        <location filename="../client/src/ui/sync_worker.cpp" line="128"/>
        <source>%n product(s) written to %1.</source>
        <translation>
            <numerusform>%n produit écrit dans %1.</numerusform>
            <numerusform>%n produits écrits dans %1.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="149"/>
        <source>Synced.</source>
        <translation>Synchronisé.</translation>
    </message>
</context>
<context>
    <name>tosserp::client::UserModel</name>
    <message>
        <location filename="../client/src/ui/user_model.cpp" line="235"/>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <location filename="../client/src/ui/user_model.cpp" line="254"/>
        <source>A username is required.</source>
        <translation>Un nom d’utilisateur est requis.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/user_model.cpp" line="258"/>
        <location filename="../client/src/ui/user_model.cpp" line="278"/>
        <source>A password has at least 8 characters.</source>
        <translation>Un mot de passe a au moins 8 caractères.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/user_model.cpp" line="266"/>
        <source>User %1 created.</source>
        <translation>Utilisateur %1 créé.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/user_model.cpp" line="272"/>
        <source>The account is enabled.</source>
        <translation>Le compte est activé.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/user_model.cpp" line="272"/>
        <source>The account is disabled; its sessions end.</source>
        <translation>Le compte est désactivé ; ses sessions prennent fin.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/user_model.cpp" line="282"/>
        <source>The password is reset.</source>
        <translation>Le mot de passe est réinitialisé.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/user_model.cpp" line="289"/>
        <source>Roles and warehouses saved.</source>
        <translation>Rôles et entrepôts enregistrés.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/user_model.cpp" line="295"/>
        <source>An API key needs a name.</source>
        <translation>Une clé d’API a besoin d’un nom.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/user_model.cpp" line="307"/>
        <source>Choose at least one role whose permissions the key gets.</source>
        <translation>Choisissez au moins un rôle dont la clé reçoit les droits.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/user_model.cpp" line="311"/>
        <source>API key %1 created: copy it now, it is shown once.</source>
        <translation>Clé d’API %1 créée : copiez-la maintenant, elle n’est montrée qu’une fois.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/user_model.cpp" line="317"/>
        <source>The API key is revoked.</source>
        <translation>La clé d’API est révoquée.</translation>
    </message>
</context>
</TS>
