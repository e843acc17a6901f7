<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../client/qml/AuditPage.qml" line="13"/>
        <source>Audit trail</source>
        <translation>Änderungsprotokoll</translation>
    </message>
    <message>
        <location filename="../client/qml/AuditPage.qml" line="19"/>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <location filename="../client/qml/AuditPage.qml" line="20"/>
        <source>Order</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <location filename="../client/qml/AuditPage.qml" line="21"/>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location filename="../client/qml/AuditPage.qml" line="22"/>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <location filename="../client/qml/AuditPage.qml" line="27"/>
        <source>SKU or barcode</source>
        <translation>Artikelnummer oder Barcode</translation>
    </message>
    <message>
        <location filename="../client/qml/AuditPage.qml" line="27"/>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location filename="../client/qml/AuditPage.qml" line="31"/>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
</context>
<context>
    <name>CatalogPage</name>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="25"/>
        <source>Import products from CSV</source>
        <translation>Produkte aus CSV importieren</translation>
    </message>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="26"/>
        <location filename="../client/qml/CatalogPage.qml" line="34"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="31"/>
        <source>Export products to CSV</source>
        <translation>Produkte als CSV exportieren</translation>
    </message>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="39"/>
        <location filename="../client/qml/CatalogPage.qml" line="101"/>
        <source>New category</source>
        <translation>Neue Kategorie</translation>
    </message>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="48"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="74"/>
        <source>Search by name, SKU or barcode (Ctrl+F)</source>
        <translation>Nach Name, Artikelnummer oder Barcode suchen (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="81"/>
        <source>Newest last</source>
        <translation>Neueste zuletzt</translation>
    </message>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="81"/>
        <source>By SKU</source>
        <translation>Nach Artikelnummer</translation>
    </message>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="81"/>
        <source>By name</source>
        <translation>Nach Name</translation>
    </message>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="91"/>
        <source>All categories</source>
        <translation>Alle Kategorien</translation>
    </message>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="96"/>
        <source>New product (Ctrl+N)</source>
        <translation>Neues Produkt (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="106"/>
        <source>Import CSV…</source>
        <translation>CSV importieren…</translation>
    </message>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="112"/>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="134"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="163"/>
        <source>The first %1 shown; search to narrow</source>
        <translation>Die ersten %1 angezeigt; suchen Sie, um einzugrenzen</translation>
    </message>
    <message numerus="yes">
        <location filename="../client/qml/CatalogPage.qml" line="164"/>
        <source>%n product(s)</source>
        <translation>
            <numerusform>%n Produkt</numerusform>
            <numerusform>%n Produkte</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="192"/>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="29"/>
        <source>Figures of %1; updating…</source>
        <translation>Zahlen von %1; werden aktualisiert…</translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="29"/>
        <source>Summing up the stock…</source>
        <translation>Bestand wird summiert…</translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="36"/>
        <source>Stock value</source>
        <translation>Bestandswert</translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="37"/>
        <source>Below reorder point</source>
        <translation>Unter Meldebestand</translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="38"/>
        <source>Products</source>
        <translation>Produkte</translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="39"/>
        <source>Movements today</source>
        <translation>Bewegungen heute</translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="40"/>
        <source>Orders today</source>
        <translation>Aufträge heute</translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="42"/>
        <source>Sync</source>
        <translation>Synchronisierung</translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="43"/>
        <source>up to date</source>
        <translation>aktuell</translation>
    </message>
    <message numerus="yes">
        <location filename="../client/qml/DashboardPage.qml" line="43"/>
        <source>%n waiting</source>
        <translation>
            <numerusform>%n wartet</numerusform>
            <numerusform>%n warten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="53"/>
        <source>Stock value per warehouse</source>
        <translation>Bestandswert je Lager</translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="59"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="65"/>
        <source>Most units on hand</source>
        <translation>Größte Bestände</translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="71"/>
        <source>Units</source>
        <translation>Einheiten</translation>
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
        <translation>Übersicht</translation>
    </message>
    <message>
        <location filename="../client/qml/Main.qml" line="37"/>
        <source>Catalog</source>
        <translation>Katalog</translation>
    </message>
    <message>
        <location filename="../client/qml/Main.qml" line="38"/>
        <source>Stock</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <location filename="../client/qml/Main.qml" line="39"/>
        <source>Orders</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <location filename="../client/qml/Main.qml" line="41"/>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location filename="../client/qml/Main.qml" line="42"/>
        <source>Audit</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location filename="../client/qml/Main.qml" line="43"/>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../client/qml/Main.qml" line="44"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../client/qml/Main.qml" line="61"/>
        <source>Syncing…</source>
        <translation>Wird synchronisiert…</translation>
    </message>
    <message>
        <location filename="../client/qml/Main.qml" line="61"/>
        <source>Sync now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <location filename="../client/qml/Main.qml" line="77"/>
        <location filename="../client/app/main.cpp" line="174"/>
        <source>All work synced</source>
        <translation>Alles synchronisiert</translation>
    </message>
    <message>
        <location filename="../client/qml/Main.qml" line="77"/>
        <source>last sync %1</source>
        <translation>letzte Synchronisierung um %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../client/qml/Main.qml" line="78"/>
        <source>%n change(s) waiting to sync</source>
        <translation>
            <numerusform>%n Änderung wartet auf Synchronisierung</numerusform>
            <numerusform>%n Änderungen warten auf Synchronisierung</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewProductForm</name>
    <message>
        <location filename="../client/qml/NewProductForm.qml" line="34"/>
        <source>New product</source>
        <translation>Neues Produkt</translation>
    </message>
    <message>
        <location filename="../client/qml/NewProductForm.qml" line="35"/>
        <source>SKU</source>
        <translation>Artikelnummer</translation>
    </message>
    <message>
        <location filename="../client/qml/NewProductForm.qml" line="38"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../client/qml/NewProductForm.qml" line="41"/>
        <source>Price and currency</source>
        <translation>Preis und Währung</translation>
    </message>
    <message>
        <location filename="../client/qml/NewProductForm.qml" line="53"/>
        <source>Unit and category</source>
        <translation>Einheit und Kategorie</translation>
    </message>
    <message>
        <location filename="../client/qml/NewProductForm.qml" line="61"/>
        <source>No category</source>
        <translation>Keine Kategorie</translation>
    </message>
    <message>
        <location filename="../client/qml/NewProductForm.qml" line="66"/>
        <source>Barcodes (scan or type, separated by spaces)</source>
        <translation>Barcodes (scannen oder eingeben, durch Leerzeichen getrennt)</translation>
    </message>
    <message>
        <location filename="../client/qml/NewProductForm.qml" line="79"/>
        <source>Create (Ctrl+S)</source>
        <translation>Anlegen (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../client/qml/NewProductForm.qml" line="84"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="26"/>
        <source>Orders</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="28"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="38"/>
        <source>No orders yet.</source>
        <translation>Noch keine Aufträge.</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="69"/>
        <location filename="../client/qml/OrdersPage.qml" line="144"/>
        <source>Order %1</source>
        <translation>Auftrag %1</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="75"/>
        <source>payment %1</source>
        <translation>Zahlung %1</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="88"/>
        <source>Your role may look at orders, not change them.</source>
        <translation>Ihre Rolle darf Aufträge ansehen, nicht ändern.</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="98"/>
        <source>New order</source>
        <translation>Neuer Auftrag</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="106"/>
        <location filename="../client/qml/OrdersPage.qml" line="107"/>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="116"/>
        <source>Warehouse</source>
        <translation>Lager</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="122"/>
        <source>Product: scan or type SKU or barcode</source>
        <translation>Produkt: Artikelnummer oder Barcode scannen oder eingeben</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="129"/>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="137"/>
        <source>Place order</source>
        <translation>Auftrag erteilen</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="144"/>
        <source>Select an order</source>
        <translation>Auftrag auswählen</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="152"/>
        <source>Why it is cancelled</source>
        <translation>Grund der Stornierung</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="157"/>
        <source>Cancel order</source>
        <translation>Auftrag stornieren</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="166"/>
        <source>Refund up to %1</source>
        <translation>Erstattung bis %1</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="166"/>
        <source>Refund amount</source>
        <translation>Erstattungsbetrag</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="172"/>
        <source>Refund</source>
        <translation>Erstatten</translation>
    </message>
</context>
<context>
    <name>ProductForm</name>
    <message>
        <location filename="../client/qml/ProductForm.qml" line="21"/>
        <source>Changes of this product wait to sync.</source>
        <translation>Änderungen an diesem Produkt warten auf die Synchronisierung.</translation>
    </message>
    <message>
        <location filename="../client/qml/ProductForm.qml" line="27"/>
        <source>Saved; it goes to the server at the next sync.</source>
        <translation>Gespeichert; es geht bei der nächsten Synchronisierung an den Server.</translation>
    </message>
    <message>
        <location filename="../client/qml/ProductForm.qml" line="35"/>
        <source>Product %1</source>
        <translation>Produkt %1</translation>
    </message>
    <message>
        <location filename="../client/qml/ProductForm.qml" line="36"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../client/qml/ProductForm.qml" line="44"/>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <location filename="../client/qml/ProductForm.qml" line="55"/>
        <source>Active (can be sold)</source>
        <translation>Aktiv (verkäuflich)</translation>
    </message>
    <message>
        <location filename="../client/qml/ProductForm.qml" line="57"/>
        <source>Save (Ctrl+S)</source>
        <translation>Speichern (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../client/qml/ProductForm.qml" line="58"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../client/qml/SettingsPage.qml" line="10"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../client/qml/SettingsPage.qml" line="13"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../client/qml/SettingsPage.qml" line="20"/>
        <source>As the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <location filename="../client/qml/SettingsPage.qml" line="30"/>
        <source>Dark theme</source>
        <translation>Dunkles Design</translation>
    </message>
    <message>
        <location filename="../client/qml/SettingsPage.qml" line="35"/>
        <source>About</source>
        <translation>Info</translation>
    </message>
    <message>
        <location filename="../client/qml/SettingsPage.qml" line="39"/>
        <source>TossErp %1</source>
        <translation>TossErp %1</translation>
    </message>
    <message>
        <location filename="../client/qml/SettingsPage.qml" line="40"/>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <location filename="../client/qml/SettingsPage.qml" line="40"/>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <location filename="../client/qml/SettingsPage.qml" line="44"/>
        <source>Server version %1, sync protocol %2</source>
        <translation>Serverversion %1, Sync-Protokoll %2</translation>
    </message>
    <message>
        <location filename="../client/qml/SettingsPage.qml" line="45"/>
        <source>Server version: known after the next sync</source>
        <translation>Serverversion: nach der nächsten Synchronisierung bekannt</translation>
    </message>
    <message>
        <location filename="../client/qml/SettingsPage.qml" line="47"/>
        <source>This client speaks sync protocol %1</source>
        <translation>Dieser Client spricht Sync-Protokoll %1</translation>
    </message>
    <message>
        <location filename="../client/qml/SettingsPage.qml" line="48"/>
        <source>Products in this replica: %1</source>
        <translation>Produkte in diesem Replikat: %1</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../client/qml/SignInPage.qml" line="13"/>
        <source>Sign in to TossErp</source>
        <translation>Bei TossErp anmelden</translation>
    </message>
    <message>
        <location filename="../client/qml/SignInPage.qml" line="17"/>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <location filename="../client/qml/SignInPage.qml" line="26"/>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <location filename="../client/qml/SignInPage.qml" line="35"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../client/qml/SignInPage.qml" line="52"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../client/qml/SignInPage.qml" line="58"/>
        <source>Work offline</source>
        <translation>Offline arbeiten</translation>
    </message>
</context>
<context>
    <name>StockPage</name>
    <message>
        <location filename="../client/qml/StockPage.qml" line="22"/>
        <source>Receive goods</source>
        <translation>Wareneingang</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="23"/>
        <source>Move stock</source>
        <translation>Umlagern</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="23"/>
        <source>Move (works offline)</source>
        <translation>Umlagern (auch offline)</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="24"/>
        <source>Adjust stock</source>
        <translation>Korrektur</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="24"/>
        <source>Adjust (works offline)</source>
        <translation>Korrigieren (auch offline)</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="25"/>
        <source>Count stock</source>
        <translation>Inventur</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="25"/>
        <source>Record count (works offline)</source>
        <translation>Zählung erfassen (auch offline)</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="51"/>
        <source>Scan or type a barcode or SKU, then Enter</source>
        <translation>Barcode oder Artikelnummer scannen oder eingeben, dann Enter drücken</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="62"/>
        <source>Found %1</source>
        <translation>Gefunden: %1</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="62"/>
        <source>No product with this code</source>
        <translation>Kein Produkt mit diesem Code</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="70"/>
        <source>Change (negative for a loss)</source>
        <translation>Änderung (negativ bei Verlust)</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="71"/>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="22"/>
        <source>Receive (works offline)</source>
        <translation>Einbuchen (auch offline möglich)</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="71"/>
        <source>Counted quantity</source>
        <translation>Gezählte Menge</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="80"/>
        <source>From location</source>
        <translation>Von Lagerplatz</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="80"/>
        <source>Location</source>
        <translation>Lagerplatz</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="89"/>
        <source>To location</source>
        <translation>Nach Lagerplatz</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="101"/>
        <source>Reason (required)</source>
        <translation>Grund (Pflichtfeld)</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="101"/>
        <source>Note (optional)</source>
        <translation>Notiz (optional)</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="106"/>
        <source>damaged, found, expired…</source>
        <translation>beschädigt, gefunden, abgelaufen…</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="118"/>
        <source>Queued; it goes to the server at the next sync.</source>
        <translation>Vorgemerkt; wird bei der nächsten Synchronisierung an den Server übertragen.</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="142"/>
        <source>Stock on hand</source>
        <translation>Lagerbestand</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="148"/>
        <source>Only this SKU or barcode</source>
        <translation>Nur diese Artikelnummer oder dieser Barcode</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="155"/>
        <source>The first %1 shown; enter a code to narrow</source>
        <translation>Die ersten %1 angezeigt; geben Sie einen Code ein, um einzugrenzen</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="177"/>
        <source>(%1 pending)</source>
        <translation>(%1 ausstehend)</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../client/qml/SyncPage.qml" line="13"/>
        <source>Sync</source>
        <translation>Synchronisierung</translation>
    </message>
    <message>
        <location filename="../client/qml/SyncPage.qml" line="16"/>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <location filename="../client/qml/SyncPage.qml" line="16"/>
        <source>none</source>
        <translation>nicht festgelegt</translation>
    </message>
    <message>
        <location filename="../client/qml/SyncPage.qml" line="17"/>
        <source>Signed in as: %1</source>
        <translation>Angemeldet als: %1</translation>
    </message>
    <message>
        <location filename="../client/qml/SyncPage.qml" line="17"/>
        <source>nobody</source>
        <translation>niemand</translation>
    </message>
    <message>
        <location filename="../client/qml/SyncPage.qml" line="18"/>
        <source>Waiting to sync: %1</source>
        <translation>Nicht synchronisiert: %1</translation>
    </message>
    <message>
        <location filename="../client/qml/SyncPage.qml" line="31"/>
        <source>No conflicts.</source>
        <translation>Keine Konflikte.</translation>
    </message>
    <message numerus="yes">
        <location filename="../client/qml/SyncPage.qml" line="32"/>
        <source>%n conflict(s): someone else changed the same field. Keep one.</source>
        <translation>
            <numerusform>%n Konflikt: Jemand anderes hat dasselbe Feld geändert. Behalten Sie eine Fassung.</numerusform>
            <numerusform>%n Konflikte: Jemand anderes hat dasselbe Feld geändert. Behalten Sie jeweils eine Fassung.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../client/qml/SyncPage.qml" line="54"/>
        <source>Was</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <location filename="../client/qml/SyncPage.qml" line="56"/>
        <source>Mine</source>
        <translation>Meine</translation>
    </message>
    <message>
        <location filename="../client/qml/SyncPage.qml" line="58"/>
        <source>Keep mine</source>
        <translation>Meine behalten</translation>
    </message>
    <message>
        <location filename="../client/qml/SyncPage.qml" line="60"/>
        <source>Theirs</source>
        <translation>Die andere</translation>
    </message>
    <message>
        <location filename="../client/qml/SyncPage.qml" line="62"/>
        <source>Keep theirs</source>
        <translation>Die andere behalten</translation>
    </message>
    <message>
        <location filename="../client/qml/SyncPage.qml" line="19"/>
        <source>Last sync: %1</source>
        <translation>Letzte Synchronisierung: %1</translation>
    </message>
    <message>
        <location filename="../client/qml/SyncPage.qml" line="19"/>
        <source>not in this session</source>
        <translation>in dieser Sitzung noch nicht</translation>
    </message>
    <message>
        <location filename="../client/qml/SyncPage.qml" line="26"/>
        <source>Sync now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="82"/>
        <source>Only administrators manage users and roles.</source>
        <translation>Nur Administratoren verwalten Benutzer und Rollen.</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="97"/>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="105"/>
        <location filename="../client/qml/UsersPage.qml" line="221"/>
        <source>New user</source>
        <translation>Neuer Benutzer</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="113"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="150"/>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="150"/>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="162"/>
        <source>API keys</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="176"/>
        <source>revoked %1</source>
        <translation>widerrufen %1</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="177"/>
        <source>last used %1</source>
        <translation>zuletzt benutzt %1</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="178"/>
        <source>never used</source>
        <translation>nie benutzt</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="184"/>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="191"/>
        <source>Key name</source>
        <translation>Name des Schlüssels</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="198"/>
        <source>Create key</source>
        <translation>Schlüssel erzeugen</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="221"/>
        <source>User %1</source>
        <translation>Benutzer %1</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="225"/>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="227"/>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="229"/>
        <source>New password</source>
        <translation>Neues Passwort</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="229"/>
        <source>Password (at least 8 characters)</source>
        <translation>Passwort (mindestens 8 Zeichen)</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="234"/>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="239"/>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="247"/>
        <source>per warehouse</source>
        <translation>je Lager</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="252"/>
        <source>Warehouses (for roles per warehouse)</source>
        <translation>Lager (für Rollen je Lager)</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="269"/>
        <source>Save roles</source>
        <translation>Rollen speichern</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="269"/>
        <source>Create user</source>
        <translation>Benutzer anlegen</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="279"/>
        <source>Disable</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="279"/>
        <source>Enable</source>
        <translation>Aktivieren</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../client/app/main.cpp" line="86"/>
        <source>TossErp desktop client</source>
        <translation>TossErp-Desktop-Client</translation>
    </message>
    <message>
        <location filename="../client/app/main.cpp" line="89"/>
        <source>Replica file.</source>
        <translation>Replikatdatei.</translation>
    </message>
    <message>
        <location filename="../client/app/main.cpp" line="90"/>
        <source>Server address.</source>
        <translation>Serveradresse.</translation>
    </message>
    <message>
        <location filename="../client/app/main.cpp" line="92"/>
        <source>Load every page offscreen and quit; non-zero on any QML warning.</source>
        <translation>Alle Seiten im Hintergrund (offscreen) laden und beenden; Exit-Code ungleich null bei jeder QML-Warnung.</translation>
    </message>
    <message>
        <location filename="../client/app/main.cpp" line="94"/>
        <source>With --self-test: save a PNG per page here.</source>
        <translation>Mit --self-test: pro Seite ein PNG hier speichern.</translation>
    </message>
    <message>
        <location filename="../client/app/main.cpp" line="96"/>
        <source>Interface language for this run (en, de, fr, es).</source>
        <translation>Sprache der Oberfläche für diesen Start (en, de, fr, es).</translation>
    </message>
</context>
<context>
    <name>tosserp::client::AppState</name>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="92"/>
        <source>Syncing… %L1 changes received</source>
        <translation>Synchronisierung… %L1 Änderungen empfangen</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="202"/>
        <source>This product is no longer in the catalog.</source>
        <translation>Dieses Produkt ist nicht mehr im Katalog.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="207"/>
        <source>A name is required.</source>
        <translation>Ein Name ist erforderlich.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="208"/>
        <source>At most 200 characters, on one line.</source>
        <translation>Höchstens 200 Zeichen, in einer Zeile.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="213"/>
        <source>A price such as 12.90 (at most %1 decimals).</source>
        <translation>Ein Preis wie 12.90 (höchstens %1 Nachkommastellen).</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="215"/>
        <source>A price cannot be negative.</source>
        <translation>Ein Preis kann nicht negativ sein.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="275"/>
        <source>Give the server address, your username and your password.</source>
        <translation>Geben Sie Serveradresse, Benutzername und Passwort ein.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="281"/>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="289"/>
        <source>Working offline: your work is kept and sent at the next sync.</source>
        <translation>Offline-Modus: Ihre Arbeit wird gespeichert und bei der nächsten Synchronisierung übertragen.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="299"/>
        <source>Syncing…</source>
        <translation>Wird synchronisiert…</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="356"/>
        <source>No product with the code %1.</source>
        <translation>Kein Produkt mit dem Code %1.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="362"/>
        <source>Give a quantity in %1.</source>
        <translation>Geben Sie eine Menge in %1 an.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="374"/>
        <source>Give a positive quantity in %1.</source>
        <translation>Geben Sie eine positive Menge in %1 ein.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="381"/>
        <source>Choose the location the goods go to.</source>
        <translation>Wählen Sie den Ziel-Lagerplatz.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="384"/>
        <source>The goods must go to another location.</source>
        <translation>Die Ware muss an einen anderen Lagerplatz.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="393"/>
        <source>Give the change in %1, negative for a loss.</source>
        <translation>Geben Sie die Änderung in %1 an, negativ bei Verlust.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="396"/>
        <source>Say why the stock changes (damaged, found, …).</source>
        <translation>Geben Sie an, warum sich der Bestand ändert (beschädigt, gefunden, …).</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="403"/>
        <source>A count cannot be negative.</source>
        <translation>Eine Zählung kann nicht negativ sein.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="412"/>
        <source>Unknown kind of movement: %1.</source>
        <translation>Unbekannte Bewegungsart: %1.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="368"/>
        <source>Choose a location.</source>
        <translation>Wählen Sie einen Lagerort aus.</translation>
    </message>
</context>
<context>
    <name>tosserp::client::AuditModel</name>
    <message>
        <location filename="../client/src/ui/audit_model.cpp" line="96"/>
        <source>No product with the code %1.</source>
        <translation>Kein Produkt mit dem Code %1.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/audit_model.cpp" line="97"/>
        <source>Give the number of the order or user.</source>
        <translation>Geben Sie die Nummer des Auftrags oder Benutzers an.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/audit_model.cpp" line="155"/>
        <source>Nothing recorded yet.</source>
        <translation>Noch nichts aufgezeichnet.</translation>
    </message>
</context>
<context>
    <name>tosserp::client::CatalogActions</name>
    <message>
        <location filename="../client/src/ui/catalog_actions.cpp" line="48"/>
        <source>Letters, digits and - _ . / (starting with a letter or digit), at most 64.</source>
        <translation>Buchstaben, Ziffern und - _ . / (beginnend mit Buchstabe oder Ziffer), höchstens 64.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/catalog_actions.cpp" line="51"/>
        <source>A name is required: at most 200 characters, on one line.</source>
        <translation>Ein Name ist nötig: höchstens 200 Zeichen, in einer Zeile.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/catalog_actions.cpp" line="54"/>
        <source>A price such as 12.90, not negative.</source>
        <translation>Ein Preis wie 12.90, nicht negativ.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/catalog_actions.cpp" line="57"/>
        <source>A currency code such as EUR.</source>
        <translation>Ein Währungscode wie EUR.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/catalog_actions.cpp" line="60"/>
        <source>A unit such as pcs, kg or m.</source>
        <translation>Eine Einheit wie pcs, kg oder m.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/catalog_actions.cpp" line="63"/>
        <source>EAN-13, EAN-8 or UPC-A with its check digit, or a code without spaces.</source>
        <translation>EAN-13, EAN-8 oder UPC-A mit Prüfziffer, oder ein Code ohne Leerzeichen.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/catalog_actions.cpp" line="65"/>
        <source>Not accepted.</source>
        <translation>Nicht angenommen.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/catalog_actions.cpp" line="176"/>
        <location filename="../client/src/ui/catalog_actions.cpp" line="205"/>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <location filename="../client/src/ui/catalog_actions.cpp" line="187"/>
        <source>Product %1 created.</source>
        <translation>Produkt %1 angelegt.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/catalog_actions.cpp" line="202"/>
        <source>A category needs a name.</source>
        <translation>Eine Kategorie braucht einen Namen.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/catalog_actions.cpp" line="208"/>
        <source>Category %1 created.</source>
        <translation>Kategorie %1 angelegt.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/catalog_actions.cpp" line="221"/>
        <source>Importing…</source>
        <translation>Wird importiert…</translation>
    </message>
    <message>
        <location filename="../client/src/ui/catalog_actions.cpp" line="231"/>
        <source>Exporting…</source>
        <translation>Wird exportiert…</translation>
    </message>
</context>
<context>
    <name>tosserp::client::OrderModel</name>
    <message>
        <location filename="../client/src/ui/order_model.cpp" line="115"/>
        <location filename="../client/src/ui/order_model.cpp" line="146"/>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <location filename="../client/src/ui/order_model.cpp" line="135"/>
        <source>No product with the code %1.</source>
        <translation>Kein Produkt mit dem Code %1.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/order_model.cpp" line="141"/>
        <source>Choose a customer and a warehouse.</source>
        <translation>Wählen Sie einen Kunden und ein Lager.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/order_model.cpp" line="170"/>
        <source>Order %1 placed: stock and payment follow.</source>
        <translation>Auftrag %1 erteilt: Reservierung und Zahlung folgen.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/order_model.cpp" line="177"/>
        <source>Say why the order is cancelled.</source>
        <translation>Geben Sie an, warum der Auftrag storniert wird.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/order_model.cpp" line="182"/>
        <source>Order %1 cancelled.</source>
        <translation>Auftrag %1 storniert.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/order_model.cpp" line="189"/>
        <source>Refunded %1.</source>
        <translation>%1 erstattet.</translation>
    </message>
</context>
<context>
    <name>tosserp::client::SyncWorker</name>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="24"/>
        <source>The server&apos;s certificate is not trusted on this computer (%1). Check the address, or ask IT to install the company&apos;s certificate authority.</source>
        <translation>Dem Zertifikat des Servers wird auf diesem Computer nicht vertraut (%1). Prüfen Sie die Adresse, oder bitten Sie die IT, die Zertifizierungsstelle der Firma zu installieren.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="28"/>
        <location filename="../client/src/ui/sync_worker.cpp" line="70"/>
        <source>The server cannot be reached (%1).</source>
        <translation>Der Server ist nicht erreichbar (%1).</translation>
    </message>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="30"/>
        <source>The username or password is not right.</source>
        <translation>Benutzername oder Passwort ist falsch.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="32"/>
        <source>This account is locked after too many attempts; try again later.</source>
        <translation>Dieses Konto ist nach zu vielen Anmeldeversuchen gesperrt; versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="34"/>
        <source>This account is disabled; ask an administrator.</source>
        <translation>Dieses Konto ist deaktiviert; wenden Sie sich an einen Administrator.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="36"/>
        <source>Sign-in refused (%1).</source>
        <translation>Anmeldung abgelehnt (%1).</translation>
    </message>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="46"/>
        <source>Signed in.</source>
        <translation>Angemeldet.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="76"/>
        <source>The server refused (HTTP %1).</source>
        <translation>Der Server hat abgelehnt (HTTP %1).</translation>
    </message>
    <message numerus="yes">
        <location filename="../client/src/ui/sync_worker.cpp" line="107"/>
        <source>%n product(s) created</source>
        <translation>
            <numerusform>%n Produkt angelegt</numerusform>
            <numerusform>%n Produkte angelegt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../client/src/ui/sync_worker.cpp" line="108"/>
        <source>%n row(s) rejected</source>
        <translation>
            <numerusform>%n Zeile abgelehnt</numerusform>
            <numerusform>%n Zeilen abgelehnt</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="110"/>
        <source>Stopped at %1.</source>
        <translation>Abgebrochen bei %1.</translation>
    </message>
    <message numerus="yes">
        <location filename="../client/src/ui/sync_worker.cpp" line="128"/>
        <source>%n product(s) written to %1.</source>
        <translation>
            <numerusform>%n Produkt nach %1 geschrieben.</numerusform>
            <numerusform>%n Produkte nach %1 geschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="149"/>
        <source>Synced.</source>
        <translation>Synchronisiert.</translation>
    </message>
</context>
<context>
    <name>tosserp::client::UserModel</name>
    <message>
        <location filename="../client/src/ui/user_model.cpp" line="235"/>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <location filename="../client/src/ui/user_model.cpp" line="254"/>
        <source>A username is required.</source>
        <translation>Ein Benutzername ist nötig.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/user_model.cpp" line="258"/>
        <location filename="../client/src/ui/user_model.cpp" line="278"/>
        <source>A password has at least 8 characters.</source>
        <translation>Ein Passwort hat mindestens 8 Zeichen.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/user_model.cpp" line="266"/>
        <source>User %1 created.</source>
        <translation>Benutzer %1 angelegt.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/user_model.cpp" line="272"/>
        <source>The account is enabled.</source>
        <translation>Das Konto ist aktiviert.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/user_model.cpp" line="272"/>
        <source>The account is disabled; its sessions end.</source>
        <translation>Das Konto ist deaktiviert; seine Sitzungen enden.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/user_model.cpp" line="282"/>
        <source>The password is reset.</source>
        <translation>Das Passwort ist zurückgesetzt.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/user_model.cpp" line="289"/>
        <source>Roles and warehouses saved.</source>
        <translation>Rollen und Lager gespeichert.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/user_model.cpp" line="295"/>
        <source>An API key needs a name.</source>
        <translation>Ein API-Schlüssel braucht einen Namen.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/user_model.cpp" line="307"/>
        <source>Choose at least one role whose permissions the key gets.</source>
        <translation>Wählen Sie mindestens eine Rolle, deren Rechte der Schlüssel erhält.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/user_model.cpp" line="311"/>
        <source>API key %1 created: copy it now, it is shown once.</source>
        <translation>API-Schlüssel %1 erzeugt: kopieren Sie ihn jetzt, er wird nur einmal gezeigt.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/user_model.cpp" line="317"/>
        <source>The API key is revoked.</source>
        <translation>Der API-Schlüssel ist widerrufen.</translation>
    </message>
</context>
</TS>
