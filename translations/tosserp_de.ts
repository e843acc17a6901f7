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
        <source>Search by name, SKU or barcode (Ctrl+F)</source>
        <translation>Nach Name, Artikelnummer oder Barcode suchen (Ctrl+F)</translation>
    </message>
    <message numerus="yes">
        <location filename="../client/qml/CatalogPage.qml" line="29"/>
        <source>%n product(s)</source>
        <translation>
            <numerusform>%n Produkt</numerusform>
            <numerusform>%n Produkte</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="56"/>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="27"/>
        <source>Stock value</source>
        <translation>Bestandswert</translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="28"/>
        <source>Below reorder point</source>
        <translation>Unter Meldebestand</translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="29"/>
        <source>Products</source>
        <translation>Produkte</translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="31"/>
        <source>Sync</source>
        <translation>Synchronisierung</translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="32"/>
        <source>up to date</source>
        <translation>aktuell</translation>
    </message>
    <message numerus="yes">
        <location filename="../client/qml/DashboardPage.qml" line="32"/>
        <source>%n waiting</source>
        <translation>
            <numerusform>%n wartet</numerusform>
            <numerusform>%n warten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="42"/>
        <source>Stock value per warehouse</source>
        <translation>Bestandswert je Lager</translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="48"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="54"/>
        <source>Most units on hand</source>
        <translation>Größte Bestände</translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="60"/>
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
        <location filename="../client/qml/Main.qml" line="40"/>
        <source>Audit</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location filename="../client/qml/Main.qml" line="41"/>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../client/qml/Main.qml" line="42"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../client/qml/Main.qml" line="45"/>
        <source>Syncing…</source>
        <translation>Wird synchronisiert…</translation>
    </message>
    <message>
        <location filename="../client/qml/Main.qml" line="45"/>
        <source>Sync now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <location filename="../client/qml/Main.qml" line="58"/>
        <location filename="../client/app/main.cpp" line="174"/>
        <source>All work synced</source>
        <translation>Alles synchronisiert</translation>
    </message>
    <message>
        <location filename="../client/qml/Main.qml" line="58"/>
        <source>last sync %1</source>
        <translation>letzte Synchronisierung um %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../client/qml/Main.qml" line="59"/>
        <source>%n change(s) waiting to sync</source>
        <translation>
            <numerusform>%n Änderung wartet auf Synchronisierung</numerusform>
            <numerusform>%n Änderungen warten auf Synchronisierung</numerusform>
        </translation>
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
        <location filename="../client/qml/ProductForm.qml" line="43"/>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <location filename="../client/qml/ProductForm.qml" line="54"/>
        <source>Active (can be sold)</source>
        <translation>Aktiv (verkäuflich)</translation>
    </message>
    <message>
        <location filename="../client/qml/ProductForm.qml" line="56"/>
        <source>Save (Ctrl+S)</source>
        <translation>Speichern (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../client/qml/ProductForm.qml" line="57"/>
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
        <location filename="../client/qml/SettingsPage.qml" line="41"/>
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
        <location filename="../client/qml/SignInPage.qml" line="25"/>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <location filename="../client/qml/SignInPage.qml" line="33"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../client/qml/SignInPage.qml" line="49"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../client/qml/SignInPage.qml" line="55"/>
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
        <location filename="../client/qml/StockPage.qml" line="79"/>
        <source>From location</source>
        <translation>Von Lagerplatz</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="79"/>
        <source>Location</source>
        <translation>Lagerplatz</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="88"/>
        <source>To location</source>
        <translation>Nach Lagerplatz</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="100"/>
        <source>Reason (required)</source>
        <translation>Grund (Pflichtfeld)</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="100"/>
        <source>Note (optional)</source>
        <translation>Notiz (optional)</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="105"/>
        <source>damaged, found, expired…</source>
        <translation>beschädigt, gefunden, abgelaufen…</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="117"/>
        <source>Queued; it goes to the server at the next sync.</source>
        <translation>Vorgemerkt; wird bei der nächsten Synchronisierung an den Server übertragen.</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="139"/>
        <source>Stock on hand</source>
        <translation>Lagerbestand</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="161"/>
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
        <location filename="../client/src/ui/app_state.cpp" line="147"/>
        <source>This product is no longer in the catalog.</source>
        <translation>Dieses Produkt ist nicht mehr im Katalog.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="152"/>
        <source>A name is required.</source>
        <translation>Ein Name ist erforderlich.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="153"/>
        <source>At most 200 characters, on one line.</source>
        <translation>Höchstens 200 Zeichen, in einer Zeile.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="158"/>
        <source>A price such as 12.90 (at most %1 decimals).</source>
        <translation>Ein Preis wie 12.90 (höchstens %1 Nachkommastellen).</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="160"/>
        <source>A price cannot be negative.</source>
        <translation>Ein Preis kann nicht negativ sein.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="220"/>
        <source>Give the server address, your username and your password.</source>
        <translation>Geben Sie Serveradresse, Benutzername und Passwort ein.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="226"/>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="234"/>
        <source>Working offline: your work is kept and sent at the next sync.</source>
        <translation>Offline-Modus: Ihre Arbeit wird gespeichert und bei der nächsten Synchronisierung übertragen.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="244"/>
        <source>Syncing…</source>
        <translation>Wird synchronisiert…</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="301"/>
        <source>No product with the code %1.</source>
        <translation>Kein Produkt mit dem Code %1.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="307"/>
        <source>Give a quantity in %1.</source>
        <translation>Geben Sie eine Menge in %1 an.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="319"/>
        <source>Give a positive quantity in %1.</source>
        <translation>Geben Sie eine positive Menge in %1 ein.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="326"/>
        <source>Choose the location the goods go to.</source>
        <translation>Wählen Sie den Ziel-Lagerplatz.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="329"/>
        <source>The goods must go to another location.</source>
        <translation>Die Ware muss an einen anderen Lagerplatz.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="338"/>
        <source>Give the change in %1, negative for a loss.</source>
        <translation>Geben Sie die Änderung in %1 an, negativ bei Verlust.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="341"/>
        <source>Say why the stock changes (damaged, found, …).</source>
        <translation>Geben Sie an, warum sich der Bestand ändert (beschädigt, gefunden, …).</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="348"/>
        <source>A count cannot be negative.</source>
        <translation>Eine Zählung kann nicht negativ sein.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="357"/>
        <source>Unknown kind of movement: %1.</source>
        <translation>Unbekannte Bewegungsart: %1.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="313"/>
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
        <location filename="../client/src/ui/audit_model.cpp" line="125"/>
        <source>Nothing recorded yet.</source>
        <translation>Noch nichts aufgezeichnet.</translation>
    </message>
</context>
<context>
    <name>tosserp::client::OrderModel</name>
    <message>
        <location filename="../client/src/ui/order_model.cpp" line="95"/>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <location filename="../client/src/ui/order_model.cpp" line="107"/>
        <source>No product with the code %1.</source>
        <translation>Kein Produkt mit dem Code %1.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/order_model.cpp" line="113"/>
        <source>Choose a customer and a warehouse.</source>
        <translation>Wählen Sie einen Kunden und ein Lager.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/order_model.cpp" line="132"/>
        <source>Say why the order is cancelled.</source>
        <translation>Geben Sie an, warum der Auftrag storniert wird.</translation>
    </message>
</context>
<context>
    <name>tosserp::client::SyncWorker</name>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="25"/>
        <location filename="../client/src/ui/sync_worker.cpp" line="67"/>
        <source>The server cannot be reached (%1).</source>
        <translation>Der Server ist nicht erreichbar (%1).</translation>
    </message>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="27"/>
        <source>The username or password is not right.</source>
        <translation>Benutzername oder Passwort ist falsch.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="29"/>
        <source>This account is locked after too many attempts; try again later.</source>
        <translation>Dieses Konto ist nach zu vielen Anmeldeversuchen gesperrt; versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="31"/>
        <source>This account is disabled; ask an administrator.</source>
        <translation>Dieses Konto ist deaktiviert; wenden Sie sich an einen Administrator.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="33"/>
        <source>Sign-in refused (%1).</source>
        <translation>Anmeldung abgelehnt (%1).</translation>
    </message>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="43"/>
        <source>Signed in.</source>
        <translation>Angemeldet.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="73"/>
        <source>The server refused (HTTP %1).</source>
        <translation>Der Server hat abgelehnt (HTTP %1).</translation>
    </message>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="119"/>
        <location filename="../client/src/ui/sync_worker.cpp" line="123"/>
        <source>Order %1 placed: stock and payment follow.</source>
        <translation>Auftrag %1 erteilt: Reservierung und Zahlung folgen.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="127"/>
        <source>Order %1 cancelled.</source>
        <translation>Auftrag %1 storniert.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="131"/>
        <source>Refunded %1.</source>
        <translation>%1 erstattet.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="186"/>
        <source>Synced.</source>
        <translation>Synchronisiert.</translation>
    </message>
</context>
</TS>
