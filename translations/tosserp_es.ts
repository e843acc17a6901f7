<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../client/qml/AuditPage.qml" line="13"/>
        <source>Audit trail</source>
        <translation>Registro de cambios</translation>
    </message>
    <message>
        <location filename="../client/qml/AuditPage.qml" line="19"/>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <location filename="../client/qml/AuditPage.qml" line="20"/>
        <source>Order</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <location filename="../client/qml/AuditPage.qml" line="21"/>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <location filename="../client/qml/AuditPage.qml" line="22"/>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <location filename="../client/qml/AuditPage.qml" line="27"/>
        <source>SKU or barcode</source>
        <translation>Referencia o código de barras</translation>
    </message>
    <message>
        <location filename="../client/qml/AuditPage.qml" line="27"/>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <location filename="../client/qml/AuditPage.qml" line="31"/>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
</context>
<context>
    <name>CatalogPage</name>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="25"/>
        <source>Import products from CSV</source>
        <translation>Importar productos desde CSV</translation>
    </message>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="26"/>
        <location filename="../client/qml/CatalogPage.qml" line="34"/>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="31"/>
        <source>Export products to CSV</source>
        <translation>Exportar productos a CSV</translation>
    </message>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="39"/>
        <location filename="../client/qml/CatalogPage.qml" line="101"/>
        <source>New category</source>
        <translation>Nueva categoría</translation>
    </message>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="48"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="74"/>
        <source>Search by name, SKU or barcode (Ctrl+F)</source>
        <translation>Buscar por nombre, SKU o código de barras (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="81"/>
        <source>Newest last</source>
        <translation>Los más nuevos al final</translation>
    </message>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="81"/>
        <source>By SKU</source>
        <translation>Por SKU</translation>
    </message>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="81"/>
        <source>By name</source>
        <translation>Por nombre</translation>
    </message>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="91"/>
        <source>All categories</source>
        <translation>Todas las categorías</translation>
    </message>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="96"/>
        <source>New product (Ctrl+N)</source>
        <translation>Nuevo producto (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="106"/>
        <source>Import CSV…</source>
        <translation>Importar CSV…</translation>
    </message>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="112"/>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="134"/>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="163"/>
        <source>The first %1 shown; search to narrow</source>
        <translation>Se muestran los primeros %1; busque para acotar</translation>
    </message>
    <message numerus="yes">
        <location filename="../client/qml/CatalogPage.qml" line="164"/>
        <source>%n product(s)</source>
        <translation>
            <numerusform>%n producto</numerusform>
            <numerusform>%n productos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../client/qml/CatalogPage.qml" line="192"/>
        <source>pending</source>
        <translation>pendiente</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="29"/>
        <source>Figures of %1; updating…</source>
        <translation>Cifras de %1; actualizando…</translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="29"/>
        <source>Summing up the stock…</source>
        <translation>Sumando el stock…</translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="36"/>
        <source>Stock value</source>
        <translation>Valor de existencias</translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="37"/>
        <source>Below reorder point</source>
        <translation>Bajo el punto de pedido</translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="38"/>
        <source>Products</source>
        <translation>Productos</translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="39"/>
        <source>Movements today</source>
        <translation>Movimientos de hoy</translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="40"/>
        <source>Orders today</source>
        <translation>Pedidos de hoy</translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="42"/>
        <source>Sync</source>
        <translation>Sincronización</translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="43"/>
        <source>up to date</source>
        <translation>al día</translation>
    </message>
    <message numerus="yes">
        <location filename="../client/qml/DashboardPage.qml" line="43"/>
        <source>%n waiting</source>
        <translation>
            <numerusform>%n pendiente</numerusform>
            <numerusform>%n pendientes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="53"/>
        <source>Stock value per warehouse</source>
        <translation>Valor de existencias por almacén</translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="59"/>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="65"/>
        <source>Most units on hand</source>
        <translation>Mayores existencias</translation>
    </message>
    <message>
        <location filename="../client/qml/DashboardPage.qml" line="71"/>
        <source>Units</source>
        <translation>Unidades</translation>
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
        <translation>Panel</translation>
    </message>
    <message>
        <location filename="../client/qml/Main.qml" line="37"/>
        <source>Catalog</source>
        <translation>Catálogo</translation>
    </message>
    <message>
        <location filename="../client/qml/Main.qml" line="38"/>
        <source>Stock</source>
        <translation>Existencias</translation>
    </message>
    <message>
        <location filename="../client/qml/Main.qml" line="39"/>
        <source>Orders</source>
        <translation>Pedidos</translation>
    </message>
    <message>
        <location filename="../client/qml/Main.qml" line="41"/>
        <source>Users</source>
        <translation>Usuarios</translation>
    </message>
    <message>
        <location filename="../client/qml/Main.qml" line="42"/>
        <source>Audit</source>
        <translation>Auditoría</translation>
    </message>
    <message>
        <location filename="../client/qml/Main.qml" line="43"/>
        <source>Sync</source>
        <translation>Sincro</translation>
    </message>
    <message>
        <location filename="../client/qml/Main.qml" line="44"/>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <location filename="../client/qml/Main.qml" line="61"/>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <location filename="../client/qml/Main.qml" line="61"/>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <location filename="../client/qml/Main.qml" line="77"/>
        <location filename="../client/app/main.cpp" line="174"/>
        <source>All work synced</source>
        <translation>Todo sincronizado</translation>
    </message>
    <message>
        <location filename="../client/qml/Main.qml" line="77"/>
        <source>last sync %1</source>
        <translation>última sincronización: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../client/qml/Main.qml" line="78"/>
        <source>%n change(s) waiting to sync</source>
        <translation>
            <numerusform>%n cambio pendiente de sincronizar</numerusform>
            <numerusform>%n cambios pendientes de sincronizar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewProductForm</name>
    <message>
        <location filename="../client/qml/NewProductForm.qml" line="34"/>
        <source>New product</source>
        <translation>Nuevo producto</translation>
    </message>
    <message>
        <location filename="../client/qml/NewProductForm.qml" line="35"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../client/qml/NewProductForm.qml" line="38"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../client/qml/NewProductForm.qml" line="41"/>
        <source>Price and currency</source>
        <translation>Precio y moneda</translation>
    </message>
    <message>
        <location filename="../client/qml/NewProductForm.qml" line="53"/>
        <source>Unit and category</source>
        <translation>Unidad y categoría</translation>
    </message>
    <message>
        <location filename="../client/qml/NewProductForm.qml" line="61"/>
        <source>No category</source>
        <translation>Sin categoría</translation>
    </message>
    <message>
        <location filename="../client/qml/NewProductForm.qml" line="66"/>
        <source>Barcodes (scan or type, separated by spaces)</source>
        <translation>Códigos de barras (escanear o escribir, separados por espacios)</translation>
    </message>
    <message>
        <location filename="../client/qml/NewProductForm.qml" line="79"/>
        <source>Create (Ctrl+S)</source>
        <translation>Crear (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../client/qml/NewProductForm.qml" line="84"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="26"/>
        <source>Orders</source>
        <translation>Pedidos</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="28"/>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="38"/>
        <source>No orders yet.</source>
        <translation>Todavía no hay pedidos.</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="69"/>
        <location filename="../client/qml/OrdersPage.qml" line="144"/>
        <source>Order %1</source>
        <translation>Pedido %1</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="75"/>
        <source>payment %1</source>
        <translation>pago %1</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="88"/>
        <source>Your role may look at orders, not change them.</source>
        <translation>Su rol puede ver los pedidos, no modificarlos.</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="98"/>
        <source>New order</source>
        <translation>Nuevo pedido</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="106"/>
        <location filename="../client/qml/OrdersPage.qml" line="107"/>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="116"/>
        <source>Warehouse</source>
        <translation>Almacén</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="122"/>
        <source>Product: scan or type SKU or barcode</source>
        <translation>Producto: escanee o escriba la referencia o el código de barras</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="129"/>
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="137"/>
        <source>Place order</source>
        <translation>Realizar pedido</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="144"/>
        <source>Select an order</source>
        <translation>Elija un pedido</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="152"/>
        <source>Why it is cancelled</source>
        <translation>Motivo de la cancelación</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="157"/>
        <source>Cancel order</source>
        <translation>Cancelar pedido</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="166"/>
        <source>Refund up to %1</source>
        <translation>Reembolsar hasta %1</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="166"/>
        <source>Refund amount</source>
        <translation>Importe a reembolsar</translation>
    </message>
    <message>
        <location filename="../client/qml/OrdersPage.qml" line="172"/>
        <source>Refund</source>
        <translation>Reembolsar</translation>
    </message>
</context>
<context>
    <name>ProductForm</name>
    <message>
        <location filename="../client/qml/ProductForm.qml" line="21"/>
        <source>Changes of this product wait to sync.</source>
        <translation>Hay cambios de este producto pendientes de sincronizar.</translation>
    </message>
    <message>
        <location filename="../client/qml/ProductForm.qml" line="27"/>
        <source>Saved; it goes to the server at the next sync.</source>
        <translation>Guardado; se envía al servidor en la próxima sincronización.</translation>
    </message>
    <message>
        <location filename="../client/qml/ProductForm.qml" line="35"/>
        <source>Product %1</source>
        <translation>Producto %1</translation>
    </message>
    <message>
        <location filename="../client/qml/ProductForm.qml" line="36"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../client/qml/ProductForm.qml" line="44"/>
        <source>Price</source>
        <translation>Precio</translation>
    </message>
    <message>
        <location filename="../client/qml/ProductForm.qml" line="55"/>
        <source>Active (can be sold)</source>
        <translation>Activo (se puede vender)</translation>
    </message>
    <message>
        <location filename="../client/qml/ProductForm.qml" line="57"/>
        <source>Save (Ctrl+S)</source>
        <translation>Guardar (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../client/qml/ProductForm.qml" line="58"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../client/qml/SettingsPage.qml" line="10"/>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <location filename="../client/qml/SettingsPage.qml" line="13"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../client/qml/SettingsPage.qml" line="20"/>
        <source>As the system</source>
        <translation>Como el sistema</translation>
    </message>
    <message>
        <location filename="../client/qml/SettingsPage.qml" line="30"/>
        <source>Dark theme</source>
        <translation>Tema oscuro</translation>
    </message>
    <message>
        <location filename="../client/qml/SettingsPage.qml" line="35"/>
        <source>About</source>
        <translation>Acerca de</translation>
    </message>
    <message>
        <location filename="../client/qml/SettingsPage.qml" line="39"/>
        <source>TossErp %1</source>
        <translation>TossErp %1</translation>
    </message>
    <message>
        <location filename="../client/qml/SettingsPage.qml" line="40"/>
        <source>Server: %1</source>
        <translation>Servidor: %1</translation>
    </message>
    <message>
        <location filename="../client/qml/SettingsPage.qml" line="40"/>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <location filename="../client/qml/SettingsPage.qml" line="44"/>
        <source>Server version %1, sync protocol %2</source>
        <translation>Versión del servidor %1, protocolo de sincronización %2</translation>
    </message>
    <message>
        <location filename="../client/qml/SettingsPage.qml" line="45"/>
        <source>Server version: known after the next sync</source>
        <translation>Versión del servidor: se conoce tras la próxima sincronización</translation>
    </message>
    <message>
        <location filename="../client/qml/SettingsPage.qml" line="47"/>
        <source>This client speaks sync protocol %1</source>
        <translation>Este cliente habla el protocolo de sincronización %1</translation>
    </message>
    <message>
        <location filename="../client/qml/SettingsPage.qml" line="48"/>
        <source>Products in this replica: %1</source>
        <translation>Productos en esta réplica: %1</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../client/qml/SignInPage.qml" line="13"/>
        <source>Sign in to TossErp</source>
        <translation>Iniciar sesión en TossErp</translation>
    </message>
    <message>
        <location filename="../client/qml/SignInPage.qml" line="17"/>
        <source>Server address</source>
        <translation>Dirección del servidor</translation>
    </message>
    <message>
        <location filename="../client/qml/SignInPage.qml" line="26"/>
        <source>Username</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <location filename="../client/qml/SignInPage.qml" line="35"/>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <location filename="../client/qml/SignInPage.qml" line="52"/>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <location filename="../client/qml/SignInPage.qml" line="58"/>
        <source>Work offline</source>
        <translation>Trabajar sin conexión</translation>
    </message>
</context>
<context>
    <name>StockPage</name>
    <message>
        <location filename="../client/qml/StockPage.qml" line="22"/>
        <source>Receive goods</source>
        <translation>Recepción</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="23"/>
        <source>Move stock</source>
        <translation>Mover</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="23"/>
        <source>Move (works offline)</source>
        <translation>Mover (funciona sin conexión)</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="24"/>
        <source>Adjust stock</source>
        <translation>Ajustar</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="24"/>
        <source>Adjust (works offline)</source>
        <translation>Ajustar (funciona sin conexión)</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="25"/>
        <source>Count stock</source>
        <translation>Recuento</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="25"/>
        <source>Record count (works offline)</source>
        <translation>Registrar recuento (funciona sin conexión)</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="51"/>
        <source>Scan or type a barcode or SKU, then Enter</source>
        <translation>Escanee o escriba un código de barras o SKU y pulse Intro</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="62"/>
        <source>Found %1</source>
        <translation>Encontrado: %1</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="62"/>
        <source>No product with this code</source>
        <translation>Ningún producto con este código</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="70"/>
        <source>Change (negative for a loss)</source>
        <translation>Cambio (negativo para una pérdida)</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="71"/>
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="22"/>
        <source>Receive (works offline)</source>
        <translation>Recibir (funciona sin conexión)</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="71"/>
        <source>Counted quantity</source>
        <translation>Cantidad contada</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="80"/>
        <source>From location</source>
        <translation>Desde la ubicación</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="80"/>
        <source>Location</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="89"/>
        <source>To location</source>
        <translation>Hacia la ubicación</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="101"/>
        <source>Reason (required)</source>
        <translation>Motivo (obligatorio)</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="101"/>
        <source>Note (optional)</source>
        <translation>Nota (opcional)</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="106"/>
        <source>damaged, found, expired…</source>
        <translation>dañado, encontrado, caducado…</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="118"/>
        <source>Queued; it goes to the server at the next sync.</source>
        <translation>En cola; se enviará al servidor en la próxima sincronización.</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="142"/>
        <source>Stock on hand</source>
        <translation>Existencias</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="148"/>
        <source>Only this SKU or barcode</source>
        <translation>Solo este SKU o código de barras</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="155"/>
        <source>The first %1 shown; enter a code to narrow</source>
        <translation>Se muestran los primeros %1; introduzca un código para acotar</translation>
    </message>
    <message>
        <location filename="../client/qml/StockPage.qml" line="177"/>
        <source>(%1 pending)</source>
        <translation>(%1 pendiente)</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../client/qml/SyncPage.qml" line="13"/>
        <source>Sync</source>
        <translation>Sincronización</translation>
    </message>
    <message>
        <location filename="../client/qml/SyncPage.qml" line="16"/>
        <source>Server: %1</source>
        <translation>Servidor: %1</translation>
    </message>
    <message>
        <location filename="../client/qml/SyncPage.qml" line="16"/>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <location filename="../client/qml/SyncPage.qml" line="17"/>
        <source>Signed in as: %1</source>
        <translation>Sesión iniciada como: %1</translation>
    </message>
    <message>
        <location filename="../client/qml/SyncPage.qml" line="17"/>
        <source>nobody</source>
        <translation>nadie</translation>
    </message>
    <message>
        <location filename="../client/qml/SyncPage.qml" line="18"/>
        <source>Waiting to sync: %1</source>
        <translation>Pendientes de sincronizar: %1</translation>
    </message>
    <message>
        <location filename="../client/qml/SyncPage.qml" line="31"/>
        <source>No conflicts.</source>
        <translation>Sin conflictos.</translation>
    </message>
    <message numerus="yes">
        <location filename="../client/qml/SyncPage.qml" line="32"/>
        <source>%n conflict(s): someone else changed the same field. Keep one.</source>
        <translation>
            <numerusform>%n conflicto: otra persona cambió el mismo campo. Conserve una versión.</numerusform>
            <numerusform>%n conflictos: otra persona cambió los mismos campos. Conserve una versión de cada uno.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../client/qml/SyncPage.qml" line="54"/>
        <source>Was</source>
        <translation>Antes</translation>
    </message>
    <message>
        <location filename="../client/qml/SyncPage.qml" line="56"/>
        <source>Mine</source>
        <translation>La mía</translation>
    </message>
    <message>
        <location filename="../client/qml/SyncPage.qml" line="58"/>
        <source>Keep mine</source>
        <translation>Conservar la mía</translation>
    </message>
    <message>
        <location filename="../client/qml/SyncPage.qml" line="60"/>
        <source>Theirs</source>
        <translation>La otra</translation>
    </message>
    <message>
        <location filename="../client/qml/SyncPage.qml" line="62"/>
        <source>Keep theirs</source>
        <translation>Conservar la otra</translation>
    </message>
    <message>
        <location filename="../client/qml/SyncPage.qml" line="19"/>
        <source>Last sync: %1</source>
        <translation>Última sincronización: %1</translation>
    </message>
    <message>
        <location filename="../client/qml/SyncPage.qml" line="19"/>
        <source>not in this session</source>
        <translation>aún no en esta sesión</translation>
    </message>
    <message>
        <location filename="../client/qml/SyncPage.qml" line="26"/>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="82"/>
        <source>Only administrators manage users and roles.</source>
        <translation>Solo los administradores gestionan usuarios y roles.</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="97"/>
        <source>Users</source>
        <translation>Usuarios</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="105"/>
        <location filename="../client/qml/UsersPage.qml" line="221"/>
        <source>New user</source>
        <translation>Nuevo usuario</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="113"/>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="150"/>
        <source>active</source>
        <translation>activo</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="150"/>
        <source>disabled</source>
        <translation>desactivado</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="162"/>
        <source>API keys</source>
        <translation>Claves de API</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="176"/>
        <source>revoked %1</source>
        <translation>revocada %1</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="177"/>
        <source>last used %1</source>
        <translation>último uso %1</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="178"/>
        <source>never used</source>
        <translation>nunca usada</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="184"/>
        <source>Revoke</source>
        <translation>Revocar</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="191"/>
        <source>Key name</source>
        <translation>Nombre de la clave</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="198"/>
        <source>Create key</source>
        <translation>Crear clave</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="221"/>
        <source>User %1</source>
        <translation>Usuario %1</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="225"/>
        <source>Username</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="227"/>
        <source>Display name</source>
        <translation>Nombre visible</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="229"/>
        <source>New password</source>
        <translation>Nueva contraseña</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="229"/>
        <source>Password (at least 8 characters)</source>
        <translation>Contraseña (al menos 8 caracteres)</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="234"/>
        <source>Reset</source>
        <translation>Restablecer</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="239"/>
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="247"/>
        <source>per warehouse</source>
        <translation>por almacén</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="252"/>
        <source>Warehouses (for roles per warehouse)</source>
        <translation>Almacenes (para roles por almacén)</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="269"/>
        <source>Save roles</source>
        <translation>Guardar roles</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="269"/>
        <source>Create user</source>
        <translation>Crear usuario</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="279"/>
        <source>Disable</source>
        <translation>Desactivar</translation>
    </message>
    <message>
        <location filename="../client/qml/UsersPage.qml" line="279"/>
        <source>Enable</source>
        <translation>Activar</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../client/app/main.cpp" line="86"/>
        <source>TossErp desktop client</source>
        <translation>Cliente de escritorio de TossErp</translation>
    </message>
    <message>
        <location filename="../client/app/main.cpp" line="89"/>
        <source>Replica file.</source>
        <translation>Archivo de réplica.</translation>
    </message>
    <message>
        <location filename="../client/app/main.cpp" line="90"/>
        <source>Server address.</source>
        <translation>Dirección del servidor.</translation>
    </message>
    <message>
        <location filename="../client/app/main.cpp" line="92"/>
        <source>Load every page offscreen and quit; non-zero on any QML warning.</source>
        <translation>Cargar cada página fuera de pantalla y salir; código de salida distinto de cero ante cualquier advertencia de QML.</translation>
    </message>
    <message>
        <location filename="../client/app/main.cpp" line="94"/>
        <source>With --self-test: save a PNG per page here.</source>
        <translation>Con --self-test: guardar aquí un PNG por página.</translation>
    </message>
    <message>
        <location filename="../client/app/main.cpp" line="96"/>
        <source>Interface language for this run (en, de, fr, es).</source>
        <translation>Idioma de la interfaz para esta ejecución (en, de, fr, es).</translation>
    </message>
</context>
<context>
    <name>tosserp::client::AppState</name>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="92"/>
        <source>Syncing… %L1 changes received</source>
        <translation>Sincronizando… %L1 cambios recibidos</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="202"/>
        <source>This product is no longer in the catalog.</source>
        <translation>Este producto ya no está en el catálogo.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="207"/>
        <source>A name is required.</source>
        <translation>El nombre es obligatorio.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="208"/>
        <source>At most 200 characters, on one line.</source>
        <translation>Como máximo 200 caracteres, en una línea.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="213"/>
        <source>A price such as 12.90 (at most %1 decimals).</source>
        <translation>Un precio como 12.90 (como máximo %1 decimales).</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="215"/>
        <source>A price cannot be negative.</source>
        <translation>Un precio no puede ser negativo.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="275"/>
        <source>Give the server address, your username and your password.</source>
        <translation>Introduzca la dirección del servidor, su nombre de usuario y su contraseña.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="281"/>
        <source>Signing in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="289"/>
        <source>Working offline: your work is kept and sent at the next sync.</source>
        <translation>Trabajando sin conexión: su trabajo se guarda y se enviará en la próxima sincronización.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="299"/>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="356"/>
        <source>No product with the code %1.</source>
        <translation>No hay ningún producto con el código %1.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="362"/>
        <source>Give a quantity in %1.</source>
        <translation>Indique una cantidad en %1.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="374"/>
        <source>Give a positive quantity in %1.</source>
        <translation>Introduzca una cantidad positiva en %1.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="381"/>
        <source>Choose the location the goods go to.</source>
        <translation>Elija la ubicación de destino.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="384"/>
        <source>The goods must go to another location.</source>
        <translation>La mercancía debe ir a otra ubicación.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="393"/>
        <source>Give the change in %1, negative for a loss.</source>
        <translation>Indique el cambio en %1, negativo para una pérdida.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="396"/>
        <source>Say why the stock changes (damaged, found, …).</source>
        <translation>Indique por qué cambia el stock (dañado, encontrado, …).</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="403"/>
        <source>A count cannot be negative.</source>
        <translation>Un recuento no puede ser negativo.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="412"/>
        <source>Unknown kind of movement: %1.</source>
        <translation>Tipo de movimiento desconocido: %1.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/app_state.cpp" line="368"/>
        <source>Choose a location.</source>
        <translation>Elija una ubicación.</translation>
    </message>
</context>
<context>
    <name>tosserp::client::AuditModel</name>
    <message>
        <location filename="../client/src/ui/audit_model.cpp" line="96"/>
        <source>No product with the code %1.</source>
        <translation>Ningún producto con el código %1.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/audit_model.cpp" line="97"/>
        <source>Give the number of the order or user.</source>
        <translation>Indique el número del pedido o del usuario.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/audit_model.cpp" line="155"/>
        <source>Nothing recorded yet.</source>
        <translation>Todavía no hay nada registrado.</translation>
    </message>
</context>
<context>
    <name>tosserp::client::CatalogActions</name>
    <message>
        <location filename="../client/src/ui/catalog_actions.cpp" line="48"/>
        <source>Letters, digits and - _ . / (starting with a letter or digit), at most 64.</source>
        <translation>Letras, dígitos y - _ . / (empezando por letra o dígito), como máximo 64.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/catalog_actions.cpp" line="51"/>
        <source>A name is required: at most 200 characters, on one line.</source>
        <translation>Se requiere un nombre: como máximo 200 caracteres, en una línea.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/catalog_actions.cpp" line="54"/>
        <source>A price such as 12.90, not negative.</source>
        <translation>Un precio como 12.90, no negativo.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/catalog_actions.cpp" line="57"/>
        <source>A currency code such as EUR.</source>
        <translation>Un código de moneda como EUR.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/catalog_actions.cpp" line="60"/>
        <source>A unit such as pcs, kg or m.</source>
        <translation>Una unidad como pcs, kg o m.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/catalog_actions.cpp" line="63"/>
        <source>EAN-13, EAN-8 or UPC-A with its check digit, or a code without spaces.</source>
        <translation>EAN-13, EAN-8 o UPC-A con su dígito de control, o un código sin espacios.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/catalog_actions.cpp" line="65"/>
        <source>Not accepted.</source>
        <translation>No aceptado.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/catalog_actions.cpp" line="176"/>
        <location filename="../client/src/ui/catalog_actions.cpp" line="205"/>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <location filename="../client/src/ui/catalog_actions.cpp" line="187"/>
        <source>Product %1 created.</source>
        <translation>Producto %1 creado.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/catalog_actions.cpp" line="202"/>
        <source>A category needs a name.</source>
        <translation>Una categoría necesita un nombre.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/catalog_actions.cpp" line="208"/>
        <source>Category %1 created.</source>
        <translation>Categoría %1 creada.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/catalog_actions.cpp" line="221"/>
        <source>Importing…</source>
        <translation>Importando…</translation>
    </message>
    <message>
        <location filename="../client/src/ui/catalog_actions.cpp" line="231"/>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
</context>
<context>
    <name>tosserp::client::OrderModel</name>
    <message>
        <location filename="../client/src/ui/order_model.cpp" line="115"/>
        <location filename="../client/src/ui/order_model.cpp" line="146"/>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <location filename="../client/src/ui/order_model.cpp" line="135"/>
        <source>No product with the code %1.</source>
        <translation>Ningún producto con el código %1.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/order_model.cpp" line="141"/>
        <source>Choose a customer and a warehouse.</source>
        <translation>Elija un cliente y un almacén.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/order_model.cpp" line="170"/>
        <source>Order %1 placed: stock and payment follow.</source>
        <translation>Pedido %1 realizado: la reserva y el pago siguen.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/order_model.cpp" line="177"/>
        <source>Say why the order is cancelled.</source>
        <translation>Indique por qué se cancela el pedido.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/order_model.cpp" line="182"/>
        <source>Order %1 cancelled.</source>
        <translation>Pedido %1 cancelado.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/order_model.cpp" line="189"/>
        <source>Refunded %1.</source>
        <translation>%1 reembolsado.</translation>
    </message>
</context>
<context>
    <name>tosserp::client::SyncWorker</name>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="24"/>
        <source>The server&apos;s certificate is not trusted on this computer (%1). Check the address, or ask IT to install the company&apos;s certificate authority.</source>
        <translation>El certificado del servidor no es de confianza en este equipo (%1). Compruebe la dirección o pida a informática que instale la autoridad de certificación de la empresa.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="28"/>
        <location filename="../client/src/ui/sync_worker.cpp" line="70"/>
        <source>The server cannot be reached (%1).</source>
        <translation>No se puede conectar con el servidor (%1).</translation>
    </message>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="30"/>
        <source>The username or password is not right.</source>
        <translation>El nombre de usuario o la contraseña no son correctos.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="32"/>
        <source>This account is locked after too many attempts; try again later.</source>
        <translation>Esta cuenta está bloqueada por demasiados intentos; inténtelo de nuevo más tarde.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="34"/>
        <source>This account is disabled; ask an administrator.</source>
        <translation>Esta cuenta está desactivada; consulte a un administrador.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="36"/>
        <source>Sign-in refused (%1).</source>
        <translation>Inicio de sesión rechazado (%1).</translation>
    </message>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="46"/>
        <source>Signed in.</source>
        <translation>Sesión iniciada.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="76"/>
        <source>The server refused (HTTP %1).</source>
        <translation>El servidor lo rechazó (HTTP %1).</translation>
    </message>
    <message numerus="yes">
        <location filename="../client/src/ui/sync_worker.cpp" line="107"/>
        <source>%n product(s) created</source>
        <translation>
            <numerusform>%n producto creado</numerusform>
            <numerusform>%n productos creados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../client/src/ui/sync_worker.cpp" line="108"/>
        <source>%n row(s) rejected</source>
        <translation>
            <numerusform>%n fila rechazada</numerusform>
            <numerusform>%n filas rechazadas</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="110"/>
        <source>Stopped at %1.</source>
        <translation>Detenido en %1.</translation>
    </message>
    <message numerus="yes">
        <location filename="../client/src/ui/sync_worker.cpp" line="128"/>
        <source>%n product(s) written to %1.</source>
        <translation>
            <numerusform>%n producto escrito en %1.</numerusform>
            <numerusform>%n productos escritos en %1.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../client/src/ui/sync_worker.cpp" line="149"/>
        <source>Synced.</source>
        <translation>Sincronizado.</translation>
    </message>
</context>
<context>
    <name>tosserp::client::UserModel</name>
    <message>
        <location filename="../client/src/ui/user_model.cpp" line="235"/>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <location filename="../client/src/ui/user_model.cpp" line="254"/>
        <source>A username is required.</source>
        <translation>Se requiere un nombre de usuario.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/user_model.cpp" line="258"/>
        <location filename="../client/src/ui/user_model.cpp" line="278"/>
        <source>A password has at least 8 characters.</source>
        <translation>Una contraseña tiene al menos 8 caracteres.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/user_model.cpp" line="266"/>
        <source>User %1 created.</source>
        <translation>Usuario %1 creado.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/user_model.cpp" line="272"/>
        <source>The account is enabled.</source>
        <translation>La cuenta está activada.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/user_model.cpp" line="272"/>
        <source>The account is disabled; its sessions end.</source>
        <translation>La cuenta está desactivada; sus sesiones terminan.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/user_model.cpp" line="282"/>
        <source>The password is reset.</source>
        <translation>La contraseña está restablecida.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/user_model.cpp" line="289"/>
        <source>Roles and warehouses saved.</source>
        <translation>Roles y almacenes guardados.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/user_model.cpp" line="295"/>
        <source>An API key needs a name.</source>
        <translation>Una clave de API necesita un nombre.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/user_model.cpp" line="307"/>
        <source>Choose at least one role whose permissions the key gets.</source>
        <translation>Elija al menos un rol cuyos permisos recibe la clave.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/user_model.cpp" line="311"/>
        <source>API key %1 created: copy it now, it is shown once.</source>
        <translation>Clave de API %1 creada: cópiela ahora, se muestra una sola vez.</translation>
    </message>
    <message>
        <location filename="../client/src/ui/user_model.cpp" line="317"/>
        <source>The API key is revoked.</source>
        <translation>La clave de API está revocada.</translation>
    </message>
</context>
</TS>
